// The upload phase: each suite's files as its artifact, the Rust HTML report's
// zip as its own artifact uploaded unzipped (the download is that one zip, not
// a zip inside the artifact's zip), and the coverage page. A failed upload is a
// finding of that suite; outside GitHub Actions nothing is uploaded and the
// log says where the files are; inside GitHub Actions without the artifact
// service's variables (a container job, a stripped environment) that is one
// finding naming the missing variable. Only files that really lie inside the
// workspace are ever uploaded.
import * as core from '@actions/core'
import type { Inputs } from '../model/inputs.js'
import { firstLine } from '../model/findings.js'
import type { SuiteResult } from '../model/suite.js'
import { suitesOf, type RunState } from '../model/run-state.js'
import { artifactFiles, htmlArtifactFile, relativeToWorkspace } from '../run/suite-files.js'
import * as log from '../safety/log.js'
import { resolveInside } from '../safety/workspace-fs.js'
import {
  commonRoot,
  missingUploadVariables,
  uploadArtifact,
  uploadMissingIsFinding,
  uploadProblem,
  uploadUnavailable,
  type Uploaded,
  type UploadRequest
} from './artifacts.js'

/** The upload options every artifact of this run shares, mapped from the inputs once. */
function uploadRequest(inputs: Inputs, name: string, files: string[], rootDirectory = commonRoot(files), unzipped = false): UploadRequest {
  return {
    name,
    files,
    rootDirectory,
    retentionDays: inputs.retentionDays,
    compressionLevel: inputs.compressionLevel,
    timeoutMs: inputs.uploadTimeoutMs,
    ...(unzipped ? { unzipped } : {})
  }
}

/** Uploads one artifact of this run; every file must really lie inside the workspace; the error message is one line. */
export function uploadFiles(inputs: Inputs, name: string, files: string[], rootDirectory?: string, unzipped = false): Promise<Uploaded> {
  try {
    for (const file of files) resolveInside(file, inputs.workspace, { shown: relativeToWorkspace(inputs, file) })
  } catch (error) {
    return Promise.reject(error)
  }
  return uploadArtifact(uploadRequest(inputs, name, files, rootDirectory, unzipped))
}

/** The coverage page as its own artifact, unzipped: the run page opens it in the browser with one click. */
export async function uploadPage(run: RunState): Promise<void> {
  const { inputs, page } = run
  if (!inputs.upload || !page || uploadBlocked(run)) return
  try {
    const uploaded = await uploadFiles(inputs, inputs.pageName, [page.file], undefined, true)
    page.artifact = { id: uploaded.id, ...(uploaded.url ? { url: uploaded.url } : {}) }
    core.setOutput('coverage-page-url', uploaded.url ?? '')
    log.info(`Uploaded ${inputs.pageName} (unzipped): id ${uploaded.id}${uploaded.url ? `, ${uploaded.url}` : ''}`)
  } catch (error) {
    page.error = firstLine((error as Error).message)
    run.findings.add('action', 'upload-failed', `The coverage page "${inputs.pageName}" was not uploaded: ${page.error}`)
  }
}

/**
 * Why nothing can be uploaded in this run, or null. Inside GitHub Actions a
 * missing artifact service is recorded as one finding (once per run).
 */
export function uploadBlocked(run: RunState): string | null {
  const unavailable = uploadUnavailable(run.env)
  if (unavailable && uploadMissingIsFinding(run.env)) {
    const message = `Artifacts were not uploaded: ${uploadProblem(missingUploadVariables(run.env))}`
    if (!run.findings.findings.some((f) => f.kind === 'upload-failed' && f.message === message)) run.findings.add('action', 'upload-failed', message)
  }
  return unavailable
}

export async function uploadSuites(run: RunState): Promise<void> {
  const { inputs, findings } = run
  if (!inputs.upload) return
  // First, so that the finding is counted in coverage-summary.json's status.
  const unavailable = uploadBlocked(run)
  for (const suite of suitesOf(run)) {
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
      log.info(`${suite.label}: not uploading, ${unavailable}; the files are in ${relativeToWorkspace(inputs, commonRoot(files))}`)
      continue
    }
    core.startGroup(`Uploading ${name} (${files.length} file(s))`)
    try {
      const uploaded = await uploadFiles(inputs, name, files)
      Object.assign(suite.artifact, uploaded)
      log.info(`Uploaded ${name}: id ${uploaded.id}, ${uploaded.size} bytes${uploaded.url ? `, ${uploaded.url}` : ''}`)
    } catch (error) {
      const message = firstLine((error as Error).message)
      suite.artifact.error = message
      findings.add(suite.suite, 'upload-failed', `${suite.label} artifact "${name}" was not uploaded: ${message}`)
    } finally {
      core.endGroup()
    }
  }
  if (run.rust.enabled && run.rust.htmlZip) await uploadHtmlZip(run, run.rust, unavailable)
}

/** The zipped HTML report as its own artifact, unzipped: the download is that zip, named after its file. */
async function uploadHtmlZip(run: RunState, suite: SuiteResult, unavailable: string | null): Promise<void> {
  const { inputs } = run
  const name = inputs.rust.htmlArtifactName
  const file = htmlArtifactFile(inputs)
  suite.htmlArtifact = { name, files: file ? [relativeToWorkspace(inputs, file)] : [] }
  if (!file) {
    suite.htmlArtifact.error = 'no zipped HTML report to upload'
    return
  }
  if (unavailable) {
    suite.htmlArtifact.error = unavailable
    return
  }
  try {
    const uploaded = await uploadFiles(inputs, name, [file], undefined, true)
    Object.assign(suite.htmlArtifact, uploaded)
    log.info(`Uploaded ${name} (unzipped): id ${uploaded.id}, ${uploaded.size} bytes${uploaded.url ? `, ${uploaded.url}` : ''}`)
  } catch (error) {
    const message = firstLine((error as Error).message)
    suite.htmlArtifact.error = message
    run.findings.add(suite.suite, 'upload-failed', `${suite.label} HTML report "${name}" was not uploaded: ${message}`)
  }
}
