// Recognises files that are not the expected report at all, so the user gets
// one clear line ("is a Git LFS pointer") instead of "0 %" or a parser error.
import * as path from 'node:path'
import { ReportError } from './model.js'

export function sniff(head: Buffer, shown: string, expected: 'lcov' | 'cobertura', size: number): void {
  if (size === 0) throw new ReportError(shown, 'empty file')
  if (head.includes(0)) throw new ReportError(shown, `binary file, not ${expected === 'lcov' ? 'an lcov report' : 'Cobertura XML'}`)
  const text = head.toString('utf8').replace(/^\uFEFF/, '').trimStart()
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
