// Runtime and artifact size per suite, and their change since the baseline
// run ("Rust 12.3 s (+1.2 s), artifacts 1.4 MiB (+0.1 MiB)"), as the job
// summary, the page and coverage-summary.json show them. A suite's size is all
// its artifacts together (Rust: the reports and the zipped HTML report), so a
// baseline from before the HTML report had its own artifact (it was inside the
// Rust one) compares like with like. A figure either side lacks (an older
// baseline, an upload that failed) shows no change. Pure.
import type { Change } from '../model/coverage-summary.js'
import type { ArtifactInfo, SuiteResult } from '../model/suite.js'

export interface SuiteCosts {
  /** Seconds, to a tenth (as coverage-summary.json records them). */
  durationSeconds: Change
  /** Bytes of the suite's artifacts together; null when not all of them were uploaded. */
  artifactBytes: Change | null
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

/** Milliseconds as the seconds recorded and shown: to a tenth. */
export const tenthsOfSeconds = (ms: number): number => Math.round(ms / 100) / 10

/** The bytes of the given artifacts together, or null when one of them has no size (not uploaded) or there is none. */
export function artifactsBytes(artifacts: ReadonlyArray<Pick<ArtifactInfo, 'size' | 'error'> | null | undefined>): number | null {
  const present = artifacts.filter((a) => a !== null && a !== undefined)
  if (present.length === 0) return null
  let sum = 0
  for (const a of present) {
    if (a.error || typeof a.size !== 'number') return null
    sum += a.size
  }
  return sum
}

/** The suite's runtime and size now and in the baseline run; null without a baseline. */
export function suiteCosts(suite: SuiteResult): SuiteCosts | null {
  const base = suite.delta?.base
  if (!suite.enabled || !base) return null
  const seconds = tenthsOfSeconds(suite.durationMs)
  const bytes = artifactsBytes([suite.artifact, suite.htmlArtifact])
  return {
    durationSeconds: {
      before: base.durationSeconds,
      after: seconds,
      delta: base.durationSeconds === null ? null : Math.round((seconds - base.durationSeconds) * 10) / 10
    },
    artifactBytes:
      bytes === null ? null : { before: base.artifactBytes, after: bytes, delta: base.artifactBytes === null ? null : bytes - base.artifactBytes }
  }
}

/** "12.3 s (+1.2 s), artifacts 1.4 MiB (+0.1 MiB)"; the change in brackets only when the baseline has the figure. */
export function costsText(suite: SuiteResult, costs: SuiteCosts): string {
  const d = costs.durationSeconds
  const parts = [`${d.after.toFixed(1)} s${d.delta === null ? '' : ` (${signed(d.delta, (v) => `${v.toFixed(1)} s`)})`}`]
  const b = costs.artifactBytes
  if (b) {
    const label = [suite.artifact, suite.htmlArtifact].filter(Boolean).length > 1 ? 'artifacts' : 'artifact'
    parts.push(`${label} ${formatBytes(b.after)}${b.delta === null ? '' : ` (${signed(b.delta, formatBytes)})`}`)
  }
  return parts.join(', ')
}

/** "+1.2 s", "−0.3 s" (the minus sign), "±0.0 s": the sign of what `show` prints for the size of the change. */
function signed(value: number, show: (magnitude: number) => string): string {
  const text = show(Math.abs(value))
  if (text === show(0)) return `±${text}`
  return `${value > 0 ? '+' : '−'}${text}`
}
