// The one figure each suite is judged on: cargo-llvm-cov's LF/LH (else DA
// lines), coverage.py's statements plus branches; never 100% of nothing.
import { formatPercent, pythonHeadline, rustHeadline } from '../../../src/reports/headline.js'
import { fileCoverage as file, lcovReport as report } from '../../../test-support/coverage-builders.js'

describe('headline', () => {
  it('Rust uses LF/LH when declared, else DA lines', () => {
    const r = report([file('src/lib.rs', 37, 45)], { lines: { covered: 39, total: 47 } })
    expect(rustHeadline(r)).toMatchObject({ covered: 39, total: 47 })
    expect(rustHeadline(report([file('src/lib.rs', 37, 45)]))).toMatchObject({ covered: 37, total: 45 })
  })
  it('Python adds branches to statements like coverage.py', () => {
    const r = report([file('a.py', 20, 24)], { lines: { covered: 20, total: 24 }, branches: { covered: 10, total: 12 } })
    expect(pythonHeadline(r)?.percent).toBeCloseTo((30 / 36) * 100, 10)
  })
  it('has no figure for zero lines instead of 100%', () => {
    expect(rustHeadline(report([]))).toBeNull()
  })
  it('formats without rounding up to 100 or down to 0', () => {
    expect(formatPercent(99.999)).toBe('99.99%')
    expect(formatPercent(0.001)).toBe('0.01%')
    expect(formatPercent(82.978723)).toBe('82.98%')
  })
})
