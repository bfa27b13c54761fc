// Byte codes and small helpers shared by the readers that work on the bytes of
// a report (lcov.ts, xml-scanner.ts), so that their loops read as the text
// they look for. Plain numbers: V8 folds them like literals.

// Whitespace and line ends.
export const TAB = 0x09
export const LF = 0x0a
export const CR = 0x0d
export const SPACE = 0x20

// Punctuation.
export const BANG = 0x21 // !
export const DOUBLE_QUOTE = 0x22 // "
export const HASH = 0x23 // #
export const AMPERSAND = 0x26 // &
export const SINGLE_QUOTE = 0x27 // '
export const OPEN_PAREN = 0x28 // (
export const CLOSE_PAREN = 0x29 // )
export const COMMA = 0x2c // ,
export const MINUS = 0x2d // -
export const SLASH = 0x2f // /
export const COLON = 0x3a // :
export const LESS_THAN = 0x3c // <
export const EQUALS = 0x3d // =
export const GREATER_THAN = 0x3e // >
export const QUESTION = 0x3f // ?
export const OPEN_BRACKET = 0x5b // [
export const CLOSE_BRACKET = 0x5d // ]

export const DIGIT_0 = 0x30
export const DIGIT_9 = 0x39

/** The UTF-8 byte order mark, EF BB BF. */
export const BOM = [0xef, 0xbb, 0xbf] as const

/** The code of a one-character ASCII string, for the letters of record names ('D' of DA:). */
export const code = (ascii: string): number => ascii.charCodeAt(0)

/** Space, tab, CR or LF. */
export const isSpace = (c: number): boolean => c === SPACE || c === LF || c === TAB || c === CR

/** Space, tab or CR: what may trail a value before the end of its line. */
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR

export const isDigit = (c: number): boolean => c >= DIGIT_0 && c <= DIGIT_9

/** Whether buf[from, to) starts with the UTF-8 byte order mark. */
export const hasBom = (buf: Uint8Array, from: number, to: number): boolean =>
  to - from >= 3 && buf[from] === BOM[0] && buf[from + 1] === BOM[1] && buf[from + 2] === BOM[2]

/** The end of buf[from, to) with trailing spaces, tabs and CRs left off. */
export function trimEnd(buf: Uint8Array, from: number, to: number): number {
  while (to > from && isBlank(buf[to - 1] as number)) to--
  return to
}

/** The value of the digits that digitsAt read last. */
export const digits = { value: 0 }

/**
 * Reads the plain decimal digits at buf[i, stop): returns the index after them
 * (i itself when there are none) and leaves their value in digits.value (a
 * double: exact up to 15 digits, only ever too large beyond).
 */
export function digitsAt(buf: Uint8Array, i: number, stop: number): number {
  let n = 0
  for (; i < stop; i++) {
    const c = buf[i] as number
    if (c < DIGIT_0 || c > DIGIT_9) break
    n = n * 10 + (c - DIGIT_0)
  }
  digits.value = n
  return i
}

/** An ASCII keyword as bytes, for matchAt. */
export const keyword = (ascii: string): Uint8Array => Uint8Array.from(Buffer.from(ascii, 'latin1'))

/** Whether the bytes of word are at buf[i], within buf[0, stop). */
export function matchAt(buf: Uint8Array, i: number, stop: number, word: Uint8Array): boolean {
  if (stop - i < word.length) return false
  for (let k = 0; k < word.length; k++) if (buf[i + k] !== word[k]) return false
  return true
}

/** Whether buf[from, to) is exactly word. */
export function equalsAt(buf: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  return to - from === word.length && matchAt(buf, from, to, word)
}

/** The number of '\n' in buf[from, to). */
export function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0
  for (let i = buf.indexOf(LF, from); i >= 0 && i < to; i = buf.indexOf(LF, i + 1)) n++
  return n
}

/**
 * A fixed byte string compared four bytes at a time through a DataView of the
 * buffer, the rest byte by byte: for the hottest matches (see bench/RESULTS.md).
 */
export class FixedBytes {
  readonly length: number
  private readonly words: Int32Array
  private readonly tail: Uint8Array

  constructor(text: string) {
    const bytes = Buffer.from(text)
    const whole = bytes.length & ~3
    this.length = bytes.length
    this.words = new Int32Array(whole / 4)
    for (let k = 0; k < whole; k += 4) this.words[k / 4] = bytes.readInt32LE(k)
    this.tail = Uint8Array.from(bytes.subarray(whole))
  }

  /** Whether the bytes are at buf[i]; the caller has checked that i + length is within the data. */
  at(view: DataView, buf: Uint8Array, i: number): boolean {
    const words = this.words
    for (let k = 0; k < words.length; k++, i += 4) if (view.getInt32(i, true) !== words[k]) return false
    const tail = this.tail
    for (let k = 0; k < tail.length; k++, i++) if (buf[i] !== tail[k]) return false
    return true
  }
}
