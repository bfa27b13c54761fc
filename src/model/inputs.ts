// The validated inputs of one run, as inputs/read.ts builds them. Types only:
// every phase reads these, so they live at the bottom and import nothing.

export type SuiteId = 'rust' | 'python'

export interface SuiteInputs {
  enabled: boolean
  /** Commands run in order, already prefixed; the last ones write the reports. */
  timeoutMs: number
  minLines: number | null
  artifactName: string
}

export interface RustInputs extends SuiteInputs {
  testCommand: string
  reportCommand: string
  cobertura: boolean
  lcov: string
  htmlDir: string
  /** rust-command / rust-report-command were given (not the defaults): used exactly as written. */
  customTestCommand: boolean
  customReportCommand: boolean
  /** Also measure the Rust code the Python tests run (extension built instrumented); auto = maturin is the build backend. */
  fromPython: 'auto' | boolean
  /** Builds and installs the instrumented extension (prefixed); empty = chosen at run time (maturin develop or pip). */
  extensionBuildCommand: string
  /** rust-packages: the cargo packages the default commands measure; empty = the crate, or the whole workspace at its root. */
  packages: string[]
  /** Report-side flags taken from rust-command (as written, each with a leading space), for the default report commands. */
  reportArgs: string
  /** Those flags, for the one log line that says they moved. */
  movedFlags: string[]
}

export interface PythonInputs extends SuiteInputs {
  command: string
  xml: string
}

export interface Inputs {
  /** run: run the suites; merge: merge the shard artifacts of this workflow run. */
  mode: 'run' | 'merge'
  matrixValue: string
  coverageOn: string
  /** Absolute workspace (GITHUB_WORKSPACE or cwd). */
  workspace: string
  /** Absolute working directory, inside the workspace. */
  workingDirectory: string
  commandPrefix: string
  rust: RustInputs
  python: PythonInputs
  upload: boolean
  uploadTimeoutMs: number
  retentionDays: number | null
  compressionLevel: number
  nonBlocking: boolean
  summaryFiles: number
  /** Absolute path of coverage-summary.json. */
  summaryJson: string
  summaryArtifactName: string
  /** The coverage page's file name beside coverage-summary.json, and the name of its unzipped artifact. */
  pageName: string
  patch: PatchInputs
  baseline: BaselineInputs
  /** Send each suite's report to GitHub code coverage (Code Quality). */
  githubCodeCoverage: boolean
  /** Post the summary as one sticky comment on the pull request. */
  comment: boolean
  /** For the REST API (baseline, pull request comment); masked. */
  githubToken: string
}

export interface BaselineInputs {
  /** Compare with the base branch's last coverage-summary.json. */
  enabled: boolean
  /** The branch to compare with; empty = the pull request's base branch. */
  branch: string
  /** Largest allowed drop of a suite's figure, in percentage points. */
  maxDrop: number | null
}

export interface PatchInputs {
  /** Measure the coverage of changed lines (on pull requests, or against base). */
  enabled: boolean
  /** A commit or ref to diff against (its merge base with HEAD); empty = the pull request's base. */
  base: string
  minPatch: number | null
  /** Notice annotations on uncovered changed lines. */
  annotate: boolean
}
