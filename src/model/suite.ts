// What one run produced, per suite: the plain data the summary, the outputs
// and (later) coverage-summary.json are rendered from.
import type { CommandResult } from '../run/command.js'
import type { SuiteId } from '../inputs/read.js'
import type { Headline } from '../reports/headline.js'
import type { CoverageReport } from '../reports/model.js'
import type { PatchCoverage } from '../pr/patch/patch-coverage.js'
import type { SuiteDelta } from '../pr/baseline/delta.js'

export interface ArtifactInfo {
  name: string
  /** Files offered for upload, relative to the workspace. */
  files: string[]
  id?: number
  url?: string
  size?: number
  /** Why it was not uploaded (one line). */
  error?: string
}

export interface SuiteResult {
  suite: SuiteId
  label: string
  enabled: boolean
  commands: CommandResult[]
  durationMs: number
  /** The main report, relative to the workspace. */
  reportPath: string
  report?: CoverageReport
  headline?: Headline | null
  minLines: number | null
  htmlZip?: { path: string; files: number; bytes: number }
  /** The Rust Cobertura report, relative to the workspace, when written and readable. */
  cobertura?: string
  /** Versions of the tools that ran, when known (name -> version). */
  tools: Record<string, string>
  artifact?: ArtifactInfo
  /** Coverage of the lines the pull request changes, when measured. */
  patch?: PatchCoverage | null
  /** Change since the baseline run, when there is one. */
  delta?: SuiteDelta | null
}

export const SUITE_LABELS: Record<SuiteId, string> = { rust: 'Rust', python: 'Python' }
