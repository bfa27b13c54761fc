// coverage-summary.json next to the reports, uploaded as its own small
// artifact (the baseline of later pull requests, the input of a merge job).
// Every string in it is redacted (it is downloadable by anyone who can read
// the run); it is written to a temporary name beside it and renamed, so a
// coverage-summary.json placed as a symlink is replaced, never written through.
import { firstLine } from '../model/findings.js'
import type { RunState } from '../model/run-state.js'
import { relativeToWorkspace } from '../run/suite-files.js'
import * as log from '../safety/log.js'
import { redactDeep } from '../safety/redact.js'
import { writeFileAtomic } from '../safety/workspace-fs.js'
import { buildCoverageSummary, runFacts, suiteSummary } from './coverage-summary.js'
import { uploadBlocked, uploadFiles } from './upload.js'
import { statusOf } from './verdict.js'

export async function writeSummaryJson(run: RunState): Promise<void> {
  const { inputs, findings, rust, python } = run
  const json = buildCoverageSummary({
    run: runFacts(run.env, inputs.matrixValue),
    status: statusOf(findings.findings, inputs.nonBlocking),
    nonBlocking: inputs.nonBlocking,
    patch: run.patch,
    baseline: run.baseline,
    merge: run.merge,
    findings: findings.findings,
    suites: { rust: suiteSummary(rust, findings.findings, rust.tools), python: suiteSummary(python, findings.findings, python.tools) }
  })
  const shown = relativeToWorkspace(inputs, inputs.summaryJson)
  writeFileAtomic(inputs.summaryJson, `${JSON.stringify(redactDeep(json, run.redact), null, 1)}\n`, inputs.workspace, shown)
  log.setOutput('summary-json', shown)
  if (!inputs.upload || uploadBlocked(run)) return
  const name = inputs.summaryArtifactName
  try {
    const uploaded = await uploadFiles(inputs, name, [inputs.summaryJson])
    log.setOutput('summary-artifact-id', String(uploaded.id))
    log.info(`Uploaded ${name}: id ${uploaded.id}`)
  } catch (error) {
    findings.add('action', 'upload-failed', `Artifact "${name}" (coverage-summary.json) was not uploaded: ${firstLine((error as Error).message)}`)
  }
}
