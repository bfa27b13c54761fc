// Deltas between this run and the baseline's coverage-summary.json, per suite
// (the judged headline figure) and per file (line coverage). Pure.
import { percent, type Tally } from '../../reports/model.js'
import type { SuiteResult } from '../../model/suite.js'
import type { FileDelta, SuiteDelta } from '../../model/outcomes.js'
import type { BaselineSuite } from './validate.js'

export function suiteDelta(current: SuiteResult, base: BaselineSuite | undefined): SuiteDelta | null {
  if (!base || !base.enabled || !current.enabled) return null
  const before = base.headline?.percent ?? null
  const after = current.headline?.percent ?? null
  const delta = before !== null && after !== null ? after - before : null
  const old = new Map((base.files ?? []).map((f) => [f.path, f.lines] as const))
  const files: FileDelta[] = []
  const seen = new Set<string>()
  for (const file of current.report?.files ?? []) {
    seen.add(file.path)
    const was = old.get(file.path)
    const a = percent(file.lines)
    if (!was) {
      if (a !== null) files.push({ path: file.path, before: null, after: a, delta: null })
      continue
    }
    const b = percent(was)
    if (!sameTally(was, file.lines) && a !== b) files.push({ path: file.path, before: b, after: a, delta: a !== null && b !== null ? a - b : null })
  }
  if (current.report) {
    for (const [path, was] of old) {
      if (!seen.has(path) && percent(was) !== null) files.push({ path, before: percent(was), after: null, delta: null })
    }
  }
  const rank = (f: FileDelta): number => (f.delta !== null ? 0 : f.before === null ? 1 : 2)
  files.sort((x, y) => rank(x) - rank(y) || (x.delta ?? 0) - (y.delta ?? 0) || (x.path < y.path ? -1 : 1))
  return { before, after, delta, files, base: { durationSeconds: base.durationSeconds ?? null, artifactBytes: baselineBytes(base) } }
}

/** The bytes of the baseline suite's artifacts together (the Rust one and its HTML report's), or null when not all were recorded. */
function baselineBytes(base: BaselineSuite): number | null {
  if (!base.artifact) return null
  const parts = [base.artifact, ...(base.htmlArtifact ? [base.htmlArtifact] : [])]
  return parts.every((a) => a.size !== null) ? parts.reduce((sum, a) => sum + (a.size as number), 0) : null
}

const sameTally = (a: Tally, b: Tally): boolean => a.covered === b.covered && a.total === b.total

/** "+1.25 pp", "−0.40 pp", "±0.00 pp" (two decimals, the minus sign). */
export function formatDelta(pp: number): string {
  const rounded = Math.round(pp * 100) / 100
  if (rounded === 0) return '±0.00 pp'
  return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)} pp`
}
