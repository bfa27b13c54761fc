// Shard lcov reports are concatenated by streaming copy: a shard of 2 GiB or
// more (a sparse file here, cheap to make) is copied like any other, where a
// whole-file read fails ("File size ... is greater than 2 GiB"); a shard that
// cannot be read is a finding and the others are still copied.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { concatenateLcov } from '../../../src/merge/shards.js'
import { Findings } from '../../../src/model/findings.js'

it('copies shards of any size by streaming, each ending at a line; an unreadable one is a finding', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-concat-'))
  try {
    const a = path.join(dir, 'a.lcov')
    const huge = path.join(dir, 'huge.lcov')
    const c = path.join(dir, 'c.lcov')
    fs.writeFileSync(a, 'SF:a.rs\nDA:1,1\nend_of_record') // no final newline
    fs.writeFileSync(huge, '')
    const hugeSize = Math.round(2.1 * 2 ** 30)
    fs.truncateSync(huge, hugeSize)
    fs.writeFileSync(c, 'SF:c.rs\nDA:2,0\nend_of_record\n')
    const target = path.join(dir, 'out', 'rust.lcov')
    const findings = new Findings()
    await concatenateLcov(
      [
        { artifact: 'rust-coverage-a', file: a },
        { artifact: 'rust-coverage-huge', file: huge },
        { artifact: 'rust-coverage-gone', file: path.join(dir, 'missing.lcov') },
        { artifact: 'rust-coverage-c', file: c }
      ],
      target,
      findings
    )
    const aSize = fs.statSync(a).size + 1
    const cText = fs.readFileSync(c, 'utf8')
    // a + newline, the huge shard + its newline, c.
    expect(fs.statSync(target).size).toBe(aSize + hugeSize + 1 + cText.length)
    const fd = fs.openSync(target, 'r')
    const head = Buffer.alloc(aSize)
    const tail = Buffer.alloc(cText.length + 1)
    fs.readSync(fd, head, 0, aSize, 0)
    fs.readSync(fd, tail, 0, tail.length, aSize + hugeSize)
    fs.closeSync(fd)
    expect(head.toString()).toBe('SF:a.rs\nDA:1,1\nend_of_record\n')
    expect(tail.toString()).toBe(`\n${cText}`)
    expect(findings.findings).toEqual([
      {
        suite: 'rust',
        kind: 'report-unreadable',
        message: expect.stringMatching(/^Shard artifact "rust-coverage-gone": its lcov report could not be read: ENOENT/)
      }
    ])
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
})
