// Phases: inputs -> guard -> (only on the coverage entry, loaded on demand)
// suites -> reports -> archive -> upload -> outputs -> summary -> verdict.
import * as core from '@actions/core'
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
    log.notice(decision.reason, { title: 'Coverage skipped' })
    core.setOutput('skipped', 'true')
    core.setOutput('status', 'skipped')
    return
  }
  log.info(decision.reason)
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
  }
}
