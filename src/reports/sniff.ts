// Recognises files that are not the expected report at all, so the user gets
// one clear line ("is a Git LFS pointer") instead of "0 %" or a parser error.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { ReportError } from '../model/errors.js'

export function sniff(head: Buffer, shown: string, expected: 'lcov' | 'cobertura', size: number): void {
  if (size === 0) throw new ReportError(shown, 'empty file')
  if (head.includes(0)) throw new ReportError(shown, `binary file, not ${expected === 'lcov' ? 'an lcov report' : 'Cobertura XML'}`)
  const text = head
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart()
  if (text === '') throw new ReportError(shown, 'empty file (only whitespace)')
  if (text.startsWith('version https://git-lfs.github.com/spec/')) {
    throw new ReportError(shown, 'is a Git LFS pointer, not the report (fetch LFS objects or fix the path)')
  }
  const looksXml = text.startsWith('<')
  const looksJson = text.startsWith('{') || text.startsWith('[')
  const looksLcov = /^(TN|SF|VER):/m.test(text.slice(0, 4096))
  if (expected === 'lcov') {
    if (looksXml) throw new ReportError(shown, 'is XML (Cobertura?), not lcov')
    if (looksJson) throw new ReportError(shown, 'is JSON (llvm-cov export?), not lcov')
  } else {
    if (looksLcov && !looksXml) throw new ReportError(shown, 'is lcov, not Cobertura XML')
    if (looksJson) throw new ReportError(shown, 'is JSON (coverage json?), not Cobertura XML')
    if (!looksXml) throw new ReportError(shown, 'is not XML, so not a Cobertura report')
  }
}

/** '\' to '/', and absolute paths under root made relative (drive letters compared case-insensitively). */
export function normalisePath(raw: string, root?: string): string {
  let p = raw.replace(/\\/g, '/')
  if (!root) return p
  const r = root.replace(/\\/g, '/').replace(/\/+$/, '')
  const windows = /^[a-zA-Z]:\//.test(p)
  const under = windows ? p.toLowerCase().startsWith(`${r.toLowerCase()}/`) : p.startsWith(`${r}/`)
  if (under) p = p.slice(r.length + 1)
  else if (!windows && path.isAbsolute(p)) p = path.posix.normalize(p)
  return p
}

/** The first 64 KiB and the size, or a one-line ReportError for a missing file or a folder. */
export async function readHead(path: string, shown: string): Promise<{ bytes: Buffer; size: number }> {
  let stat: fs.Stats
  try {
    stat = await fs.promises.stat(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new ReportError(shown, code === 'ENOENT' ? 'not found' : `cannot be read (${code})`)
  }
  if (stat.isDirectory()) throw new ReportError(shown, 'is a directory, not a report file')
  const handle = await fs.promises.open(path, 'r')
  try {
    const bytes = Buffer.alloc(Math.min(65536, stat.size))
    await handle.read(bytes, 0, bytes.length, 0)
    return { bytes, size: stat.size }
  } finally {
    await handle.close()
  }
}
