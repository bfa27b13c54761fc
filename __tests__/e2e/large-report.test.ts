// 1 GiB reports: both parsers stream them with flat memory. Each report holds
// ~70,000 sections for 10,000 source files (sections of one file are merged,
// as when tracefiles of several test runs are concatenated), so what must be
// kept is the same as for a 150 MB report. Each is parsed in a child process
// whose V8 heap is capped at 96 MiB (a parser that held the file, its lines or
// its records would die) and its peak RSS is checked.
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Tally } from '../../src/reports/model.js'

const GiB = 1 << 30
const FILES = 10_000
let dir: string
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-large-'))
})
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true })
})

/** Writes prefix, then `head(i) + body` for i = 0, 1, ... until the file reaches 1 GiB, then tail; returns how many sections. */
function writeRepeated(file: string, prefix: string, head: (i: number) => string, body: Buffer, tail: string): number {
  const fd = fs.openSync(file, 'w')
  let size = fs.writeSync(fd, prefix)
  let sections = 0
  while (size < GiB) {
    const batch: Buffer[] = []
    for (let k = 0; k < 64; k++, sections++) batch.push(Buffer.from(head(sections)), body)
    size += fs.writevSync(fd, batch)
  }
  fs.writeSync(fd, tail)
  fs.closeSync(fd)
  return sections
}

function parseInChild(
  format: string,
  file: string
): { files: number; totals: Record<'lines' | 'branches' | 'functions', Tally>; warnings: number; maxRssMiB: number } {
  const child = spawnSync(process.execPath, ['--max-old-space-size=96', '--import', 'tsx', 'test-support/parse-report.ts', format, file], {
    encoding: 'utf8'
  })
  expect(child.stderr.replace(/.*ExperimentalWarning.*\n|.*--trace-warnings.*\n/g, '')).toBe('')
  expect(child.status).toBe(0)
  if (process.env['SHOW_FIGURES']) process.stderr.write(`${format}: ${child.stdout}`)
  return JSON.parse(child.stdout)
}

it('a 1 GiB lcov report is read with flat memory and exact totals', () => {
  const body: string[] = []
  for (let fn = 0; fn < 20; fn++)
    body.push(
      `FN:${fn * 10 + 1},_ZN4demo6module8function${fn}17h0123456789abcdefE`,
      `FNDA:${fn % 4},_ZN4demo6module8function${fn}17h0123456789abcdefE`
    )
  body.push('FNF:20', 'FNH:15')
  for (let l = 1; l <= 500; l++) body.push(`DA:${l},${l % 5 === 0 ? 0 : l * 7}`)
  for (let b = 1; b <= 60; b++) body.push(`BRDA:${b * 5},0,${b % 2},${b % 3 === 0 ? '-' : b}`)
  body.push('BRF:60', 'BRH:40', 'LF:500', 'LH:400', 'end_of_record', '')
  const file = path.join(dir, 'huge.lcov')
  const sections = writeRepeated(
    file,
    'TN:\n',
    (i) => `SF:/home/runner/work/proj/proj/src/module_${i % 100}/file_${i % FILES}.rs\n`,
    Buffer.from(body.join('\n')),
    ''
  )
  const result = parseInChild('lcov', file)
  expect(sections).toBeGreaterThan(50_000)
  expect(result.files).toBe(FILES)
  expect(result.totals.lines).toEqual({ covered: FILES * 400, total: FILES * 500 })
  expect(result.totals.branches).toEqual({ covered: FILES * 40, total: FILES * 60 })
  expect(result.totals.functions).toEqual({ covered: FILES * 15, total: FILES * 20 })
  expect(result.warnings).toBe(1) // the files repeated in several sections: LF/LH not added up
  expect(result.maxRssMiB).toBeLessThan(400)
  fs.rmSync(file)
}, 300_000)

it('a 1 GiB Cobertura report is read with flat memory and exact totals', () => {
  const body: string[] = ['\t\t\t\t\t<methods/>', '\t\t\t\t\t<lines>']
  for (let l = 1; l <= 500; l++) body.push(`\t\t\t\t\t\t<line number="${l}" hits="${l % 5 === 0 ? 0 : 1}"/>`)
  body.push('\t\t\t\t\t</lines>', '\t\t\t\t</class>', '')
  const file = path.join(dir, 'huge.xml')
  const prefix =
    '<?xml version="1.0" ?>\n<coverage version="7.17.4">\n\t<sources>\n\t\t<source>/nowhere</source>\n\t</sources>\n\t<packages>\n\t\t<package name="p">\n\t\t\t<classes>\n'
  const tail = '\t\t\t</classes>\n\t\t</package>\n\t</packages>\n</coverage>\n'
  const sections = writeRepeated(
    file,
    prefix,
    (i) => `\t\t\t\t<class name="m${i}.py" filename="pkg/m${i % FILES}.py">\n`,
    Buffer.from(body.join('\n')),
    tail
  )
  const result = parseInChild('cobertura', file)
  expect(sections).toBeGreaterThan(50_000)
  expect(result.files).toBe(FILES)
  expect(result.totals.lines).toEqual({ covered: FILES * 400, total: FILES * 500 })
  expect(result.maxRssMiB).toBeLessThan(400)
  fs.rmSync(file)
}, 300_000)
