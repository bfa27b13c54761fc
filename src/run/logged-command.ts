// One command of a suite, run inside its own log group, and the one line a
// finding says about it when it fails.
import * as core from '@actions/core'
import * as log from '../safety/log.js'
import type { Inputs } from '../model/inputs.js'
import type { CommandResult, SuiteResult } from '../model/suite.js'
import type { Findings } from '../model/findings.js'
import { describeFailures } from '../reports/test-failures.js'
import { commandOk, runCommand } from './command.js'

export async function runLogged(
  label: string,
  command: string,
  inputs: Inputs,
  env: NodeJS.ProcessEnv,
  timeoutMs: number,
  captureFile?: string
): Promise<CommandResult> {
  core.startGroup(`${label}: ${command}`)
  try {
    const result = await runCommand(
      { command, cwd: inputs.workingDirectory, env, timeoutMs: Math.max(timeoutMs, 1), ...(captureFile ? { captureFile } : {}) },
      process.stdout
    )
    const status = result.timedOut
      ? `timed out after ${(result.durationMs / 1000).toFixed(1)} s; process tree killed`
      : result.spawnError
        ? `could not start: ${result.spawnError}`
        : `exit code ${result.exitCode ?? result.signal} in ${(result.durationMs / 1000).toFixed(1)} s`
    log.info(`${label}: ${status}`)
    return result
  } finally {
    core.endGroup()
  }
}

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
export function recordFailure(findings: Findings, suite: SuiteResult, result: CommandResult, timeoutMs: number): void {
  if (result.failures && !result.timedOut) {
    suite.partial = `${describeFailures(result.failures)}: the figure counts only what ran`
    findings.add(
      suite.suite,
      'tests-failed',
      `${suite.label} tests failed: ${describeFailures(result.failures)}; the coverage figure is partial (${result.command})`
    )
    return
  }
  if (result.timedOut) suite.partial = 'the command was killed at its time limit'
  findings.add(suite.suite, result.timedOut ? 'timed-out' : 'tool-failed', failureMessage(suite.label, result, timeoutMs))
}

/** Tool missing or killed: running the report commands would only fail the same way. */
export const worthReporting = (r: CommandResult): boolean => !r.timedOut && !r.spawnError && !r.hint && r.exitCode !== 127

export const anyCommandFailed = (result: SuiteResult): boolean => result.commands.some((c) => !commandOk(c))
