// Writes a Cobertura XML report from line states (a merge of shard reports):
// one class per file, a <line> per instrumented line with hits 1 (run) or 0,
// root totals from the same lines. Readers that need only "run or not" per line
// (diff-cover, GitHub's coverage upload, this action) read it as they read
// coverage.py's. Pure: returns the text.
import { LINE_HIT, LINE_NONE, type FileCoverage } from './model.js'

const escapeAttribute = (value: string): string =>
  value
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')

const rate = (covered: number, total: number): string => (total > 0 ? String(covered / total) : '1')

export function coberturaXml(files: readonly FileCoverage[], source: string, note: string, now = new Date()): string {
  const out: string[] = []
  let covered = 0
  let total = 0
  for (const file of files) {
    covered += file.lines.covered
    total += file.lines.total
  }
  out.push('<?xml version="1.0" ?>')
  out.push(
    `<coverage version="rust-python-coverage" timestamp="${now.getTime()}" lines-valid="${total}" lines-covered="${covered}" line-rate="${rate(covered, total)}" branches-valid="0" branches-covered="0" branch-rate="0" complexity="0">`
  )
  out.push(`\t<!-- ${note.replace(/--/g, '- -')} -->`)
  out.push('\t<sources>', `\t\t<source>${escapeAttribute(source)}</source>`, '\t</sources>')
  out.push('\t<packages>', `\t\t<package name="." line-rate="${rate(covered, total)}" branch-rate="0" complexity="0">`, '\t\t\t<classes>')
  for (const file of files) {
    const name = escapeAttribute(file.path)
    out.push(
      `\t\t\t\t<class name="${name}" filename="${name}" line-rate="${rate(file.lines.covered, file.lines.total)}" branch-rate="0" complexity="0">`
    )
    out.push('\t\t\t\t\t<methods/>', '\t\t\t\t\t<lines>')
    const states = file.lineStates
    if (states) {
      for (let n = 1; n < states.length; n++) {
        if (states[n] !== LINE_NONE) out.push(`\t\t\t\t\t\t<line number="${n}" hits="${states[n] === LINE_HIT ? 1 : 0}"/>`)
      }
    }
    out.push('\t\t\t\t\t</lines>', '\t\t\t\t</class>')
  }
  out.push('\t\t\t</classes>', '\t\t</package>', '\t</packages>', '</coverage>', '')
  return out.join('\n')
}
