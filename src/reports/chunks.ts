// Feeds a file to a byte scanner in 1 MiB chunks through one reused buffer.
// The scanner consumes what it can and returns how far it got; the rest (an
// unfinished line or tag) moves to the front and the next read appends to it.
// Memory stays at the buffer size whatever the size of the file.
import * as fs from 'node:fs'
import { LineStateBudgetExceeded, ReportError, TokenTooLongError } from '../model/errors.js'

export interface ByteScanner {
  /**
   * Scans buf[0, end). `final` is true when no more bytes will come. Returns
   * the offset of the first byte not consumed (bytes from there on are given
   * again, followed by more, on the next call).
   */
  scan(buf: Buffer, end: number, final: boolean): number
}

const CHUNK = 1 << 20
/** A single line or tag longer than this is not a coverage report. */
const MAX_TOKEN = 64 << 20

/** Runs the scanner over the whole buffer (reports already in memory). */
export function scanBuffer(scanner: ByteScanner, buf: Buffer): void {
  scanner.scan(buf, buf.length, true)
}

/** Streams the file through the scanner. */
export async function scanFile(path: string, scanner: ByteScanner): Promise<void> {
  const handle = await fs.promises.open(path, 'r')
  try {
    let buf = Buffer.allocUnsafe(CHUNK)
    let end = 0
    for (;;) {
      if (end === buf.length) {
        if (buf.length >= MAX_TOKEN) throw new TokenTooLongError(`a single line or tag is longer than ${MAX_TOKEN >> 20} MiB`)
        const grown = Buffer.allocUnsafe(buf.length * 2)
        buf.copy(grown, 0, 0, end)
        buf = grown
      }
      const bytesRead = fs.readSync(handle.fd, buf, end, buf.length - end, null)
      end += bytesRead
      const final = bytesRead === 0
      const used = scanner.scan(buf, end, final)
      if (final) return
      if (used > 0) {
        buf.copy(buf, 0, used, end)
        end -= used
      }
    }
  } finally {
    await handle.close()
  }
}

/** A read failure in the middle of a report, as the one-line ReportError the parsers throw. */
export function rethrowAs(shown: string): (error: unknown) => never {
  return (error) => {
    if (error instanceof TokenTooLongError || error instanceof LineStateBudgetExceeded) throw new ReportError(shown, error.message)
    const code = (error as NodeJS.ErrnoException).code
    if (code) throw new ReportError(shown, `cannot be read (${code})`)
    throw error
  }
}
