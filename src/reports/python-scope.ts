// Whether the Python figure measures the project's own code. Two ways it does
// not, each one finding instead of a pass:
// - every measured file is outside the project (installed in site-packages,
//   or not under the working directory), e.g. the 4-line __init__.py maturin
//   generates for an extension-only package: "100%" of nothing of yours;
// - python-package names nothing the tests import: pytest-cov prints
//   coverage.py's "Module X was never imported" / "No data was collected" and
//   writes no report. The finding names the package the project most likely
//   means (run/python-package.ts), instead of "report missing".
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { Findings } from '../model/findings.js'
import type { Inputs } from '../model/inputs.js'
import type { SuiteResult } from '../model/suite.js'
import { inferPythonPackage } from '../run/python-package.js'
import { lastPart } from '../run/kept-output.js'
import { pythonOutputPath } from '../run/suite-files.js'
import { isInside } from '../safety/paths.js'
import { openRegularFile } from '../safety/workspace-fs.js'
import { formatPercent } from './headline.js'
import type { CoverageReport } from './model.js'

/** Why a measured file is not the project's own code, or null when it is. */
export function outsideReason(file: string, inputs: Pick<Inputs, 'workspace' | 'workingDirectory'>): string | null {
  if (/(^|\/)(site|dist)-packages\//.test(file)) return 'installed'
  const full = path.resolve(inputs.workspace, file)
  if (!isInside(full, inputs.workingDirectory)) return 'outside'
  return null
}

/** maturin's __init__.py for a package that is only the extension: `from .ext import *` and the module's __doc__/__all__. */
export function isMaturinInit(text: string): boolean {
  return /^\s*from \.(\w+) import \*\s*\n\s*__doc__ = \1\.__doc__/.test(text)
}

export function readHeadOf(file: string, bytes: number): string {
  // Only a regular file: a FIFO named in the report must not stop the run.
  const opened = openRegularFile(file)
  if ('refused' in opened) return ''
  try {
    const buffer = Buffer.alloc(bytes)
    return buffer.subarray(0, fs.readSync(opened.fd, buffer, 0, bytes, 0)).toString('utf8')
  } catch {
    return ''
  } finally {
    fs.closeSync(opened.fd)
  }
}

/** Every measured file outside the project: one 'no-data' finding naming a few of them. */
export function judgePythonScope(inputs: Inputs, result: SuiteResult, report: CoverageReport, findings: Findings): void {
  const measured = report.files.filter((f) => f.lines.total > 0)
  if (measured.length === 0 || !result.headline) return
  if (measured.some((f) => outsideReason(f.path, inputs) === null)) return
  const shown = measured
    .slice(0, 2)
    .map((f) => f.path)
    .join(', ')
  const more = measured.length > 2 ? ` and ${measured.length - 2} more` : ''
  const generated = measured.every((f) => f.path.endsWith('__init__.py') && isMaturinInit(readHeadOf(path.resolve(inputs.workspace, f.path), 4096)))
  const what = generated
    ? 'the package has no Python source of its own (maturin generates that __init__.py for an extension-only package)'
    : 'none of it is Python source of this project'
  findings.add(
    'python',
    'no-data',
    `Python coverage measured only files outside the project (${shown}${more}): ${what}, so ${formatPercent(result.headline.percent)} says nothing about your code; measure a package with Python source of its own (python-package) or set python-enabled: false`
  )
}

export interface PytestCovWarnings {
  /** Modules coverage.py says were never imported (from --cov=). */
  notImported: string[]
  /** "No data was collected." */
  noData: boolean
}

/** coverage.py's warnings in pytest's output (names limited to dotted identifiers). */
export function pytestCovWarnings(output: string): PytestCovWarnings {
  const notImported = [...new Set([...output.matchAll(/Module ([\w.]{1,200}) was never imported/g)].map((m) => m[1] as string))]
  return { notImported, noData: /No data was collected/.test(output) }
}

/** How much of the end of pytest's output is searched for coverage.py's warnings (they come after the tests). */
const WARNING_SEARCH_BYTES = 1024 * 1024

/**
 * A Python suite that measured nothing because python-package names nothing the
 * tests import: one finding naming the likely package. Called when the report
 * is missing or empty; gives true when it added the finding (no other needed).
 */
export function judgeWrongPackage(inputs: Inputs, findings: Findings): boolean {
  const output = pythonOutputPath(inputs)
  if (!fs.existsSync(output)) return false
  const warnings = pytestCovWarnings(lastPart(output, WARNING_SEARCH_BYTES))
  if (warnings.notImported.length === 0 && !warnings.noData) return false
  const given = inputs.python.package || warnings.notImported[0] || ''
  const said = [
    ...warnings.notImported.slice(0, 3).map((m) => `"Module ${m} was never imported"`),
    ...(warnings.noData ? ['"No data was collected"'] : [])
  ].join(' and ')
  const likely = inferPythonPackage(inputs.workingDirectory)
  const advice =
    likely && likely.name !== given
      ? `the package the project holds is likely "${likely.name}" (${likely.from}): set python-package: ${likely.name}`
      : 'set python-package to the name the tests import (the folder holding __init__.py)'
  findings.add(
    'python',
    'no-data',
    `Python coverage of ${given ? `"${given}"` : 'the package'} measured nothing: coverage.py says ${said}; ${advice}`
  )
  return true
}
