// The coverage entry's work: one call per phase over one run state, in run
// order. Each phase is guarded: a problem in one suite (or a bug of ours)
// becomes a finding and never loses the other suite's results, the summary or
// the outputs. Phases used only in some runs are loaded when needed.
import * as core from '@actions/core'
import { Findings } from './model/findings.js'
import type { Inputs } from './model/inputs.js'
import type { RunState } from './model/run-state.js'
import { writeCoveragePage } from './page/write.js'
import { compareWithBaseline } from './pr/baseline/compare.js'
import { commentOnPullRequest } from './pr/comment.js'
import { measurePatch } from './pr/patch/measure.js'
import { uploadCodeCoverage } from './publish/code-coverage.js'
import { writeJobSummary } from './publish/job-summary.js'
import { writeOutputs } from './publish/outputs.js'
import { writeSummaryJson } from './publish/summary-json.js'
import { uploadPage, uploadSuites } from './publish/upload.js'
import { announce } from './publish/verdict.js'
import { readReports } from './reports/read-report.js'
import { emptySuite } from './run/suite-files.js'
import { runSuites } from './run/suites.js'
import { makeRedactor } from './safety/redact.js'

/** The run state before the first phase: no findings, both suites empty (unless given), nothing measured. */
export function createRunState(inputs: Inputs, env: NodeJS.ProcessEnv, given: Partial<Pick<RunState, 'redact' | 'rust' | 'python'>> = {}): RunState {
  return {
    inputs,
    env,
    findings: new Findings(),
    redact: given.redact ?? makeRedactor(env),
    rust: given.rust ?? emptySuite(inputs, 'rust'),
    python: given.python ?? emptySuite(inputs, 'python'),
    patch: null,
    baseline: null,
    merge: null,
    page: null
  }
}

export async function runPipeline(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const run = createRunState(inputs, env)
  const { findings } = run
  core.setOutput('skipped', 'false')

  if (inputs.mode === 'merge') {
    const { collectShards } = await import('./merge/shards.js')
    await findings.guard('action', 'collecting the shard reports', () => collectShards(run))
  } else {
    await runSuites(run)
  }
  await readReports(run)
  run.patch = (await findings.guard('action', 'measuring patch coverage', () => measurePatch(run))) ?? null
  run.baseline = (await findings.guard('action', 'comparing with the baseline', () => compareWithBaseline(run))) ?? null
  await findings.guard('action', 'uploading artifacts', () => uploadSuites(run))
  // After the suites' uploads: the page links the HTML report's artifact and shows the artifacts' sizes.
  await findings.guard('action', 'writing the HTML page', () => writeCoveragePage(run))
  await findings.guard('action', 'uploading the coverage page', () => uploadPage(run))
  await findings.guard('action', 'sending reports to GitHub code coverage', () => uploadCodeCoverage(run))
  await findings.guard('action', 'writing coverage-summary.json', () => writeSummaryJson(run))
  writeOutputs(run)
  await findings.guard('action', 'writing the job summary', () => writeJobSummary(run))
  if (inputs.comment) await findings.guard('action', 'commenting on the pull request', () => commentOnPullRequest(run))
  // Last, so that a failure to write the summary counts too.
  announce(run)
}
