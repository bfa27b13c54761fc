// Whether the Python figure measures the project's own code: files outside it
// or installed, maturin's generated __init__.py, and coverage.py's warnings for
// a package the tests never import (as pytest-cov 7 / coverage 7.17 print them).
import { isMaturinInit, outsideReason, pytestCovWarnings } from '../../../src/reports/python-scope.js'

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
