// Pulls pytest-cov's terminal coverage table out of a pytest run's output, so
// the artifact keeps the summary users know from their terminal. Pure.

const START = /^[\s=_-]*(tests coverage|coverage: platform)\b/
const TOTAL = /^TOTAL\s/

/** The coverage section (header through TOTAL and the "written to" lines), or null if there is none. */
export function extractCoverageTable(output: string): string | null {
  const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/)
  let start = -1
  for (let i = 0; i < lines.length; i++) {
    if (START.test(lines[i] ?? '')) {
      // pytest-cov 7 prints "== tests coverage ==" then "__ coverage: platform ... __": both stay, from the first.
      start = i
      break
    }
  }
  if (start < 0) return null
  let end = lines.findIndex((line, i) => i > start && TOTAL.test(line))
  if (end < 0) return null
  while (end + 1 < lines.length && /^(Coverage \w+ written to|Required test coverage|FAIL Required)/.test(lines[end + 1] ?? '')) end++
  return lines.slice(start, end + 1).join('\n') + '\n'
}
