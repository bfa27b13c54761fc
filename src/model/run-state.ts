// The one object the pipeline's phases share: what was asked (inputs, env),
// the failure sink, the redactor, and what each phase has found so far. Each
// phase reads it and fills in its own part. Types only.
import type { Findings } from './findings.js'
import type { Inputs } from './inputs.js'
import type { BaselineOutcome, MergeOutcome, PatchOutcome } from './outcomes.js'
import type { SuiteResult } from './suite.js'

export interface RunState {
  readonly inputs: Inputs
  readonly env: NodeJS.ProcessEnv
  readonly findings: Findings
  /** Masks secrets in anything the action writes, logs or uploads. */
  readonly redact: (text: string) => string
  rust: SuiteResult
  python: SuiteResult
  /** Filled by the patch phase; null when it was not attempted. */
  patch: PatchOutcome | null
  /** Filled by the baseline phase; null when no baseline was looked for. */
  baseline: BaselineOutcome | null
  /** Filled in merge mode: the shards merged. */
  merge: MergeOutcome | null
  /** The coverage page, once written; its artifact once uploaded (unzipped, opened in the browser from the run page). */
  page: { file: string; shown: string; bytes: number; artifact?: { id: number; url?: string }; error?: string } | null
}

/** Both suites, Rust first, as every table shows them. */
export const suitesOf = (run: RunState): [SuiteResult, SuiteResult] => [run.rust, run.python]
