// The page phase: the one-page HTML report of both suites, written on every
// run to coverage-report.html next to coverage-summary.json (atomically: a
// temporary file in the same folder, then a rename; never through a symlink),
// its path logged and set as the `coverage-page` output.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { suitesOf, type RunState } from '../model/run-state.js'
import { formatBytes } from '../publish/costs.js'
import { relativeToWorkspace } from '../run/suite-files.js'
import * as log from '../safety/log.js'
import { liesInside, mkdirInside, realLocation } from '../safety/workspace-fs.js'
import { renderPage } from './render.js'
import { workspaceSources } from './sources.js'

export const PAGE_FILE = 'coverage-report.html'

/** Where the page goes: beside coverage-summary.json. */
export const coveragePagePath = (summaryJson: string, name = PAGE_FILE): string => path.join(path.dirname(summaryJson), name)

export async function writeCoveragePage(run: RunState): Promise<void> {
  const { inputs, env } = run
  const file = coveragePagePath(inputs.summaryJson, inputs.pageName)
  const shown = relativeToWorkspace(inputs, file)
  const dir = path.dirname(file)
  if (!liesInside(dir, inputs.workspace)) {
    run.findings.advise(
      'action',
      `The coverage page was not written: ${relativeToWorkspace(inputs, dir)} leads to ${realLocation(dir)}, outside the workspace.`
    )
    return
  }
  mkdirInside(dir, inputs.workspace)
  if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
    run.findings.advise('action', `The coverage page was not written: ${shown} is a symlink.`)
    return
  }
  const sources = workspaceSources({ workspace: inputs.workspace, bases: [inputs.workingDirectory] })
  const commit = env.GITHUB_SHA ? `Commit ${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_REF ? ` (${env.GITHUB_REF})` : ''}, ` : ''
  const chunks = renderPage(suitesOf(run), {
    title: `Coverage${env.GITHUB_REPOSITORY ? ` of ${env.GITHUB_REPOSITORY}` : ''}`,
    subtitle: `${commit}written ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
    source: (p) => sources(p),
    minPatch: run.patch?.minPatch ?? null,
    serverUrl: env.GITHUB_SERVER_URL || 'https://github.com'
  })
  const bytes = writeAtomically(file, chunks.map(run.redact))
  log.info(`Coverage page: ${shown} (${formatBytes(bytes)})`)
  core.setOutput('coverage-page', shown)
  run.page = { file, shown, bytes }
}

/** Writes the chunks to a new temporary file beside `file`, then renames it over `file`. Returns the bytes written. */
export function writeAtomically(file: string, chunks: readonly string[]): number {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`)
  // wx: fails rather than follow or reuse anything already at the temporary name.
  const fd = fs.openSync(temp, 'wx', 0o644)
  let open = true
  let bytes = 0
  try {
    for (const chunk of chunks) {
      const buf = Buffer.from(chunk)
      let done = 0
      while (done < buf.length) done += fs.writeSync(fd, buf, done)
      bytes += buf.length
    }
    open = false
    fs.closeSync(fd)
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) throw new Error(`${path.basename(file)} is a symlink; not replaced`)
    fs.renameSync(temp, file)
    return bytes
  } catch (error) {
    if (open) fs.closeSync(fd)
    fs.rmSync(temp, { force: true })
    throw error
  }
}
