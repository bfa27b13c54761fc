import { percent } from '../../../src/reports/model.js'
import { ReportError } from '../../../src/model/errors.js'

describe('percent', () => {
  it('is unrounded and null for nothing measured', () => {
    expect(percent({ covered: 2, total: 3 })).toBeCloseTo(66.6666666, 6)
    expect(percent({ covered: 0, total: 0 })).toBeNull()
  })
  it('ReportError names the file', () => {
    expect(new ReportError('a.lcov', 'empty file').message).toBe('a.lcov: empty file')
  })
})
