// Patch coverage: of the lines a pull request adds or changes, those the
// coverage tool instruments, and of those, the ones the tests ran. Pure.
import { LINE_HIT, LINE_MISSED, percent, type CoverageReport } from '../../reports/model.js'
import { toRanges, type ChangedLines } from './diff.js'
import type { PatchFile, PatchCoverage } from '../../model/outcomes.js'

/** `changed` is keyed by workspace-relative paths, like the report's files. */
export function patchCoverage(report: CoverageReport, changed: ChangedLines): PatchCoverage {
  const files: PatchFile[] = []
  let covered = 0
  let total = 0
  for (const file of report.files) {
    const lines = changed.get(file.path)
    const states = file.lineStates
    if (!lines || !states) continue
    const entry: PatchFile = { path: file.path, total: 0, covered: 0, uncovered: [] }
    const missed: number[] = []
    for (const n of lines) {
      const state = states[n]
      if (state === LINE_HIT) {
        entry.total++
        entry.covered++
      } else if (state === LINE_MISSED) {
        entry.total++
        missed.push(n)
      }
    }
    if (entry.total === 0) continue
    entry.uncovered = toRanges(missed)
    files.push(entry)
    covered += entry.covered
    total += entry.total
  }
  files.sort((a, b) => a.covered / a.total - b.covered / b.total || (a.path < b.path ? -1 : 1))
  return { covered, total, percent: percent({ covered, total }), files }
}
