// Whether the Python figure measures the project's own code: files outside it
// or installed, maturin's generated __init__.py, and coverage.py's warnings for
// a package the tests never import (as pytest-cov 7 / coverage 7.17 print them).
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { isMaturinInit, outsideReason, pytestCovWarnings, readHeadOf } from '../../../src/reports/python-scope.js'

const inputs = { workspace: '/ws', workingDirectory: '/ws/crate' }

describe('outsideReason', () => {
  it('tells installed and outside files from the project', () => {
    expect(outsideReason('crate/python/pkg/mod.py', inputs)).toBeNull()
    expect(outsideReason('/venv/lib/python3.12/site-packages/pkg/__init__.py', inputs)).toBe('installed')
    expect(outsideReason('crate/.venv/lib/python3.12/site-packages/pkg/__init__.py', inputs)).toBe('installed')
    expect(outsideReason('/usr/lib/python3/dist-packages/pkg/__init__.py', inputs)).toBe('installed')
    expect(outsideReason('other/pkg/mod.py', inputs)).toBe('outside')
    expect(outsideReason('/elsewhere/pkg/mod.py', inputs)).toBe('outside')
  })
})

describe('isMaturinInit', () => {
  it('knows the __init__.py maturin writes for an extension-only package, and nothing else', () => {
    const generated = 'from .ext_only import *\n\n__doc__ = ext_only.__doc__\nif hasattr(ext_only, "__all__"):\n    __all__ = ext_only.__all__\n'
    expect(isMaturinInit(generated)).toBe(true)
    expect(isMaturinInit('from .core import *\n\nVERSION = 1\n')).toBe(false)
    expect(isMaturinInit('')).toBe(false)
  })
})

describe('pytestCovWarnings', () => {
  it("reads coverage.py's warnings from pytest's output", () => {
    const output = [
      '/py/site-packages/coverage/inorout.py:560: CoverageWarning: Module worker_pkg was never imported. (module-not-imported); see https://coverage.readthedocs.io/en/7.17.4/messages.html#warning-module-not-imported',
      '  self.warn(f"Module {pkg} was never imported.", slug="module-not-imported")',
      '/py/site-packages/coverage/control.py:967: CoverageWarning: No data was collected. (no-data-collected); see https://coverage.readthedocs.io/en/7.17.4/messages.html#warning-no-data-collected',
      'WARNING: Failed to generate report: No data to report.'
    ].join('\n')
    expect(pytestCovWarnings(output)).toEqual({ notImported: ['worker_pkg'], noData: true })
    expect(pytestCovWarnings('1 passed in 0.3s')).toEqual({ notImported: [], noData: false })
  })
})

describe('readHeadOf', () => {
  it('reads the head of a regular file, and nothing of a FIFO or a folder (no wait for a writer)', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-head-'))
    fs.writeFileSync(path.join(dir, 'plain.py'), 'from .x import *\n')
    execFileSync('mkfifo', [path.join(dir, 'fifo.py')])
    expect(readHeadOf(path.join(dir, 'plain.py'), 4)).toBe('from')
    expect(readHeadOf(path.join(dir, 'fifo.py'), 4096)).toBe('')
    expect(readHeadOf(dir, 4096)).toBe('')
    expect(readHeadOf(path.join(dir, 'missing.py'), 4096)).toBe('')
  })
})
