// readZipEntry on zips made by Info-ZIP's `zip` (stored and deflated), by our
// own writer, and on damaged ones: one clear line, never a wrong result.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { zipDirectory } from '../../../src/zip/write.js'
import { readZipEntry, zipEntries } from '../../../src/zip/read.js'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-zipread-'))
const src = path.join(dir, 'src')
fs.mkdirSync(path.join(src, 'nested'), { recursive: true })
const json = JSON.stringify({ schema: 'x', data: 'y'.repeat(50_000) })
fs.writeFileSync(path.join(src, 'coverage-summary.json'), json)
fs.writeFileSync(path.join(src, 'nested', 'other.txt'), 'other')

it.each([
  ['zip -6', ['-q', '-r', '-6']],
  ['zip -0 (stored)', ['-q', '-r', '-0']]
])('reads an entry of a zip made by %s', (_name, args) => {
  const zip = path.join(dir, `${_name.replace(/\W/g, '')}.zip`)
  execFileSync('zip', [...args, zip, '.'], { cwd: src })
  const buf = fs.readFileSync(zip)
  expect(readZipEntry(buf, 'coverage-summary.json', 1 << 20)?.toString()).toBe(json)
  expect(readZipEntry(buf, 'other.txt', 1 << 20)?.toString()).toBe('other')
  expect(readZipEntry(buf, 'missing.json', 1 << 20)).toBeNull()
})

it('reads our own zips, and refuses damaged or oversized entries with one line', async () => {
  const zip = path.join(dir, 'ours.zip')
  await zipDirectory(src, zip, { level: 6 })
  const buf = fs.readFileSync(zip)
  expect(
    zipEntries(buf)
      .map((e) => e.name)
      .sort()
  ).toEqual(['coverage-summary.json', 'nested/other.txt'])
  expect(readZipEntry(buf, 'coverage-summary.json', 1 << 20)?.toString()).toBe(json)
  expect(() => readZipEntry(buf, 'coverage-summary.json', 1000)).toThrow(/^coverage-summary\.json is \d+ bytes, more than the 1000 expected$/)
  const stored = path.join(dir, 'stored.zip')
  execFileSync('zip', ['-q', '-0', stored, 'coverage-summary.json'], { cwd: src })
  const flipped = fs.readFileSync(stored)
  flipped[flipped.indexOf('yyyy')] = 0x7a
  expect(() => readZipEntry(flipped, 'coverage-summary.json', 1 << 20)).toThrow(
    'damaged zip file (coverage-summary.json fails its size or CRC check)'
  )
  expect(() => readZipEntry(Buffer.from('{"not":"a zip"}'), 'x', 10)).toThrow('not a zip file (no end of central directory)')
  expect(() => readZipEntry(buf.subarray(0, buf.length - 30), 'x', 10)).toThrow(/not a zip file|damaged zip file/)
})
