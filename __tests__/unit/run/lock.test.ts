// The folders a run locks: the crate's cargo target folder too when the run
// cleans it (two runs on one crate would remove or count each other's profiles).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { spawnSync } from 'node:child_process'
import { readCargoWorkspace } from '../../../src/run/cargo-scope.js'
import { childEnv } from '../../../src/run/command.js'
import { lockedTarget, lockFolders, lockPlan, releaseAll } from '../../../src/run/lock.js'

const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-')))
fs.mkdirSync(path.join(workspace, 'rust'))
fs.writeFileSync(path.join(workspace, 'rust/Cargo.toml'), '[package]\nname = "x"\n')
const env = { GITHUB_WORKSPACE: workspace }
const inputsWith = (values: Record<string, string>) => readInputs((name) => ({ 'python-enabled': 'false', ...values })[name] ?? '', env)

it('locks the crate’s target folder when the default rust-command cleans it', () => {
  const folders = lockPlan(inputsWith({}), env).folders
  expect(folders).toContain(path.join(workspace, 'rust/target'))
  expect(folders).toContain(path.join(workspace, 'target/coverage'))
})

it('locks CARGO_TARGET_DIR instead when set, and only inside the workspace', () => {
  expect(lockPlan(inputsWith({}), { ...env, CARGO_TARGET_DIR: 'build/cargo' }).folders).toContain(path.join(workspace, 'build/cargo'))
  expect(lockPlan(inputsWith({}), { ...env, CARGO_TARGET_DIR: os.tmpdir() }).folders).not.toContain(os.tmpdir())
})

it('leaves it alone for a rust-command and a rust-report-command of one’s own without rust-from-python, or without the Rust suite', () => {
  const custom = lockPlan(
    inputsWith({ 'rust-command': 'cargo llvm-cov --no-report', 'rust-report-command': 'cargo llvm-cov report', 'rust-from-python': 'false' }),
    env
  ).folders
  expect(custom).not.toContain(path.join(workspace, 'rust/target'))
  // The default report commands set the profiles aside while they run side by side: the folder is held then too.
  const ownTests = lockPlan(inputsWith({ 'rust-command': 'cargo llvm-cov --no-report', 'rust-from-python': 'false' }), env).folders
  expect(ownTests).toContain(path.join(workspace, 'rust/target'))
  const noRust = lockPlan(inputsWith({ 'rust-enabled': 'false', 'python-enabled': 'true', 'python-package': 'x' }), env).folders
  expect(noRust).not.toContain(path.join(workspace, 'rust/target'))
})

it('names the held cargo target folder apart from the report folders: the profiles may be moved only inside it', () => {
  // coverage-summary.json in the working folder: that folder is held for the report, not for the profiles under it.
  const inputs = inputsWith({ 'summary-json': 'coverage-summary.json' })
  expect(lockPlan(inputs, env).folders).toContain(workspace)
  expect(lockPlan(inputs, env).cargoTarget).toBe(path.join(workspace, 'rust/target'))
  expect(lockPlan(inputsWith({}), { ...env, CARGO_TARGET_DIR: os.tmpdir() }).cargoTarget).toBeNull()
  expect(lockPlan(inputsWith({ 'rust-enabled': 'false', 'python-enabled': 'true', 'python-package': 'x' }), env).cargoTarget).toBeNull()
})

describe("the cargo target folder held is the one cargo names (cargo metadata's target_directory)", () => {
  /** A maturin project whose crate lives in `rust/`, with real sources, so that cargo describes it. */
  function maturinProject(rootManifest: string | null, extra: Record<string, string> = {}): string {
    const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-cargo-')))
    const files: Record<string, string> = {
      'pyproject.toml': '[build-system]\nrequires = ["maturin"]\nbuild-backend = "maturin"\n\n[tool.maturin]\nmanifest-path = "rust/Cargo.toml"\n',
      'rust/Cargo.toml': '[package]\nname = "member"\nversion = "0.1.0"\nedition = "2021"\n',
      'rust/src/lib.rs': 'pub fn one() -> u32 { 1 }\n',
      ...(rootManifest === null ? {} : { 'Cargo.toml': rootManifest }),
      ...extra
    }
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
      fs.writeFileSync(path.join(root, name), text)
    }
    return root
  }
  const inputsIn = (root: string, values: Record<string, string> = {}) =>
    readInputs((name) => ({ 'python-enabled': 'false', ...values })[name] ?? '', { GITHUB_WORKSPACE: root })
  const stepEnv = (root: string, more: Record<string, string> = {}) => ({ ...process.env, GITHUB_WORKSPACE: root, ...more })

  it("is the workspace root's target/ for a crate that is a workspace member, not the crate's own", () => {
    const root = maturinProject('[workspace]\nmembers = ["rust"]\nresolver = "2"\n')
    expect(lockPlan(inputsIn(root), stepEnv(root)).cargoTarget).toBe(path.join(root, 'target'))
    expect(lockPlan(inputsIn(root), stepEnv(root)).folders).not.toContain(path.join(root, 'rust/target'))
  })
  it('is a target-dir set in .cargo/config.toml', () => {
    const root = maturinProject(null, { '.cargo/config.toml': '[build]\ntarget-dir = "build/cargo"\n' })
    expect(lockPlan(inputsIn(root), stepEnv(root)).cargoTarget).toBe(path.join(root, 'build/cargo'))
  })
  it("is cargo-llvm-cov's own folder when CARGO_LLVM_COV_TARGET_DIR gives one (relative to the working folder)", () => {
    const root = maturinProject(null)
    expect(lockPlan(inputsIn(root), stepEnv(root, { CARGO_LLVM_COV_TARGET_DIR: 'cov-target' })).cargoTarget).toBe(path.join(root, 'cov-target'))
  })
  it('is asked of cargo once a run: the Rust suite, asking after the lock in its own environment, gets the same answer', () => {
    const root = maturinProject(null)
    const bin = path.join(root, 'bin')
    fs.mkdirSync(bin)
    const calls = path.join(root, 'cargo-calls')
    const realCargo = spawnSync('sh', ['-c', 'command -v cargo'], { encoding: 'utf8' }).stdout.trim()
    const seenEnv = path.join(root, 'cargo-env')
    fs.writeFileSync(path.join(bin, 'cargo'), `#!/bin/sh\necho "$*" >> '${calls}'\nenv >> '${seenEnv}'\nexec '${realCargo}' "$@"\n`, {
      mode: 0o755
    })
    const env = stepEnv(root, { PATH: `${bin}:${process.env['PATH']}`, 'INPUT_RUST-ENABLED': 'true', ACTIONS_RUNTIME_TOKEN: 'x' })
    const inputs = inputsIn(root)
    expect(lockPlan(inputs, env).folders).toContain(path.join(root, 'rust/target'))
    expect(lockPlan(inputs, env).cargoTarget).toBe(path.join(root, 'rust/target'))
    // The Rust commands' environment: no INPUT_* or token, llvm-cov's paths added.
    const commandEnv = { ...childEnv(env), LLVM_COV: '/x/llvm-cov', LLVM_PROFDATA: '/x/llvm-profdata' }
    expect(readCargoWorkspace(path.join(root, 'rust/Cargo.toml'), inputs.workingDirectory, commandEnv)?.targetDirectory).toBe(
      path.join(root, 'rust/target')
    )
    expect(fs.readFileSync(calls, 'utf8').trim().split('\n')).toHaveLength(1)
    // Asked before the suite, with the step's whole environment at hand: cargo (or a toolchain the repository names
    // in rust-toolchain.toml) sees what every command sees, never an input or a token.
    const names = fs
      .readFileSync(seenEnv, 'utf8')
      .split('\n')
      .map((line) => line.slice(0, line.indexOf('=')))
    expect(names).toContain('GITHUB_WORKSPACE')
    expect(names.filter((name) => name.startsWith('INPUT_') || name === 'ACTIONS_RUNTIME_TOKEN')).toEqual([])
  })
  it('is asked again by the suite when cargo could not say at lock time', () => {
    const root = maturinProject(null)
    const bin = path.join(root, 'bin')
    fs.mkdirSync(bin)
    const failedOnce = path.join(root, 'failed-once')
    const realCargo = spawnSync('sh', ['-c', 'command -v cargo'], { encoding: 'utf8' }).stdout.trim()
    // The first call fails (a toolchain still being installed at the limit), the next ones answer.
    fs.writeFileSync(
      path.join(bin, 'cargo'),
      `#!/bin/sh\nif [ ! -e '${failedOnce}' ]; then touch '${failedOnce}'; exit 1; fi\nexec '${realCargo}' "$@"\n`,
      { mode: 0o755 }
    )
    const env = stepEnv(root, { PATH: `${bin}:${process.env['PATH']}` })
    const manifest = path.join(root, 'rust/Cargo.toml')
    expect(readCargoWorkspace(manifest, root, env)).toBeNull()
    expect(readCargoWorkspace(manifest, root, env)?.targetDirectory).toBe(path.join(root, 'rust/target'))
  })
  it('is judged where the system puts it: a `..` after a link in target-dir leads out of the workspace, so nothing is held', () => {
    const outside = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-outside-')))
    fs.mkdirSync(path.join(outside, 'sub'))
    const root = maturinProject(null, { '.cargo/config.toml': '[build]\ntarget-dir = "link/../tgt"\n' })
    fs.symlinkSync(path.join(outside, 'sub'), path.join(root, 'link'))
    // path.resolve would say <root>/tgt; cargo writes to <outside>/tgt.
    expect(lockPlan(inputsIn(root), stepEnv(root)).cargoTarget).toBeNull()
    expect(lockPlan(inputsIn(root), stepEnv(root)).folders).not.toContain(path.join(root, 'tgt'))
  })
  it('falls back to where cargo would put it when cargo cannot describe the crate', () => {
    const root = maturinProject(null, { 'rust/Cargo.toml': '[package]\nname = "member"\nversion = "not a version"\n' })
    expect(lockPlan(inputsIn(root), stepEnv(root)).cargoTarget).toBe(path.join(root, 'rust/target'))
    expect(lockPlan(inputsIn(root), stepEnv(root, { CARGO_TARGET_DIR: 'elsewhere' })).cargoTarget).toBe(path.join(root, 'elsewhere'))
  })
  it('is held for the profiles as the lock took it: a later answer of cargo that differs is not asked for', async () => {
    const root = maturinProject('[workspace]\nmembers = ["rust"]\nresolver = "2"\n')
    const bin = path.join(root, 'bin')
    fs.mkdirSync(bin)
    const failedOnce = path.join(root, 'failed-once')
    const realCargo = spawnSync('sh', ['-c', 'command -v cargo'], { encoding: 'utf8' }).stdout.trim()
    fs.writeFileSync(
      path.join(bin, 'cargo'),
      `#!/bin/sh\nif [ ! -e '${failedOnce}' ]; then touch '${failedOnce}'; exit 1; fi\nexec '${realCargo}' "$@"\n`,
      { mode: 0o755 }
    )
    const env = stepEnv(root, { PATH: `${bin}:${process.env['PATH']}` })
    const inputs = inputsIn(root)
    // At lock time cargo fails: the guess, the crate's own target/, is locked.
    const plan = lockPlan(inputs, env)
    const locked = await lockFolders(plan.folders, 0, () => undefined, { workspace: root, cargoTarget: plan.cargoTarget })
    expect(locked.ok).toBe(true)
    try {
      expect(lockedTarget()).toBe(path.join(root, 'rust/target'))
      // Asked again, cargo names the workspace root's target/: the profiles there lie outside what the run holds.
      expect(lockPlan(inputs, env).cargoTarget).toBe(path.join(root, 'target'))
      expect(lockedTarget()).toBe(path.join(root, 'rust/target'))
    } finally {
      if (locked.ok) locked.lock.release()
    }
    expect(lockedTarget()).toBeNull() // released
  })
  it("is held only while its lock file keeps this run's own record", async () => {
    const root = maturinProject(null)
    const inputs = inputsIn(root)
    const plan = lockPlan(inputs, stepEnv(root))
    const locked = await lockFolders(plan.folders, 0, () => undefined, { workspace: root, cargoTarget: plan.cargoTarget })
    try {
      expect(lockedTarget()).toBe(path.join(root, 'rust/target'))
      // Removed and taken by another run with this run's pid (another pid namespace, say): not held any more.
      const file = path.join(root, 'rust/target/.rust-python-coverage.lock')
      const record = JSON.parse(fs.readFileSync(file, 'utf8'))
      fs.writeFileSync(file, `${JSON.stringify({ ...record, started: '2000-01-01T00:00:00.000Z' })}\n`)
      expect(lockedTarget()).toBeNull()
    } finally {
      if (locked.ok) locked.lock.release()
    }
  })
})

it('refuses a folder that leads out of the workspace by the time it is locked, and creates nothing there', async () => {
  const real = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-out-')))
  fs.mkdirSync(path.join(real, 'ws/target'), { recursive: true })
  fs.mkdirSync(path.join(real, 'outside'))
  // Made a link after the inputs were read (repository code runs before the lock: a toolchain's own cargo).
  fs.symlinkSync(path.join(real, 'outside'), path.join(real, 'ws/target/coverage'))
  const locked = await lockFolders([path.join(real, 'ws/target/coverage'), path.join(real, 'ws/target')], 0, () => undefined, {
    workspace: path.join(real, 'ws')
  })
  expect(locked.ok).toBe(false)
  expect(!locked.ok && locked.message).toMatch(/not inside the workspace/)
  expect(fs.readdirSync(path.join(real, 'outside'))).toEqual([])
  expect(fs.existsSync(path.join(real, 'ws/target/.rust-python-coverage.lock'))).toBe(false)
})

it('takes one lock for one folder however it is spelled (through a link or not), in the same order for every run', async () => {
  const real = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-spelling-')))
  fs.mkdirSync(path.join(real, 'ws/target'), { recursive: true })
  fs.symlinkSync(path.join(real, 'ws'), path.join(real, 'link'))
  const locked = await lockFolders([path.join(real, 'link/target'), path.join(real, 'ws/target')], 0, () => undefined)
  try {
    expect(locked.ok && locked.lock.files).toEqual([path.join(real, 'ws/target', '.rust-python-coverage.lock')])
  } finally {
    if (locked.ok) locked.lock.release()
  }
})

describe('the lock against what the repository can put in its way', () => {
  const fresh = (): string => fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-hostile-')))

  it('refuses with one line, never a crash, where no lock file can be made: a file, a dangling link, a folder named as the lock', async () => {
    const ws = fresh()
    fs.writeFileSync(path.join(ws, 'target'), 'a file committed where the folder goes\n')
    const file = await lockFolders([path.join(ws, 'target/coverage')], 0, () => undefined, { workspace: ws })
    expect(!file.ok && file.message).toMatch(/lock file could not be made|not inside the workspace/)
    const dangling = fresh()
    fs.symlinkSync(path.join(dangling, 'nowhere'), path.join(dangling, 'target'))
    const link = await lockFolders([path.join(dangling, 'target')], 0, () => undefined, { workspace: dangling })
    expect(link.ok).toBe(false)
    expect(fs.existsSync(path.join(dangling, 'nowhere'))).toBe(false)
    const folder = fresh()
    fs.mkdirSync(path.join(folder, 'target', '.rust-python-coverage.lock'), { recursive: true })
    const named = await lockFolders([path.join(folder, 'target')], 0, () => undefined, { workspace: folder })
    expect(!named.ok && named.message).toMatch(/another run is writing/)
    expect(fs.statSync(path.join(folder, 'target', '.rust-python-coverage.lock')).isDirectory()).toBe(true) // left as it was
  })

  it('is no longer held once its lock file is a FIFO, a link elsewhere, or its folder was swapped for a link: never waited on', async () => {
    const ws = fresh()
    fs.mkdirSync(path.join(ws, 'target'))
    const outside = fresh()
    const take = () => lockFolders([path.join(ws, 'target')], 0, () => undefined, { workspace: ws, cargoTarget: path.join(ws, 'target') })
    const lockFile = path.join(ws, 'target/.rust-python-coverage.lock')

    let locked = await take()
    expect(lockedTarget()).toBe(path.join(ws, 'target'))
    fs.rmSync(lockFile)
    expect(spawnSync('mkfifo', [lockFile]).status).toBe(0)
    expect(lockedTarget()).toBeNull() // read without waiting for a writer
    if (locked.ok) locked.lock.release()
    expect(fs.lstatSync(lockFile).isFIFO()).toBe(true) // not ours: left
    fs.rmSync(lockFile)

    locked = await take()
    // The folder moved away, a link to an outside folder in its place, holding a copy of the lock file.
    fs.renameSync(path.join(ws, 'target'), path.join(ws, 'target-moved'))
    fs.copyFileSync(path.join(ws, 'target-moved/.rust-python-coverage.lock'), path.join(outside, '.rust-python-coverage.lock'))
    fs.symlinkSync(outside, path.join(ws, 'target'))
    expect(lockedTarget()).toBeNull()
    if (locked.ok) locked.lock.release()
  })

  it('releases what it took when cancelled while waiting for a second folder', async () => {
    const ws = fresh()
    for (const dir of ['a', 'b']) fs.mkdirSync(path.join(ws, dir))
    // b is held by a live run of this host (pid 1, started before any record can be compared).
    fs.writeFileSync(path.join(ws, 'b/.rust-python-coverage.lock'), `${JSON.stringify({ pid: 1, host: os.hostname(), started: 'x' })}\n`)
    const waiting = lockFolders([path.join(ws, 'a'), path.join(ws, 'b')], 60_000, () => undefined, { workspace: ws })
    const first = path.join(ws, 'a/.rust-python-coverage.lock')
    while (!fs.existsSync(first)) await new Promise((r) => setTimeout(r, 20))
    releaseAll() // what the cancel handler does
    expect(fs.existsSync(first)).toBe(false)
    fs.rmSync(path.join(ws, 'b/.rust-python-coverage.lock'))
    const outcome = await waiting
    if (outcome.ok) outcome.lock.release()
  })

  it('keeps what one lock holds when a second one in the same process gives up', async () => {
    const ws = fresh()
    fs.mkdirSync(path.join(ws, 'target'))
    const first = await lockFolders([path.join(ws, 'target')], 0, () => undefined, { workspace: ws, cargoTarget: path.join(ws, 'target') })
    const second = await lockFolders([path.join(ws, 'target')], 0, () => undefined, { workspace: ws })
    expect(second.ok).toBe(false)
    expect(lockedTarget()).toBe(path.join(ws, 'target'))
    if (first.ok) first.lock.release()
    expect(lockedTarget()).toBeNull()
  })
})
