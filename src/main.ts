// Phases: inputs -> guard -> (only on the coverage entry, loaded on demand)
// suites -> reports -> archive -> upload -> outputs -> summary -> verdict.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as log from './safety/log.js'
import { decide } from './inputs/guard.js'
import { readInputs } from './inputs/read.js'
import { InputError } from './model/errors.js'
import type { Inputs } from './model/inputs.js'

export async function run(): Promise<void> {
  let inputs: Inputs
  try {
    inputs = readInputs()
  } catch (error) {
    core.setOutput('status', 'failed')
    core.setFailed(error instanceof InputError ? error.message : `Could not read the inputs: ${(error as Error).message}`)
    return
  }
  const decision = decide(inputs.matrixValue, inputs.coverageOn)
  if (!decision.run) {
    if (decision.suspicious) log.warning(decision.reason, { title: 'Coverage skipped' })
    else log.notice(decision.reason, { title: 'Coverage skipped' })
    core.setOutput('skipped', 'true')
    core.setOutput('status', 'skipped')
    return
  }
  log.info(decision.reason)
  const started = Date.now()
  // Loaded here, not at start: the skip path of every other matrix entry runs no command and needs neither.
  const { installCancelHandlers, onCancel, onCancelLast } = await import('./run/cancel.js')
  // SIGINT then SIGTERM is how a cancelled step is stopped: the commands' process trees go with it (run/cancel.ts).
  installCancelHandlers()
  const { lockRun, releaseAll } = await import('./run/lock.js')
  // A cancel while the run waits for a second folder leaves no lock of it behind; a later one releases the lock
  // after every other cleanup (the profiles set aside are back first).
  const forgetLock = onCancelLast(releaseAll)
  // Another run writing the same folders: wait for it (at most as long as this run's commands may take), then refuse.
  const locked = await lockRun(inputs, inputs.rust.timeoutMs + inputs.python.timeoutMs, (line) => core.info(line))
  if (!locked.ok) {
    forgetLock()
    core.setOutput('skipped', 'false')
    core.setOutput('findings', '1')
    core.setOutput('status', inputs.nonBlocking ? 'warned' : 'failed')
    if (inputs.nonBlocking) core.warning(`Coverage not run: ${locked.message} (would fail the step with non-blocking: false)`)
    else core.setFailed(`Coverage not run: ${locked.message}`)
    return
  }
  // A cancelled run leaves no coverage-summary.json of an earlier run, as if it were this one's.
  const forgetSummary = onCancel(() => removeIfOlder(inputs.summaryJson, started))
  try {
    const { runPipeline } = await import('./pipeline.js')
    await runPipeline(inputs)
  } catch (error) {
    // Only a bug gets here: the pipeline records every expected problem as a finding.
    const message = `Internal error: ${(error as Error)?.message ?? String(error)} (please report this)`
    core.debug((error as Error)?.stack ?? '')
    core.setOutput('status', inputs.nonBlocking ? 'warned' : 'failed')
    if (inputs.nonBlocking) core.warning(`${message} (would fail the step with non-blocking: false)`)
    else core.setFailed(message)
  } finally {
    forgetSummary()
    forgetLock()
    locked.lock.release()
  }
}

function removeIfOlder(file: string, time: number): void {
  if (fs.existsSync(file) && fs.statSync(file).mtimeMs < time) fs.rmSync(file, { force: true })
}
