// The step's outputs per suite: figures, deltas, durations and artifacts.
// Figures are unrounded; an empty value means "not measured".
import { setOutput } from '../safety/log.js'
import { suitesOf, type RunState } from '../model/run-state.js'

export function writeOutputs(run: RunState): void {
  for (const suite of suitesOf(run)) {
    const key = suite.suite
    if (key === 'rust') setOutput('rust-cobertura', suite.cobertura ?? '')
    setOutput(`${key}-line-coverage`, suite.headline ? String(suite.headline.percent) : '')
    setOutput(`${key}-coverage-delta`, suite.delta?.delta != null ? String(suite.delta.delta) : '')
    setOutput(`${key}-patch-coverage`, suite.patch?.percent != null ? String(suite.patch.percent) : '')
    setOutput(`${key}-duration-seconds`, (suite.durationMs / 1000).toFixed(1))
    setOutput(`${key}-artifact-id`, suite.artifact?.id !== undefined ? String(suite.artifact.id) : '')
    setOutput(`${key}-artifact-url`, suite.artifact?.url ?? '')
    setOutput(`${key}-artifact-size`, suite.artifact?.size !== undefined ? String(suite.artifact.size) : '')
    if (key === 'rust') {
      setOutput('rust-html-artifact-id', suite.htmlArtifact?.id !== undefined ? String(suite.htmlArtifact.id) : '')
      setOutput('rust-html-artifact-url', suite.htmlArtifact?.url ?? '')
    }
  }
}
