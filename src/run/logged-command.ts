// One command of a suite, run inside its own log group, and the one line a
// finding says about it when it fails.
import * as core from '@actions/core'
import * as log from '../safety/log.js'
import { keptOutputFile, placeKeptOutput, replayKeptOutput, showKeptOutputNow } from './kept-output.js'
import type { Inputs } from '../model/inputs.js'
import type { CommandResult, SuiteResult } from '../model/suite.js'
import type { Findings } from '../model/findings.js'
import { describeFailures } from '../reports/test-failures.js'
import { commandOk, runCommand } from './command.js'
import { halted, isCancelled, onCancel } from './cancel.js'

/**
 * A command's log group shown later: its output was kept in a file while it ran beside another suite's commands,
 * whose log stays readable. `show()` prints the groups (the whole outputs, streamed) once; `showNow()`, for a
 * cancelled run, prints at once the end of those not shown yet (finished or not).
 */
/**
 * The replay under way, whichever log's (its group open): the first showNow of a cancelled run, of any log, stops
 * it and closes its group before anything else is shown.
 */
let replaying: AbortController | null = null

/** Stops the replay under way, if any, and ends its group on a line of its own (it may have been cut mid-line). */
function closeOpenReplay(): void {
  if (!replaying) return
  replaying.abort()
  replaying = null
  process.stdout.write('\n')
  core.endGroup()
}

export class DeferredLog {
  private readonly groups: DeferredGroup[] = []

  /** A command whose output goes to `file` (removed by `removeFile` once shown) from now on. */
  started(label: string, command: string, file: string, removeFile: () => void): { ended: (status: string, bytes: number) => void } {
    const group: DeferredGroup = { label, command, file, removeFile }
    this.groups.push(group)
    return { ended: (status, bytes) => Object.assign(group, { status, bytes }) }
  }

  async show(): Promise<void> {
    while (this.groups.length > 0) {
      const group = this.groups[0] as DeferredGroup
      const replay = new AbortController()
      replaying = replay
      core.startGroup(`${group.label}: ${group.command}`)
      try {
        await replayKeptOutput(group.file, group.bytes ?? 0, replay.signal)
        if (group.status !== undefined && !replay.signal.aborted) log.info(`${group.label}: ${group.status}`)
      } finally {
        // A replay stopped by showNow: its group is closed there, its end shown there.
        if (!replay.signal.aborted) {
          replaying = null
          core.endGroup()
          // Taken off only now: a run cancelled during the replay still shows the end of it.
          this.groups.shift()
          group.removeFile()
        }
      }
      if (replay.signal.aborted) return
    }
  }

  showNow(): void {
    // A replay under way (this log's or another's) stops where it is and its group is closed: the ends follow as
    // groups of their own.
    closeOpenReplay()
    for (const group of this.groups.splice(0)) {
      showKeptOutputNow(group.label, group.command, group.file)
      group.removeFile()
    }
  }
}

interface DeferredGroup {
  label: string
  command: string
  file: string
  status?: string
  /** What the command wrote (the most that is shown). */
  bytes?: number
  removeFile: () => void
}

/**
 * Commands at once: the first one's log streams, the others' are kept and shown after it (at once, by the cancel's
 * cleanups, if the run is cancelled meanwhile: a cancelled run goes no further). The results in the given order.
 */
export async function runSideBySide(
  first: () => Promise<CommandResult>,
  others: Array<(deferred: DeferredLog) => Promise<CommandResult>>
): Promise<[CommandResult, ...CommandResult[]]> {
  const deferred = new DeferredLog()
  const forget = onCancel(() => deferred.showNow())
  try {
    const results = await Promise.all([first(), ...others.map((other) => other(deferred))])
    if (isCancelled()) await halted()
    await deferred.show()
    return results
  } finally {
    forget()
  }
}

export async function runLogged(
  label: string,
  command: string,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  captureFile?: string,
  deferred?: DeferredLog
): Promise<CommandResult> {
  const spec = { command, cwd: inputs.workingDirectory, env, timeoutMs: Math.max(timeoutMs, 1), ...(captureFile ? { captureFile } : {}) }
  // Its log shown later: the output kept outside the project while it runs (a Rust command beside it may remove
  // target/), put at captureFile after (when given); without a temporary folder, its log streams as usual.
  const kept = deferred ? keptOutputFile() : null
  if (deferred && kept) {
    const group = deferred.started(label, command, kept.file, kept.remove)
    const result = await runCommand({ ...spec, captureFile: kept.file }, () => undefined)
    const bytes = result.capturedBytes ?? 0
    const notes = result.captureError ? [`its output could not be kept past ${bytes} bytes: ${result.captureError}`] : []
    try {
      if (captureFile) placeKeptOutput(kept.file, captureFile, bytes)
    } catch (error) {
      notes.push(`its output could not be put at ${captureFile}: ${(error as Error).message}`)
    }
    group.ended(`${statusOf(result)}${notes.map((n) => ` (${n})`).join('')}`, bytes)
    return result
  }
  core.startGroup(`${label}: ${command}`)
  try {
    const result = await runCommand(spec, process.stdout)
    log.info(`${label}: ${statusOf(result)}`)
    return result
  } finally {
    core.endGroup()
  }
}

const statusOf = (result: CommandResult): string =>
  result.timedOut
    ? `timed out after ${(result.durationMs / 1000).toFixed(1)} s; process tree killed`
    : result.spawnError
      ? `could not start: ${result.spawnError}`
      : `exit code ${result.exitCode ?? result.signal} in ${(result.durationMs / 1000).toFixed(1)} s`

/**
 * A time limit in minutes as the input gave it (0.05, not 0.1): the input became whole milliseconds, and a whole
 * number of milliseconds over 60 000 prints as the shortest decimal that reads back the same.
 */
export function formatMinutes(ms: number): string {
  return String(Number((ms / 60_000).toPrecision(15)))
}

/** One line describing a failed command, for a finding. */
export function failureMessage(label: string, result: CommandResult, timeoutMs: number): string {
  let text: string
  if (result.timedOut)
    text = `${label} coverage command timed out after ${formatMinutes(timeoutMs)} min and was killed with its process tree: ${result.command}`
  else if (result.spawnError) text = `${label} coverage command could not start (${result.spawnError}): ${result.command}`
  else
    text = `${label} coverage command failed with ${result.exitCode !== null ? `exit code ${result.exitCode}` : `signal ${result.signal}`}: ${result.command}`
  return result.hint ? `${text}. ${result.hint}` : text
}

/**
 * Records a failed command as the suite's finding: "N tests failed" with a few
 * names when its tests failed (the figure then counts only what ran, and the
 * suite is marked partial), else the command's failure as failureMessage says it.
 */
export function recordFailure(findings: Findings, suite: SuiteResult, result: CommandResult, timeoutMs: number, reportWritten = false): void {
  if (result.failures && !result.timedOut) {
    suite.partial = `${describeFailures(result.failures)}: the figure counts only what ran`
    findings.add(
      suite.suite,
      'tests-failed',
      `${suite.label} tests failed: ${describeFailures(result.failures)}; the coverage figure is partial (${result.command})`
    )
    return
  }
  // A report killed after the suite's own report was written (the HTML, the Cobertura) leaves the figure whole.
  if (result.timedOut && !reportWritten) suite.partial = 'the command was killed at its time limit'
  const whole = reportWritten ? ' (the lcov was written before it: the figure is whole, only what this command writes is missing)' : ''
  findings.add(suite.suite, result.timedOut ? 'timed-out' : 'tool-failed', `${failureMessage(suite.label, result, timeoutMs)}${whole}`)
}

/** Tool missing or killed: running the report commands would only fail the same way. */
export const worthReporting = (r: CommandResult): boolean => !r.timedOut && !r.spawnError && !r.hint && r.exitCode !== 127

export const anyCommandFailed = (result: SuiteResult): boolean => result.commands.some((c) => !commandOk(c))
