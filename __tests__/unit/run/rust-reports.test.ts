import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { CommandResult } from '../../../src/model/suite.js'
import { runLaterReports } from '../../../src/run/rust-reports.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

/** A crate's target folder as cargo-llvm-cov's lcov report leaves it, and the workspace holding it. */
function workspace(): { root: string; target: string; dir: string; profdata: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-later-'))
  roots.push(root)
  const target = path.join(root, 'target')
  const dir = path.join(target, 'llvm-cov-target')
  fs.mkdirSync(dir, { recursive: true })
  for (const name of ['p-1-1_0.profraw', 'p-2-2_0.profraw']) fs.writeFileSync(path.join(dir, name), name)
  const profdata = path.join(dir, 'p.profdata')
  fs.writeFileSync(profdata, 'merged')
  return { root, target, dir, profdata }
}

const ok = (command: string): CommandResult => ({ command, exitCode: 0, signal: null, timedOut: false, durationMs: 1 })
const rawProfiles = (dir: string): string[] => fs.readdirSync(dir).filter((f) => f.endsWith('.profraw'))

describe('the reports after the lcov one', () => {
  // Each stand-in report looks at the real folder as it runs: what a real `cargo llvm-cov report` would find there.
  const seen = (dir: string, log: string[]) => (command: string, deferred?: unknown) => {
    log.push(`${command}${deferred ? ' (log kept)' : ''}: ${rawProfiles(dir).length} raw profiles`)
    return Promise.resolve(ok(command))
  }

  it('run side by side with the raw profiles aside when the folder is one the run holds, then put back', async () => {
    const w = workspace()
    const log: string[] = []
    const results = await runLaterReports(
      {
        commands: ['html', 'cobertura'],
        place: { dir: w.dir, profdata: w.profdata },
        mergedSince: Date.now() - 100,
        cargoLlvmCovVersion: '0.9.1',
        held: w.target
      },
      seen(w.dir, log)
    )
    expect(results.map((r) => r.command)).toEqual(['html', 'cobertura'])
    expect(log).toEqual(['html: 0 raw profiles', 'cobertura (log kept): 0 raw profiles'])
    expect(rawProfiles(w.dir)).toHaveLength(2)
  })

  it('run one after the other, nothing moved, when the folder is not inside one the run holds (a link out, a target-dir elsewhere)', async () => {
    const w = workspace()
    const elsewhere = workspace()
    const link = path.join(w.target, 'linked-out')
    fs.symlinkSync(elsewhere.dir, link)
    for (const place of [
      { dir: elsewhere.dir, profdata: elsewhere.profdata },
      { dir: link, profdata: path.join(link, 'p.profdata') }
    ]) {
      const log: string[] = []
      await runLaterReports(
        { commands: ['html', 'cobertura'], place, mergedSince: Date.now() - 100, cargoLlvmCovVersion: '0.9.1', held: w.target },
        seen(elsewhere.dir, log)
      )
      expect(log).toEqual(['html: 2 raw profiles', 'cobertura: 2 raw profiles'])
    }
  })

  it('run one after the other with an older cargo-llvm-cov, or a single report', async () => {
    const w = workspace()
    const log: string[] = []
    const place = { dir: w.dir, profdata: w.profdata }
    await runLaterReports(
      { commands: ['html', 'cobertura'], place, mergedSince: Date.now() - 100, cargoLlvmCovVersion: '0.6.8', held: w.target },
      seen(w.dir, log)
    )
    await runLaterReports(
      { commands: ['html'], place, mergedSince: Date.now() - 100, cargoLlvmCovVersion: '0.9.1', held: w.target },
      seen(w.dir, log)
    )
    expect(log).toEqual(['html: 2 raw profiles', 'cobertura: 2 raw profiles', 'html: 2 raw profiles'])
  })
})
