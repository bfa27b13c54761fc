// lcov reader defects, each checked against what `lcov --summary` (LCOV 1.16,
// with lcov_branch_coverage=1) says about the same input.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseLcovBuffer, parseLcovFile } from '../../../src/reports/lcov.js'

const parse = (text: string, repeatedFilesExpected = false) => parseLcovBuffer(Buffer.from(text), 'edge.lcov', { repeatedFilesExpected })

/** The same text read through a file in chunks; must give the same report as the buffer. */
async function parseStreamed(text: string, repeatedFilesExpected = false) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lcov-')), 'edge.lcov')
  fs.writeFileSync(file, text)
  return parseLcovFile(file, { displayName: 'edge.lcov', repeatedFilesExpected })
}

describe('branches of a file repeated in several sections', () => {
  // 400 distinct branches (lines 1-200, branches 0 and 1), listed by three
  // sections in ascending, descending and shuffled order; branch 0 is taken,
  // branch 1 never ('0' or '-'). lcov --summary: 200 of 400 branches.
  const ids: [number, number][] = []
  for (let line = 1; line <= 200; line++) ids.push([line, 0], [line, 1])
  let seed = 7
  const shuffled = [...ids].sort(() => ((seed = (seed * 48271) % 2147483647) % 3) - 1)
  const section = (order: [number, number][], notTaken: string) =>
    ['SF:src/x.rs', 'DA:1,1', ...order.map(([line, branch]) => `BRDA:${line},0,${branch},${branch === 0 ? line : notTaken}`), 'end_of_record']
  const orders = { ascending: ids, descending: [...ids].reverse(), shuffled }

  it.each([
    ['ascending', 'descending', 'shuffled'],
    ['descending', 'ascending', 'shuffled'],
    ['shuffled', 'shuffled', 'ascending'],
    ['ascending', 'ascending', 'ascending'],
    ['descending', 'shuffled', 'descending']
  ] as const)('%s, %s, %s: 200 of 400, counted once after the list is compacted', (a, b, c) => {
    const text = [...section(orders[a], '0'), ...section(orders[b], '-'), ...section(orders[c], '0')].join('\n') + '\n'
    const r = parse(text, true)
    expect(r.totals.branches).toEqual({ covered: 200, total: 400 })
    expect(r.warnings).toEqual([])
  })

  it('many sections of a file with more branches than the compaction threshold', () => {
    const records: string[] = []
    for (let s = 0; s < 6; s++) records.push(...section(s % 2 ? orders.descending : orders.shuffled, s % 3 ? '0' : '-'))
    expect(parse(records.join('\n') + '\n', true).totals.branches).toEqual({ covered: 200, total: 400 })
  })
})
