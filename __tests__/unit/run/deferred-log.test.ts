import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-deferred-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

/** Offsets of workflow commands (`::group::`, `::endgroup::`) that do not start a line: the runner would not see them. */
const midLine = (log: string): number[] =>
  [...log.matchAll(/::(end)?group::/g)].map((m) => m.index as number).filter((at) => at > 0 && log[at - 1] !== '\n')

/** Group starts met while a group is open. */
function nested(log: string): string[] {
  const found: string[] = []
  let open = false
  for (const line of log.split('\n')) {
    if (line.startsWith('::group::') && open) found.push(line)
    if (line.startsWith('::group::')) open = true
    else if (line === '::endgroup::') open = false
  }
  return found
}

describe('a kept log replayed when the run is cancelled', () => {
  it('is cut mid-line and its group ended on a line of its own before any other log shows its end', () => {
    const kept = path.join(tmp, 'kept.txt')
    // 80-byte lines: the replay's 64 KiB chunks end mid-line.
    fs.writeFileSync(kept, `${'y'.repeat(78)}z\n`.repeat(200_000))
    const out = path.join(tmp, 'log.txt')
    const fd = fs.openSync(out, 'w')
    const child = spawnSync(process.execPath, ['--import', 'tsx', path.resolve('test-support/replay-cancel.ts'), kept], {
      stdio: ['ignore', fd, 'inherit']
    })
    fs.closeSync(fd)
    expect(child.status).toBe(0)
    const log = fs.readFileSync(out, 'utf8')
    expect(log.startsWith('::group::Rust: cargo llvm-cov report --cobertura\n')).toBe(true)
    // Cut: not the whole replay, and mid-line (the cut's newline is what keeps the group's end visible).
    expect(log.length).toBeLessThan(fs.statSync(kept).size)
    expect(log).toMatch(/y\n::endgroup::\n/)
    expect(log).toContain('::group::Python: python -m pytest (its output so far, shown as the run was cancelled)\n10 passed in 0.3s\n::endgroup::\n')
    expect(midLine(log)).toEqual([])
    expect(nested(log)).toEqual([])
    expect(log.endsWith('::group::the next group\n::endgroup::\n')).toBe(true)
  })
})
