// coverage-summary.json next to the reports, uploaded as its own small
// artifact (the baseline of later pull requests, the input of a merge job).
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { firstLine } from '../model/findings.js'
import type { RunState } from '../model/run-state.js'
import { relativeToWorkspace } from '../run/suite-files.js'
import { uploadUnavailable } from './artifacts.js'
import { buildCoverageSummary, runFacts, suiteSummary } from './coverage-summary.js'
import { uploadFiles } from './upload.js'
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
  fs.mkdirSync(path.dirname(inputs.summaryJson), { recursive: true })
  fs.writeFileSync(inputs.summaryJson, `${JSON.stringify(json, null, 1)}\n`)
  core.setOutput('summary-json', relativeToWorkspace(inputs, inputs.summaryJson))
  if (!inputs.upload || uploadUnavailable(run.env)) return
  const name = inputs.summaryArtifactName
  try {
    const uploaded = await uploadFiles(inputs, name, [inputs.summaryJson])
    core.setOutput('summary-artifact-id', String(uploaded.id))
    core.info(`Uploaded ${name}: id ${uploaded.id}`)
  } catch (error) {
    findings.add('action', 'upload-failed', `Artifact "${name}" (coverage-summary.json) was not uploaded: ${firstLine((error as Error).message)}`)
  }
}
