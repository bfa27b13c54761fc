// Where each suite's files are: the reports the inputs name, the files the
// action derives next to them, the ones removed before a run (so a stale
// report is never shown as new) and the ones each artifact holds.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Inputs, SuiteId } from '../model/inputs.js'
import { SUITE_LABELS, type SuiteResult } from '../model/suite.js'
import { liesInside, removeInside, resolveInside, workspaceOf } from '../safety/workspace-fs.js'

export function rustCoberturaPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.rust.lcov), 'rust.cobertura.xml')
}
/** The zipped HTML report, named after its artifact (rust-html-artifact-name): it is uploaded unzipped, as this file. */
export function rustHtmlZipPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.rust.lcov), inputs.rust.htmlArtifactName)
}
/** Everything the Python command printed. */
export function pythonOutputPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.python.xml), 'python-output.txt')
}
/** pytest-cov's terminal table, cut out of the output. */
export function pythonTermPath(inputs: Inputs): string {
  return path.join(path.dirname(inputs.python.xml), 'python-coverage.txt')
}
/** The suite's main report (absolute). */
export function reportPath(inputs: Inputs, suite: SuiteId): string {
  return suite === 'rust' ? inputs.rust.lcov : inputs.python.xml
}

export const relativeToWorkspace = (inputs: Inputs, file: string): string => path.relative(inputs.workspace, file).split(path.sep).join('/') || '.'

/**
 * Removes last run's files before a run. Never through a folder that leads out
 * of the workspace (PathOutsideWorkspace, nothing removed) and never what a
 * symlink points to (the link itself goes). The workspace defaults to the one
 * the inputs were read against (GITHUB_WORKSPACE, else the current folder).
 */
export function removeStale(paths: string[], workspace: string = workspaceOf()): void {
  const shown = (p: string): string => path.relative(workspace, p).split(path.sep).join('/') || '.'
  // All checked first, so a refused path removes nothing at all.
  for (const p of paths) resolveInside(p, workspace, { followLast: false, shown: shown(p) })
  for (const p of paths) removeInside(p, workspace, shown(p))
}

/** A suite that has not run (yet): disabled, or its phase failed. */
export function emptySuite(inputs: Inputs, suite: SuiteId): SuiteResult {
  return {
    suite,
    label: SUITE_LABELS[suite],
    enabled: inputs[suite].enabled,
    commands: [],
    durationMs: 0,
    reportPath: relativeToWorkspace(inputs, reportPath(inputs, suite)),
    minLines: inputs[suite].minLines,
    tools: {}
  }
}

/**
 * The files the suite's artifact holds: those that exist, are regular files and lie inside the workspace.
 * The zipped HTML report is not among them: it is its own artifact, uploaded unzipped (htmlArtifactFile).
 */
export function artifactFiles(inputs: Inputs, suite: SuiteId): string[] {
  const candidates =
    suite === 'rust' ? [inputs.rust.lcov, ...(inputs.rust.cobertura ? [rustCoberturaPath(inputs)] : [])] : [inputs.python.xml, pythonTermPath(inputs)]
  return candidates.filter((f) => uploadable(inputs, f))
}

/** The zipped HTML report when it can be uploaded (it exists, is a regular file inside the workspace), else null. */
export function htmlArtifactFile(inputs: Inputs): string | null {
  const file = rustHtmlZipPath(inputs)
  return uploadable(inputs, file) ? file : null
}

// Never upload what lies outside the workspace (a report replaced by a symlink leading out).
const uploadable = (inputs: Inputs, file: string): boolean => fs.existsSync(file) && fs.statSync(file).isFile() && liesInside(file, inputs.workspace)
