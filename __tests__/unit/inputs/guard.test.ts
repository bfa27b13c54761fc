import { decide } from '../../../src/inputs/guard.js'

describe('decide', () => {
  it('runs on the coverage entry and when no matrix value is given', () => {
    expect(decide('3.12', '3.12').run).toBe(true)
    expect(decide('', '3.12').run).toBe(true)
  })
  it('skips other entries and names the entry that runs coverage', () => {
    const decision = decide('3.13', '3.12')
    expect(decision.run).toBe(false)
    expect(decision.reason).toBe('Coverage runs on the matrix entry 3.12; this entry is 3.13, so it skips.')
  })
  it('explains the YAML float trap (3.10 read as 3.1)', () => {
    const decision = decide('3.1', '3.10')
    expect(decision.run).toBe(false)
    expect(decision.suspicious).toBe(true)
    expect(decision.reason).toContain('Quote Python versions')
    expect(decide('3.10', '3.1').suspicious).toBe(true)
    expect(decide('3.13', '3.12').suspicious).toBeUndefined()
  })
})
