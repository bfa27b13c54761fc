// Small helpers shared by the readers that work on the bytes of a report
// (lcov.ts, xml-scanner.ts). Plain numbers: V8 folds them like literals.

const TAB = 0x09
const CR = 0x0d
const SPACE = 0x20

/** Space, tab or CR: what may trail a value before the end of its line. */
export const isBlank = (c: number): boolean => c === SPACE || c === TAB || c === CR

/** The end of buf[from, to) with trailing spaces, tabs and CRs left off. */
export function trimEnd(buf: Uint8Array, from: number, to: number): number {
  while (to > from && isBlank(buf[to - 1] as number)) to--
  return to
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
