// Every error the action expects and explains itself: one line, safe to show
// as it is. Each sets its name the same way (its class name), so a log line
// or a test can tell them apart; anything else that reaches a phase's guard is
// a bug of ours and is reported as an internal error.

export class ActionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = new.target.name
  }
}

/** An input that is not valid: names the input, what was expected and what was given. */
export class InputError extends ActionError {
  constructor(
    readonly input: string,
    expected: string,
    got: string
  ) {
    super(`Input "${input}" ${expected}, got ${JSON.stringify(got)}`)
  }
}

/** A report that cannot be used at all: names the file and what was wrong. */
export class ReportError extends ActionError {
  constructor(
    readonly file: string,
    readonly problem: string
  ) {
    super(`${file}: ${problem}`)
  }
}

/** A GitHub REST call that failed: method, path, status and message. */
export class ApiError extends ActionError {
  constructor(
    readonly status: number | null,
    message: string
  ) {
    super(message)
  }
}

/** An artifact that could not be uploaded or downloaded. */
export class UploadError extends ActionError {}

/** Why there is no baseline: said as a notice, never a finding. */
export class BaselineUnavailable extends ActionError {}

/** Why patch coverage could not be measured, with what to do. */
export class PatchUnavailable extends ActionError {}

/** A path that leads out of the workspace (a symlink on its way): refused, nothing read, written, removed or uploaded through it. */
export class PathOutsideWorkspace extends ActionError {
  constructor(
    readonly shown: string,
    readonly real: string
  ) {
    super(`${shown}: leads to ${real}, outside the workspace (a symlink?); refused`)
  }
}

/** Both suites disabled: nothing to measure, said as it is (not as a passed run). */
export class NothingToMeasure extends InputError {
  constructor() {
    super('rust-enabled', 'and python-enabled are both false', 'false')
    this.message = 'Nothing to measure: rust-enabled and python-enabled are false (enable a suite, or leave this step out)'
  }
}

/** XML that is not well-formed, at a line of the report (the Cobertura reader makes it a ReportError). */
export class XmlError extends ActionError {
  constructor(
    message: string,
    readonly line: number
  ) {
    super(message)
  }
}

/** A single line or tag too long for any coverage report (the readers make it a ReportError). */
export class TokenTooLongError extends ActionError {}

/** A field of another run's coverage-summary.json that is not what this action writes. */
export class InvalidSummary extends ActionError {}

/** A report whose line numbers run so far beyond its records that their states would not fit the memory budget. */
export class LineStateBudgetExceeded extends ActionError {}
