// python-min-lines is judged as coverage.py judges fail_under. The expected
// values come from coverage.py itself (should_fail_under, display_covered and
// the precision its own config reading finds), run once through python3.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { passesLikeCoveragePy, printedLikeCoveragePy, readCoverageGate, roundLikePython } from '../../../src/reports/coverage-gate.js'

function python(script: string, cwd?: string): string {
  return execFileSync('python3', ['-c', script], { encoding: 'utf8', ...(cwd ? { cwd } : {}) }).trim()
}

const totals = [
  59.56,
  59.5,
  60.5,
  0.25,
  2.675,
  59.555,
  100 / 3,
  99.995,
  99.9999,
  0.004,
  0.5,
  69.995,
  70,
  100,
  0,
  12.345,
  84.999999,
  (2 * 100) / 3,
  (153 * 100) / 257,
  (1 * 100) / 8
]
const cases = totals.flatMap((total) =>
  [0, 1, 2, 3].flatMap((precision) => [60, 70, 100, 12.3, 0].map((failUnder) => ({ total, precision, failUnder })))
)

describe('against coverage.py itself', () => {
  let expected: Array<{ fails: boolean; shown: string; rounded: number }>
  beforeAll(() => {
    const script = `
import json, sys
from coverage.results import should_fail_under, display_covered
cases = json.loads(sys.argv[1]) if len(sys.argv) > 1 else json.loads(${JSON.stringify(JSON.stringify(cases))})
print(json.dumps([{"fails": should_fail_under(c["total"], c["failUnder"], c["precision"]), "shown": display_covered(c["total"], c["precision"]), "rounded": round(c["total"], c["precision"])} for c in cases]))
`
    expected = JSON.parse(python(script))
  })

  it('passes and fails exactly where coverage.py does, for every precision', () => {
    const ours = cases.map((c) => !passesLikeCoveragePy(c.total, c.failUnder, c.precision))
    expect(ours).toEqual(expected.map((e) => e.fails))
  })

  it('rounds like Python (ties to even on the exact binary value) and prints the total like coverage.py', () => {
    expect(cases.map((c) => roundLikePython(c.total, c.precision))).toEqual(expected.map((e) => e.rounded))
    expect(cases.map((c) => printedLikeCoveragePy(c.total, c.precision))).toEqual(expected.map((e) => `${e.shown}%`))
  })

  it('59.56% passes 60 at the default precision, as pytest --cov-fail-under=60 does', () => {
    expect(passesLikeCoveragePy(59.56, 60, 0)).toBe(true)
    expect(printedLikeCoveragePy(59.56, 0)).toBe('60%')
    expect(passesLikeCoveragePy(99.999, 100, 0)).toBe(false)
  })
})

describe('the precision coverage.py reads', () => {
  const layouts: Record<string, Record<string, string>> = {
    none: {},
    coveragerc: { '.coveragerc': '[run]\nbranch = True\n[report]\nprecision = 2\n', 'setup.cfg': '[coverage:report]\nprecision = 1\n' },
    'empty coveragerc wins': { '.coveragerc': '# nothing\n', 'setup.cfg': '[coverage:report]\nprecision = 3\n' },
    'setup.cfg': { 'setup.cfg': '[metadata]\nname = x\n[coverage:report]\nprecision: 1\n', 'tox.ini': '[coverage:report]\nprecision = 3\n' },
    'setup.cfg without coverage': { 'setup.cfg': '[metadata]\nname = x\n', 'tox.ini': '[coverage:report]\nprecision = 3\n' },
    'tox.ini': { 'tox.ini': '[tox]\nenvlist = py312\n[coverage:report]\nprecision = 2\n' },
    pyproject: { 'pyproject.toml': '[project]\nname = "x"\n\n[tool.coverage.report]\nprecision = 2\nfail_under = 60\n' },
    'pyproject run only': { 'pyproject.toml': '[tool.coverage.run]\nbranch = true\n' },
    'pyproject dotted': { 'pyproject.toml': '[tool.coverage]\nreport.precision = 1\n' }
  }
  it.each(Object.keys(layouts))('%s', (name) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-gate-'))
    for (const [file, text] of Object.entries(layouts[name]!)) fs.writeFileSync(path.join(dir, file), text)
    const theirs = Number(python('import coverage; print(coverage.Coverage().config.precision)', dir))
    expect(readCoverageGate(dir).precision).toBe(theirs)
  })
})
