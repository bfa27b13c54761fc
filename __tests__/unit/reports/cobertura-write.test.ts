// The Cobertura writer round-trips through the reader: the same files, line
// states and totals as the real report it was written from.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseCoberturaFile } from '../../../src/reports/cobertura.js'
import { coberturaXml } from '../../../src/reports/cobertura-write.js'
import { parseLcovFile } from '../../../src/reports/lcov.js'
import { realReportFile, repoRoot } from '../../../test-support/fixtures.js'

const example = path.join(repoRoot, 'examples/mixed-project')

it.each([
  ['rust.lcov', parseLcovFile],
  ['python.xml', parseCoberturaFile]
] as const)('a report written from %s reads back with the same line states', async (name, parse) => {
  const original = await parse(realReportFile(name), { root: example })
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-cobw-')), 'out.xml')
  fs.writeFileSync(file, coberturaXml(original.files, example, 'a note -- with dashes'))
  const back = await parseCoberturaFile(file, { root: example })
  expect(back.files.map((f) => f.path)).toEqual(original.files.map((f) => f.path))
  expect(back.totals.lines).toEqual(original.totals.lines)
  expect(back.declared.lines).toEqual(original.totals.lines)
  for (const [i, f] of back.files.entries()) expect([...(f.lineStates ?? [])]).toEqual([...(original.files[i]?.lineStates ?? [])])
})

it('escapes paths that XML cannot hold as they are', async () => {
  const text = coberturaXml(
    [
      {
        path: 'a&b/<c>"d".py',
        lines: { covered: 1, total: 1 },
        branches: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        lineStates: Uint8Array.from([0, 2])
      }
    ],
    '/w',
    'n'
  )
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-cobw-')), 'esc.xml')
  fs.writeFileSync(file, text)
  expect((await parseCoberturaFile(file)).files.map((f) => f.path)).toEqual(['a&b/<c>"d".py'])
})
