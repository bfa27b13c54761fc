import { formatDelta, suiteDelta } from '../../../src/pr/baseline/delta.js'
import type { SuiteResult } from '../../../src/model/suite.js'
import type { SuiteSummary } from '../../../src/model/coverage-summary.js'

const t = (covered: number, total: number) => ({ covered, total })
const file = (path: string, covered: number, total: number) => ({ path, lines: t(covered, total), branches: t(0, 0), functions: t(0, 0) })

it('orders drops first, then added and removed files; unchanged files are left out', () => {
  const current = {
    suite: 'rust',
    enabled: true,
    headline: { percent: 70, covered: 7, total: 10, basis: '' },
    report: { files: [file('a.rs', 1, 4), file('b.rs', 3, 4), file('same.rs', 2, 2), file('new.rs', 1, 2)] }
  } as unknown as SuiteResult
  const base = {
    enabled: true,
    headline: { percent: 72.5 },
    files: [file('a.rs', 3, 4), file('b.rs', 2, 4), file('same.rs', 2, 2), file('gone.rs', 1, 1)]
  } as unknown as SuiteSummary
  const delta = suiteDelta(current, base)
  expect(delta?.delta).toBe(-2.5)
  expect(delta?.files.map((f) => [f.path, f.delta])).toEqual([
    ['a.rs', -50],
    ['b.rs', 25],
    ['new.rs', null],
    ['gone.rs', null]
  ])
  expect(suiteDelta(current, undefined)).toBeNull()
})

it('formats percentage points with a sign', () => {
  expect(formatDelta(1.256)).toBe('+1.26 pp')
  expect(formatDelta(-0.4)).toBe('−0.40 pp')
  expect(formatDelta(0.001)).toBe('±0.00 pp')
})
