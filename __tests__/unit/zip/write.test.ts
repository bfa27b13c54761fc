// The zip writer: what unzip reads back byte for byte, symlinks out of the
// folder skipped; without ZIP64, a file of 2 GiB or more (a sparse file here,
// so the test stays cheap) is left out with a skipped line and the rest is a
// valid zip; any error removes the output, so no partial zip is left behind.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { zipDirectory } from '../../../src/zip/write.js'
import { readZipEntry, zipEntries } from '../../../src/zip/read.js'

function folder(): { dir: string; src: string; zip: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-zipw-'))
  const src = path.join(dir, 'html')
  fs.mkdirSync(path.join(src, 'sub'), { recursive: true })
  fs.writeFileSync(path.join(src, 'index.html'), '<h1>report</h1>\n'.repeat(100))
  fs.writeFileSync(path.join(src, 'sub', 'z.html'), 'z'.repeat(40_000))
  return { dir, src, zip: path.join(dir, 'rust-html.zip') }
}

it('leaves a file of 2 GiB or more out with a skipped line; the rest is a valid zip', async () => {
  const { dir, src, zip } = folder()
  try {
    const big = path.join(src, 'sub', 'huge.html')
    fs.writeFileSync(big, '')
    fs.truncateSync(big, Math.round(2.1 * 2 ** 30)) // sparse: no disk, no memory
    const result = await zipDirectory(src, zip, { level: 6 })
    expect(result.skipped).toEqual([{ path: 'sub/huge.html', reason: '2.1 GiB; files from 2 GiB are not zipped (no ZIP64)' }])
    expect(result.files).toBe(2)
    const data = fs.readFileSync(zip)
    expect(result.bytesOut).toBe(data.length)
    expect(zipEntries(data).map((e) => e.name)).toEqual(['index.html', 'sub/z.html'])
    expect(readZipEntry(data, 'sub/z.html', 1 << 20)?.toString()).toBe('z'.repeat(40_000))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

it('removes the output on an error, an older zip at that path included', async () => {
  const { dir, src, zip } = folder()
  try {
    fs.writeFileSync(zip, 'an older zip')
    // zlib refuses the level once the first file is deflated: the output is open and partly written by then.
    await expect(zipDirectory(src, zip, { level: 42 })).rejects.toThrow()
    expect(fs.existsSync(zip)).toBe(false)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})

describe('zipDirectory', () => {
  it('writes a zip that unzip verifies, byte for byte, and skips symlinks out of the folder', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-zip-'))
    const src = path.join(dir, 'html')
    fs.mkdirSync(path.join(src, 'coverage/deep'), { recursive: true })
    fs.writeFileSync(path.join(src, 'index.html'), '<html>'.repeat(1000))
    fs.writeFileSync(path.join(src, 'coverage/deep/ünïcode.html'), 'x')
    fs.writeFileSync(path.join(src, 'empty.txt'), '')
    fs.writeFileSync(path.join(src, 'coverage/big.html'), '<tr><td>covered</td></tr>\n'.repeat(40_000))
    fs.writeFileSync(path.join(src, 'random.bin'), Buffer.from(Array.from({ length: 3_000_000 }, (_, i) => (i * 7919) % 251)))
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'secret')
    fs.symlinkSync(path.join(dir, 'secret.txt'), path.join(src, 'leak.txt'))
    const zip = path.join(dir, 'out.zip')
    const result = await zipDirectory(src, zip, { level: 6, root: dir })
    expect(result.files).toBe(5)
    expect(result.skipped).toEqual([{ path: 'leak.txt', reason: 'symlink pointing outside the folder' }])
    execFileSync('unzip', ['-tq', zip])
    const out = path.join(dir, 'out')
    execFileSync('unzip', ['-q', zip, '-d', out])
    for (const f of ['index.html', 'coverage/big.html', 'coverage/deep/ünïcode.html', 'empty.txt', 'random.bin']) {
      expect(fs.readFileSync(path.join(out, f)).equals(fs.readFileSync(path.join(src, f)))).toBe(true)
    }
    await expect(zipDirectory(src, zip, { level: 6, root: path.join(dir, 'html/coverage') })).rejects.toThrow('is not inside the workspace')
  })
})
