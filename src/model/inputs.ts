// The validated inputs of one run, as inputs/read.ts builds them. Types only:
// every phase reads these, so they live at the bottom and import nothing.

export type SuiteId = 'rust' | 'python'

export interface SuiteInputs {
  enabled: boolean
  /** Put before the suite's commands (rust-/python-command-prefix, else command-prefix); '' for none. */
  commandPrefix: string
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
  /** The zipped HTML report's file name (beside rust-lcov) and the name of its artifact: uploaded unzipped, named after its file. */
  htmlArtifactName: string
  /** rust-command / rust-report-command were given (not the defaults): used exactly as written. */
  customTestCommand: boolean
  customReportCommand: boolean
  /** Also measure the Rust code the Python tests run (extension built instrumented); auto = maturin is the build backend. */
  fromPython: 'auto' | boolean
  /** Builds and installs the instrumented extension (with the Python prefix: it installs into the tests' environment); empty = chosen at run time (maturin develop or pip). */
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
  /** The package measured: python-package, or the one inferred from the project; '' when python-command is given without it. */
  package: string
  /** Where the package was inferred from (python-package empty), for the log; null when given. */
  packageFrom: string | null
  /** Measure Python code run in child processes too (coverage.py's [run] patch = subprocess). */
  subprocess: boolean
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
  rust: RustInputs
  python: PythonInputs
  /** Run the Python suite beside the Rust suite when neither needs the other (not with Rust measured from Python). */
  parallelSuites: boolean
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
