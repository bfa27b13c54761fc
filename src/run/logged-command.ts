// One command of a suite, run inside its own log group, and the one line a
// finding says about it when it fails.
import * as core from '@actions/core'
import * as log from '../safety/log.js'
import type { Inputs } from '../model/inputs.js'
import type { CommandResult, SuiteResult } from '../model/suite.js'
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
      (chunk) => process.stdout.write(chunk)
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

/** One line describing a failed command, for a finding. */
export function failureMessage(label: string, result: CommandResult, timeoutMs: number): string {
  let text: string
  if (result.timedOut)
    text = `${label} coverage command timed out after ${Math.round((timeoutMs / 60_000) * 10) / 10} min and was killed with its process tree: ${result.command}`
  else if (result.spawnError) text = `${label} coverage command could not start (${result.spawnError}): ${result.command}`
  else
    text = `${label} coverage command failed with ${result.exitCode !== null ? `exit code ${result.exitCode}` : `signal ${result.signal}`}: ${result.command}`
  return result.hint ? `${text}. ${result.hint}` : text
}

/** Tool missing or killed: running the report commands would only fail the same way. */
export const worthReporting = (r: CommandResult): boolean => !r.timedOut && !r.spawnError && !r.hint && r.exitCode !== 127

export const anyCommandFailed = (result: SuiteResult): boolean => result.commands.some((c) => !commandOk(c))
