// The coverage entry's work, in order. Each phase is guarded: a problem in one
// suite (or a bug of ours) becomes a finding and never loses the other suite's
// results, the summary or the outputs.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { commonRoot, runUrl, uploadArtifact, uploadUnavailable } from './publish/artifacts.js'
import { buildCoverageSummary, runFacts, suiteSummary } from './publish/coverage-summary.js'
import { firstLine, Findings } from './model/findings.js'
import type { Inputs, SuiteId } from './inputs/read.js'
import { compareWithBaseline, type BaselineOutcome } from './pr/baseline/compare.js'
import { GitHubApi } from './github/api.js'
import { commentBody, commentMarker, commentProblem, COMMENT_LIMIT, noticeNoComment, upsertComment } from './pr/comment.js'
import { pullRequestOf } from './github/event.js'
import { measurePatch, type PatchOutcome } from './pr/patch/measure.js'
import { formatPercent } from './reports/headline.js'
import { makeRedactor } from './safety/redact.js'
import type { MergeOutcome } from './merge/shards.js'
import type { SuiteResult } from './model/suite.js'
import { renderSummary, type SummaryInput } from './publish/summary.js'
import { summaryForTerminal } from './publish/terminal.js'
import { artifactFiles, emptySuite, readReport, relativeToWorkspace, runPython, runRust, zipRustHtml } from './run/suites.js'
import { announce, statusOf } from './publish/verdict.js'

async function guarded<T>(findings: Findings, suite: SuiteId | 'action', phase: string, work: () => Promise<T>): Promise<T | undefined> {
  try {
    return await work()
  } catch (error) {
    core.debug((error as Error)?.stack ?? String(error))
    findings.internal(suite, phase, error)
    return undefined
  }
}

export async function runPipeline(inputs: Inputs, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const findings = new Findings()
  const redact = makeRedactor(env)
  core.setOutput('skipped', 'false')

  let rust: SuiteResult
  let python: SuiteResult
  let merge: MergeOutcome | null = null
  if (inputs.mode === 'merge') {
    const { collectShards } = await import('./merge/shards.js')
    const collected = await guarded(findings, 'action', 'collecting the shard reports', () => collectShards(inputs, findings))
    rust = collected?.rust ?? emptySuite(inputs, 'rust')
    python = collected?.python ?? emptySuite(inputs, 'python')
    merge = collected?.merge ?? null
  } else {
    rust = (await guarded(findings, 'rust', 'running the Rust suite', () => runRust(inputs, findings))) ?? emptySuite(inputs, 'rust')
    // Zipping the HTML report uses the thread pool; let it overlap the Python run.
    const rustZip = guarded(findings, 'rust', 'zipping the Rust HTML report', () => zipRustHtml(inputs, rust, findings))
    python = (await guarded(findings, 'python', 'running the Python suite', () => runPython(inputs, findings))) ?? emptySuite(inputs, 'python')
    await rustZip
  }
  const suites = [rust, python]

  core.startGroup('Reading coverage reports')
  for (const suite of suites) {
    await guarded(findings, suite.suite, `reading the ${suite.label} report`, () => readReport(inputs, suite, findings))
    if (suite.headline) core.info(`${suite.label}: ${formatPercent(suite.headline.percent)} (${suite.headline.covered}/${suite.headline.total}; ${suite.headline.basis})`)
  }
  core.endGroup()
  const patch = (await guarded(findings, 'action', 'measuring patch coverage', () => measurePatch(inputs, suites, findings, env))) ?? null
  const baseline = (await guarded(findings, 'action', 'comparing with the baseline', () => compareWithBaseline(inputs, suites, findings, env))) ?? null

  await guarded(findings, 'action', 'uploading artifacts', () => uploadAll(inputs, suites, findings))
  await guarded(findings, 'action', 'writing coverage-summary.json', () => writeSummaryJson(inputs, suites, findings, env, patch, baseline, merge))

  writeOutputs(suites)
  const summaryInput: SummaryInput = {
    suites,
    findings: findings.findings,
    advisories: findings.advisories,
    status: statusOf(findings.findings, inputs.nonBlocking),
    nonBlocking: inputs.nonBlocking,
    filesPerSuite: inputs.summaryFiles,
    patch,
    baseline,
    merge
  }
  await guarded(findings, 'action', 'writing the job summary', async () => {
    const text = redact(renderSummary(summaryInput))
    if (env['GITHUB_STEP_SUMMARY']) await core.summary.addRaw(text, true).write()
    else process.stdout.write(`\n${summaryForTerminal(text)}\n`) // a local run: the summary goes to the terminal
  })
  if (inputs.comment) {
    await guarded(findings, 'action', 'commenting on the pull request', () => commentOnPullRequest(inputs, summaryInput, redact, env))
  }
  // Last, so that a failure to write the summary counts too.
  const finalStatus = announce(findings, inputs.nonBlocking, redact)
  core.setOutput('status', finalStatus)
  core.setOutput('findings', String(findings.findings.length))
}

/** The sticky comment: the same summary, within the comment limit. Never a finding: without it the summary still holds everything. */
async function commentOnPullRequest(inputs: Inputs, summary: SummaryInput, redact: (s: string) => string, env: NodeJS.ProcessEnv): Promise<void> {
  const pr = pullRequestOf(env)
  const repository = env['GITHUB_REPOSITORY']
  if (!pr || !repository) {
    core.info('comment: true, but this run is not for a pull request; no comment')
    return
  }
  if (!inputs.githubToken) return noticeNoComment('github-token is empty; the results are in the job summary')
  const marker = commentMarker(`${env['GITHUB_WORKFLOW'] ?? ''}/${env['GITHUB_JOB'] ?? ''}/${inputs.summaryArtifactName}`)
  const body = commentBody(marker, redact(renderSummary(summary, COMMENT_LIMIT - 4096)), runUrl(env) ?? null)
  try {
    const result = await upsertComment(GitHubApi.fromEnv(inputs.githubToken, env), repository, pr.number, marker, body)
    core.info(`${result.created ? 'Created' : 'Updated'} the pull request comment ${result.url ?? result.id}`)
    core.setOutput('comment-url', result.url ?? '')
  } catch (error) {
    noticeNoComment(commentProblem(error, pr.fromFork))
  }
}

/** coverage-summary.json next to the reports, uploaded as its own small artifact (the baseline of later pull requests). */
async function writeSummaryJson(inputs: Inputs, suites: SuiteResult[], findings: Findings, env: NodeJS.ProcessEnv, patch: PatchOutcome | null, baseline: BaselineOutcome | null, merge: MergeOutcome | null): Promise<void> {
  const [rust, python] = suites as [SuiteResult, SuiteResult]
  const json = buildCoverageSummary({
    run: runFacts(env, inputs.matrixValue),
    status: statusOf(findings.findings, inputs.nonBlocking),
    nonBlocking: inputs.nonBlocking,
    patch,
    baseline,
    merge,
    findings: findings.findings,
    suites: { rust: suiteSummary(rust, findings.findings, rust.tools), python: suiteSummary(python, findings.findings, python.tools) }
  })
  fs.mkdirSync(path.dirname(inputs.summaryJson), { recursive: true })
  fs.writeFileSync(inputs.summaryJson, `${JSON.stringify(json, null, 1)}\n`)
  core.setOutput('summary-json', relativeToWorkspace(inputs, inputs.summaryJson))
  if (!inputs.upload || uploadUnavailable()) return
  try {
    const uploaded = await uploadArtifact({
      name: inputs.summaryArtifactName,
      files: [inputs.summaryJson],
      rootDirectory: path.dirname(inputs.summaryJson),
      retentionDays: inputs.retentionDays,
      compressionLevel: inputs.compressionLevel,
      timeoutMs: inputs.uploadTimeoutMs
    })
    core.setOutput('summary-artifact-id', String(uploaded.id))
    core.info(`Uploaded ${inputs.summaryArtifactName}: id ${uploaded.id}`)
  } catch (error) {
    findings.add('action', 'upload-failed', `Artifact "${inputs.summaryArtifactName}" (coverage-summary.json) was not uploaded: ${firstLine((error as Error).message)}`)
  }
}

async function uploadAll(inputs: Inputs, suites: SuiteResult[], findings: Findings): Promise<void> {
  if (!inputs.upload) return
  const unavailable = uploadUnavailable()
  for (const suite of suites) {
    if (!suite.enabled) continue
    const name = inputs[suite.suite].artifactName
    const files = artifactFiles(inputs, suite.suite)
    suite.artifact = { name, files: files.map((f) => relativeToWorkspace(inputs, f)) }
    if (files.length === 0) {
      suite.artifact.error = 'no report files to upload'
      continue
    }
    if (unavailable) {
      suite.artifact.error = unavailable
      core.info(`${suite.label}: not uploading, ${unavailable}; the files are in ${relativeToWorkspace(inputs, commonRoot(files))}`)
      continue
    }
    core.startGroup(`Uploading ${name} (${files.length} file(s))`)
    try {
      const uploaded = await uploadArtifact({
        name,
        files,
        rootDirectory: commonRoot(files),
        retentionDays: inputs.retentionDays,
        compressionLevel: inputs.compressionLevel,
        timeoutMs: inputs.uploadTimeoutMs
      })
      Object.assign(suite.artifact, uploaded)
      core.info(`Uploaded ${name}: id ${uploaded.id}, ${uploaded.size} bytes${uploaded.url ? `, ${uploaded.url}` : ''}`)
    } catch (error) {
      const message = firstLine((error as Error).message)
      suite.artifact.error = message
      findings.add(suite.suite, 'upload-failed', `${suite.label} artifact "${name}" was not uploaded: ${message}`)
    } finally {
      core.endGroup()
    }
  }
}

function writeOutputs(suites: SuiteResult[]): void {
  for (const suite of suites) {
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
