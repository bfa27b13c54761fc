// The step's outputs per suite: figures, deltas, durations and artifacts.
// Figures are unrounded; an empty value means "not measured".
import * as core from '@actions/core'
import { suitesOf, type RunState } from '../model/run-state.js'

export function writeOutputs(run: RunState): void {
  for (const suite of suitesOf(run)) {
    const key = suite.suite
    if (key === 'rust') core.setOutput('rust-cobertura', suite.cobertura ?? '')
    core.setOutput(`${key}-line-coverage`, suite.headline ? String(suite.headline.percent) : '')
    core.setOutput(`${key}-coverage-delta`, suite.delta?.delta != null ? String(suite.delta.delta) : '')
    core.setOutput(`${key}-patch-coverage`, suite.patch?.percent != null ? String(suite.patch.percent) : '')
    core.setOutput(`${key}-duration-seconds`, (suite.durationMs / 1000).toFixed(1))
    core.setOutput(`${key}-artifact-id`, suite.artifact?.id !== undefined ? String(suite.artifact.id) : '')
    core.setOutput(`${key}-artifact-url`, suite.artifact?.url ?? '')
    core.setOutput(`${key}-artifact-size`, suite.artifact?.size !== undefined ? String(suite.artifact.size) : '')
  }
}
