import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-deferred-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Offsets of workflow commands (`::group::`, `::endgroup::`) that do not start a line: the runner would not see them. */
const midLine = (log: string): number[] =>
  [...log.matchAll(/::(end)?group::/g)].map((m) => m.index as number).filter((at) => at > 0 && log[at - 1] !== '\n')

describe('a kept log replayed when the run is cancelled', () => {
  it('ends its group on a line of its own wherever the replay was cut, and the next group starts on its own line', () => {
    const kept = path.join(tmp, 'kept.txt')
    // 80-byte lines, no line ending at a 64 KiB read boundary: a cut lands mid-line.
    fs.writeFileSync(kept, `${'y'.repeat(78)}z\n`.repeat(200_000))
    for (const delayMs of [5, 20, 60]) {
      const out = path.join(tmp, `log-${delayMs}.txt`)
      const fd = fs.openSync(out, 'w')
      const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test-support/replay-cancel.ts'), kept, String(delayMs)], {
        stdio: ['ignore', fd, 'inherit']
      })
      fs.closeSync(fd)
      expect(child.status).toBe(0)
      const log = fs.readFileSync(out, 'utf8')
      expect(log.startsWith('::group::Rust: cargo llvm-cov report --cobertura\n')).toBe(true)
      expect(midLine(log)).toEqual([])
      expect(log.endsWith('::group::the next group\n::endgroup::\n')).toBe(true)
    }
  })
})
