// Byte codes and small helpers shared by the readers that work on the bytes of
// a report (lcov.ts, xml-scanner.ts), so that their loops read as the text they
// look for: `buf[i] === Byte.Colon`, not `buf[i] === 58`.

/**
 * The ASCII codes the readers compare with. A const enum on purpose: the
 * compilers (tsc in the build, esbuild in the bench) write each use as its
 * number, so a hot loop compares with literals, exactly as if the numbers were
 * written out. Module constants would not do: in a bundle they may become
 * variables, loaded again on every use (see bench/RESULTS.md, 2026-11-30).
 */
export const enum Byte {
  Tab = 0x09,
  LineFeed = 0x0a,
  CarriageReturn = 0x0d,
  Space = 0x20,
  Bang = 0x21, // !
  DoubleQuote = 0x22, // "
  Ampersand = 0x26, // &
  SingleQuote = 0x27, // '
  OpenParen = 0x28, // (
  CloseParen = 0x29, // )
  Comma = 0x2c, // ,
  Minus = 0x2d, // -
  Slash = 0x2f, // /
  Digit0 = 0x30,
  Digit9 = 0x39,
  Colon = 0x3a, // :
  LessThan = 0x3c, // <
  Equals = 0x3d, // =
  GreaterThan = 0x3e, // >
  Question = 0x3f, // ?
  OpenBracket = 0x5b, // [
  CloseBracket = 0x5d, // ]
  // The letters of the lcov records read from the bytes (DA:, BRDA:, FN:, FNDA:, LF:, FNH:, end_of_record).
  A = 0x41,
  B = 0x42,
  D = 0x44,
  F = 0x46,
  H = 0x48,
  L = 0x4c,
  N = 0x4e,
  R = 0x52,
  LowerE = 0x65
}

/** Whitespace in XML: space, tab, CR or LF. */
export const isSpace = (c: number): boolean => c === Byte.Space || c === Byte.LineFeed || c === Byte.Tab || c === Byte.CarriageReturn

/** Space, tab or CR: what may trail a value before the end of its line (and, with LF counted apart, XML whitespace). */
export const isBlank = (c: number): boolean => c === Byte.Space || c === Byte.Tab || c === Byte.CarriageReturn

/** Whether buf[i] starts the UTF-8 byte order mark, EF BB BF. */
export const hasBomAt = (buf: Uint8Array, i: number): boolean => buf[i] === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf

/** The end of buf[from, to) with trailing spaces, tabs and CRs left off. */
export function trimEnd(buf: Uint8Array, from: number, to: number): number {
  while (to > from && isBlank(buf[to - 1] as number)) to--
  return to
}

/**
 * Reads plain decimal digits: at() returns the index after them and leaves
 * their value in `value` (a double: exact up to 15 digits). A reader holds its
 * own, so that the value is stored to an object of one shape only.
 */
export class Digits {
  value = 0

  /** The index after the digits at buf[i, stop) (i itself when there are none); their value in this.value. */
  at(buf: Uint8Array, i: number, stop: number): number {
    let n = 0
    for (; i < stop; i++) {
      const c = buf[i] as number
      if (c < Byte.Digit0 || c > Byte.Digit9) break
      n = n * 10 + (c - Byte.Digit0)
    }
    this.value = n
    return i
  }
}

/** An ASCII keyword as bytes, for equalsAt and startsWithAt. */
export const bytesOf = (ascii: string): Uint8Array => Uint8Array.from(Buffer.from(ascii))

/** Whether buf[from, to) is exactly the bytes of word. */
export function equalsAt(buf: Uint8Array, from: number, to: number, word: Uint8Array): boolean {
  if (to - from !== word.length) return false
  for (let k = 0; k < word.length; k++) if (buf[from + k] !== word[k]) return false
  return true
}

/** Whether buf[i, end) starts with the bytes of word. */
export function startsWithAt(buf: Uint8Array, i: number, end: number, word: Uint8Array): boolean {
  if (end - i < word.length) return false
  for (let k = 0; k < word.length; k++) if (buf[i + k] !== word[k]) return false
  return true
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
