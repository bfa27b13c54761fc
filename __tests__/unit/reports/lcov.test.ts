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
  const section = (order: [number, number][], notTaken: string) => [
    'SF:src/x.rs',
    'DA:1,1',
    ...order.map(([line, branch]) => `BRDA:${line},0,${branch},${branch === 0 ? line : notTaken}`),
    'end_of_record'
  ]
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

describe('trailing whitespace on records', () => {
  // lcov --summary: lines 3 of 4, functions 1 of 1, branches 1 of 2, no complaint.
  const text =
    'SF:a.rs \nDA:1,1 \nDA:2,0\t\nDA:3,4\r\nBRDA:1,0,0,1 \nBRDA:1,0,1,- \nFN:1,f\nFNDA:2,f\nFNF:1 \nFNH:1\t\nLF:3 \nLH:2\t\r\nend_of_record  \nSF:b.rs\nDA:1,1\nend_of_record\t\n'

  it('is accepted on every record, as lcov and genhtml do', async () => {
    for (const r of [parse(text), await parseStreamed(text)]) {
      expect(r.totals).toEqual({ lines: { covered: 3, total: 4 }, branches: { covered: 1, total: 2 }, functions: { covered: 1, total: 1 } })
      expect(r.files.map((f) => f.path)).toEqual(['a.rs', 'b.rs'])
      expect(r.files[0]?.declaredLines).toEqual({ covered: 2, total: 3 })
      expect(r.warnings).toEqual([])
      expect(r.truncated).toBeUndefined()
    }
  })

  // lcov --summary: lines 1 of 3, branches 1 of 2, and functions 1 of 2: LCOV 1.16
  // keeps the blank in a name ('_ZN1fE ' and '_ZN1fE\t' differ); here it is trimmed too.
  it('after a count read from the bytes (CR, tab, space, before CRLF too)', () => {
    const r = parse(
      'SF:a.rs\nDA:1,0 \r\nDA:2,7\t\nDA:3,0\r\r\nBRDA:2,0,0,3 \r\nBRDA:2,0,1,0\t\nFNDA:1,_ZN1fE \nFN:1,_ZN1fE\t\nLF:3 \nend_of_record \r\n'
    )
    expect(r.totals).toEqual({ lines: { covered: 1, total: 3 }, branches: { covered: 1, total: 2 }, functions: { covered: 1, total: 1 } })
    expect(r.warnings).toEqual([])
  })

  it('a line of whitespace alone is skipped like an empty line', () => {
    const r = parse('SF:a.rs\n \t\nDA:1,1\n\nend_of_record\n')
    expect(r.totals.lines).toEqual({ covered: 1, total: 1 })
    expect(r.warnings).toEqual([])
  })
})

describe('functions of a file repeated in several sections', () => {
  // f is hit only in the first section, g only in the second; each section
  // says FNF:2 FNH:1. lcov --summary: 2 of 2 functions.
  const text =
    'SF:a.rs\nFN:1,_ZN1fE\nFN:5,_ZN1gE\nFNDA:1,_ZN1fE\nFNDA:0,_ZN1gE\nFNF:2\nFNH:1\nDA:1,1\nDA:5,0\nLF:2\nLH:1\nend_of_record\n' +
    'SF:a.rs\nFN:1,_ZN1fE\nFN:5,_ZN1gE\nFNDA:0,_ZN1fE\nFNDA:3,_ZN1gE\nFNF:2\nFNH:1\nDA:1,0\nDA:5,3\nLF:2\nLH:1\nend_of_record\n'

  it.each([true, false])('merge by name, hit when hit in any section (repeatedFilesExpected %s)', async (expected) => {
    for (const r of [parse(text, expected), await parseStreamed(text, expected)]) {
      expect(r.totals.functions).toEqual({ covered: 2, total: 2 })
      expect(r.totals.lines).toEqual({ covered: 2, total: 2 })
    }
  })

  it('names read in the sections merge with the names the skipped block held (three sections, a function only in one)', () => {
    const third = 'SF:a.rs\nFN:9,_ZN1hE\nFNDA:0,_ZN1hE\nFNF:1\nFNH:0\nend_of_record\n'
    // lcov --summary: 2 of 3 functions.
    expect(parse(text + third).totals.functions).toEqual({ covered: 2, total: 3 })
    expect(parse(third + text, true).totals.functions).toEqual({ covered: 2, total: 3 })
  })

  it('files that do not repeat still take FNF/FNH as written', () => {
    const r = parse(
      'SF:a.rs\nFN:1,_ZN1fE\nFNDA:1,_ZN1fE\nFNF:7\nFNH:3\nend_of_record\nSF:b.rs\nFN:1,_ZN1bE\nFNDA:1,_ZN1bE\nFNF:1\nFNH:1\nend_of_record\n'
    )
    expect(r.files.map((f) => f.functions)).toEqual([
      { covered: 3, total: 7 },
      { covered: 1, total: 1 }
    ])
  })
})

describe('a truncated lcov (cut mid-section, no end_of_record at the end)', () => {
  const whole = 'SF:a.rs\nDA:1,1\nDA:2,0\nLF:2\nLH:1\nend_of_record\nSF:b.rs\nDA:1,1\nDA:2,1\n'

  it('is flagged on the report, with the figures of what was read and the warning', async () => {
    for (const [text, b] of [
      [whole, { covered: 2, total: 2 }],
      [whole + 'DA:3,1', { covered: 3, total: 3 }]
    ] as const) {
      for (const r of [parse(text), await parseStreamed(text)]) {
        expect(r.truncated).toBe(true)
        expect(r.files.map((f) => [f.path, f.lines])).toEqual([
          ['a.rs', { covered: 1, total: 2 }],
          ['b.rs', b]
        ])
        expect(r.warnings).toContain(
          `edge.lcov:${text.split('\n').length - (text.endsWith('\n') ? 1 : 0)}: the last section has no end_of_record (truncated file?); kept`
        )
      }
    }
  })

  it('is not flagged when the last end_of_record is there (with or without a final newline, trailing blanks)', () => {
    for (const text of ['SF:a.rs\nDA:1,1\nend_of_record', 'SF:a.rs\nDA:1,1\nend_of_record\n\n', 'SF:a.rs\nDA:1,1\nend_of_record \t\r\n']) {
      const r = parse(text)
      expect(r.truncated).toBeUndefined()
      expect(r.warnings).toEqual([])
    }
  })
})
