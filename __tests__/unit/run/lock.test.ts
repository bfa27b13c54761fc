// The folders a run locks: the crate's cargo target folder too when the run
// cleans it (two runs on one crate would remove or count each other's profiles).
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { heldTarget, runFolders } from '../../../src/run/lock.js'

const workspace = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lock-')))
fs.mkdirSync(path.join(workspace, 'rust'))
fs.writeFileSync(path.join(workspace, 'rust/Cargo.toml'), '[package]\nname = "x"\n')
const env = { GITHUB_WORKSPACE: workspace }
const inputsWith = (values: Record<string, string>) => readInputs((name) => ({ 'python-enabled': 'false', ...values })[name] ?? '', env)

it('locks the crate’s target folder when the default rust-command cleans it', () => {
  const folders = runFolders(inputsWith({}), env)
  expect(folders).toContain(path.join(workspace, 'rust/target'))
  expect(folders).toContain(path.join(workspace, 'target/coverage'))
})

it('locks CARGO_TARGET_DIR instead when set, and only inside the workspace', () => {
  expect(runFolders(inputsWith({}), { ...env, CARGO_TARGET_DIR: 'build/cargo' })).toContain(path.join(workspace, 'build/cargo'))
  expect(runFolders(inputsWith({}), { ...env, CARGO_TARGET_DIR: os.tmpdir() })).not.toContain(os.tmpdir())
})

it('leaves it alone for a rust-command and a rust-report-command of one’s own without rust-from-python, or without the Rust suite', () => {
  const custom = runFolders(
    inputsWith({ 'rust-command': 'cargo llvm-cov --no-report', 'rust-report-command': 'cargo llvm-cov report', 'rust-from-python': 'false' }),
    env
  )
  expect(custom).not.toContain(path.join(workspace, 'rust/target'))
  // The default report commands set the profiles aside while they run side by side: the folder is held then too.
  const ownTests = runFolders(inputsWith({ 'rust-command': 'cargo llvm-cov --no-report', 'rust-from-python': 'false' }), env)
  expect(ownTests).toContain(path.join(workspace, 'rust/target'))
  const noRust = runFolders(inputsWith({ 'rust-enabled': 'false', 'python-enabled': 'true', 'python-package': 'x' }), env)
  expect(noRust).not.toContain(path.join(workspace, 'rust/target'))
})

it('names the held cargo target folder apart from the report folders: the profiles may be moved only inside it', () => {
  // coverage-summary.json in the working folder: that folder is held for the report, not for the profiles under it.
  const inputs = inputsWith({ 'summary-json': 'coverage-summary.json' })
  expect(runFolders(inputs, env)).toContain(workspace)
  expect(heldTarget(inputs, env)).toBe(path.join(workspace, 'rust/target'))
  expect(heldTarget(inputsWith({}), { ...env, CARGO_TARGET_DIR: os.tmpdir() })).toBeNull()
  expect(heldTarget(inputsWith({ 'rust-enabled': 'false', 'python-enabled': 'true', 'python-package': 'x' }), env)).toBeNull()
})
