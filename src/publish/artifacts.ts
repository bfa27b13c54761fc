// Uploads one suite's files as an artifact, and lists and downloads this run's
// artifacts (merge mode), through @actions/artifact, which is imported only here
// and only when it is needed (it is the largest module to load; the skip path never does).
import * as path from 'node:path'
import { artifactNameProblem } from '../inputs/read.js'
import { firstLine } from '../model/findings.js'
import { UploadError } from '../model/errors.js'
import * as log from '../safety/log.js'

export interface UploadRequest {
  name: string
  /** Absolute paths of existing files. */
  files: string[]
  /** Absolute folder the names inside the artifact are relative to. */
  rootDirectory: string
  retentionDays: number | null
  compressionLevel: number
  timeoutMs: number
  /** One file uploaded as it is, not zipped: the artifact is named after the file, and the run page opens it in the browser. */
  unzipped?: boolean
}

export interface Uploaded {
  id: number
  size: number
  digest?: string
  url?: string
}

/** This workflow run's page, when the runner says which run it is. */
export function runUrl(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const server = env['GITHUB_SERVER_URL'] || 'https://github.com'
  const repo = env['GITHUB_REPOSITORY']
  const run = env['GITHUB_RUN_ID']
  return repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined
}

export function runPageUrl(id: number, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const run = runUrl(env)
  return run ? `${run}/artifacts/${id}` : undefined
}

/** The runner variables the artifact client needs. */
const UPLOAD_VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'] as const

/** Which of the artifact client's variables are missing here. */
export function missingUploadVariables(env: NodeJS.ProcessEnv = process.env): string[] {
  return UPLOAD_VARIABLES.filter((name) => !env[name])
}

/**
 * Why uploads cannot happen here, or null. Outside GitHub Actions (a local
 * run) that is expected; inside (GITHUB_ACTIONS=true) it is a problem to report
 * (a container job or a step whose environment was stripped): see uploadProblem.
 */
export function uploadUnavailable(env: NodeJS.ProcessEnv = process.env): string | null {
  const missing = missingUploadVariables(env)
  if (missing.length === 0) return null
  if (env['GITHUB_ACTIONS'] === 'true') return uploadProblem(missing)
  return 'no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set: not running in GitHub Actions)'
}

/** Inside GitHub Actions: the finding's line, naming the missing variables. */
export function uploadProblem(missing: readonly string[]): string {
  return `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set although GITHUB_ACTIONS is true (a container job or a step whose environment was stripped?): pass the runner's ${UPLOAD_VARIABLES.join(' and ')} through to this step, or set upload: false`
}

/** Whether a missing artifact service here is a finding (inside GitHub Actions) rather than expected (a local run). */
export const uploadMissingIsFinding = (env: NodeJS.ProcessEnv = process.env): boolean =>
  env['GITHUB_ACTIONS'] === 'true' && missingUploadVariables(env).length > 0

/** Errors of the connection itself, which @actions/artifact's Twirp client does not retry (it retries 429/5xx). */
const NETWORK_ERROR = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|Unable to make request/i

export async function uploadArtifact(request: UploadRequest): Promise<Uploaded> {
  const problem = artifactNameProblem(request.name)
  if (problem) throw new UploadError(`artifact name ${JSON.stringify(request.name)} ${problem}`)
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new UploadError(`the artifact service did not finish within ${Math.round(request.timeoutMs / 1000)} s`)),
      request.timeoutMs
    )
  })
  const upload = () =>
    client.uploadArtifact(request.name, request.files, request.rootDirectory, {
      ...(request.retentionDays ? { retentionDays: request.retentionDays } : {}),
      ...(request.unzipped ? { skipArchive: true } : { compressionLevel: request.compressionLevel })
    })
  try {
    let response
    try {
      response = await Promise.race([upload(), timeout])
    } catch (error) {
      // One more attempt after a dropped connection (not after an answer the service gave, nor after the timeout).
      const message = error instanceof Error ? error.message : String(error)
      if (error instanceof UploadError || !NETWORK_ERROR.test(message)) throw error
      log.info(`${request.name}: ${firstLine(message)}; trying once more`)
      response = await Promise.race([upload(), timeout])
    }
    if (response.id === undefined) throw new UploadError('the artifact service returned no artifact id')
    const url = runPageUrl(response.id)
    return {
      id: response.id,
      size: response.size ?? 0,
      ...(response.digest ? { digest: response.digest } : {}),
      ...(url ? { url } : {})
    }
  } catch (error) {
    throw new UploadError(explain(request.name, error))
  } finally {
    clearTimeout(timer)
  }
}

function explain(name: string, error: unknown): string {
  const message = firstLine(error instanceof Error ? error.message : String(error))
  if (/\(409\)|already exists/i.test(message)) {
    return `an artifact named "${name}" already exists in this run (another matrix job or step uploaded it): give each job its own name, e.g. ${name}-\${{ matrix.python-version }}`
  }
  return message
}

/** The deepest folder holding all the files (artifact entries are named relative to it). */
export function commonRoot(files: readonly string[]): string {
  const dirs = files.map((f) => path.dirname(path.resolve(f)))
  let root = dirs[0] ?? process.cwd()
  for (const dir of dirs.slice(1)) {
    while (path.relative(root, dir).startsWith('..')) root = path.dirname(root)
  }
  return root
}

export interface RunArtifact {
  id: number
  name: string
}

/** The artifacts of this workflow run (the latest of each name). */
export async function listRunArtifacts(): Promise<RunArtifact[]> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const listed = await new DefaultArtifactClient().listArtifacts({ latest: true })
  return listed.artifacts.map((a) => ({ id: a.id, name: a.name }))
}

/** Downloads one artifact of this run and unzips it into `dir`. */
export async function downloadRunArtifact(id: number, dir: string): Promise<void> {
  const { DefaultArtifactClient } = await import('@actions/artifact')
  await new DefaultArtifactClient().downloadArtifact(id, { path: dir })
}
