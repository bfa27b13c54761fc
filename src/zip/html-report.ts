// The zip phase: cargo-llvm-cov's HTML report folder zipped next to the lcov,
// named after its own artifact (rust-html-artifact-name), which uploads this
// zip unzipped: the download is the zip itself, not a zip inside a zip.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { firstLine } from '../model/findings.js'
import type { RunState } from '../model/run-state.js'
import { anyCommandFailed } from '../run/logged-command.js'
import { relativeToWorkspace, rustHtmlZipPath } from '../run/suite-files.js'
import { resolveInside, writeThroughTemp } from '../safety/workspace-fs.js'

export async function zipRustHtml(run: RunState): Promise<void> {
  const { inputs, findings, rust } = run
  if (!rust.enabled) return
  const html = inputs.rust.htmlDir
  if (!fs.existsSync(path.join(html, 'index.html'))) {
    if (!anyCommandFailed(rust)) {
      findings.add('rust', 'report-missing', `Rust HTML report ${relativeToWorkspace(inputs, html)}/index.html was not written`)
    }
    return
  }
  const { zipDirectory } = await import('./write.js')
  const zipPath = rustHtmlZipPath(inputs)
  // The folder read and the zip written must really lie inside the workspace (a refused path is one finding);
  // the zip is written under a temporary name and renamed, so a zip placed as a symlink is replaced.
  resolveInside(html, inputs.workspace, { shown: relativeToWorkspace(inputs, html) })
  try {
    const zipped = await writeThroughTemp(
      zipPath,
      inputs.workspace,
      (temp) => zipDirectory(html, temp, { level: inputs.compressionLevel, root: inputs.workspace }),
      relativeToWorkspace(inputs, zipPath)
    )
    for (const skipped of zipped.skipped) findings.advise('rust', `Not zipped: ${skipped.path} (${skipped.reason}).`)
    rust.htmlZip = { path: relativeToWorkspace(inputs, zipPath), files: zipped.files, bytes: zipped.bytesOut }
  } catch (error) {
    findings.add(
      'rust',
      'report-unreadable',
      `Could not zip the Rust HTML report ${relativeToWorkspace(inputs, html)}: ${firstLine((error as Error).message)}`
    )
  }
}
