import { extractCoverageTable } from '../../../src/reports/pytest-terminal.js'

const output = [
  '============================= test session starts ==============================',
  'collected 5 items',
  '',
  'tests/python/test_a.py .....                                             [100%]',
  '',
  '================================ tests coverage ================================',
  '_______________ coverage: platform linux, python 3.11.7-final-0 ________________',
  '',
  'Name                       Stmts   Miss  Cover',
  '----------------------------------------------',
  'python/mixed_demo/a.py        10      2    80%',
  '----------------------------------------------',
  'TOTAL                         10      2    80%',
  'Coverage XML written to file target/coverage/python.xml',
  '============================== 5 passed in 0.05s ===============================',
  ''
].join('\n')

describe('extractCoverageTable', () => {
  it('keeps the header, table, TOTAL and the written-to lines', () => {
    const table = extractCoverageTable(output)
    expect(table?.split('\n')[0]).toContain('tests coverage')
    expect(table).toContain('TOTAL                         10      2    80%')
    expect(table).toContain('Coverage XML written to file')
    expect(table).not.toContain('5 passed')
  })
  it('returns null without a coverage table', () => {
    expect(extractCoverageTable('collected 0 items\n')).toBeNull()
  })
})
