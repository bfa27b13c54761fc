import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { spawnSync } from 'node:child_process'
import { readInputs } from '../../../src/inputs/read.js'
import { rustToolVersions } from '../../../src/run/rust.js'
import { findLlvmTools } from '../../../src/run/toolchain.js'

/**
 * A toolchain laid out as rustup lays it out (<sysroot>/lib/rustlib/<host>/{lib,bin}), with a `rustc` first on PATH
 * that answers as rustc does and writes each of its calls to a file.
 */
function toolchain(withLlvmTools: boolean): { env: NodeJS.ProcessEnv; calls: () => string[] } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-toolchain-'))
  const hostDir = path.join(root, 'sysroot/lib/rustlib/x86_64-unknown-linux-gnu')
  fs.mkdirSync(path.join(hostDir, 'lib'), { recursive: true })
  fs.mkdirSync(path.join(hostDir, 'bin'))
  if (withLlvmTools) fs.writeFileSync(path.join(hostDir, 'bin/llvm-cov'), '')
  const bin = path.join(root, 'bin')
  fs.mkdirSync(bin)
  const log = path.join(root, 'calls')
  fs.writeFileSync(
    path.join(bin, 'rustc'),
    [
      '#!/bin/sh',
      `echo "$*" >> '${log}'`,
      `if [ "$1 $2" = "--print target-libdir" ]; then echo '${path.join(hostDir, 'lib')}'; exit 0; fi`,
      // An LLVM no machine has a /usr/lib/llvm-N of: the search finds nothing.
      'if [ "$1" = "-vV" ]; then printf "rustc 1.95.0\\nhost: x86_64-unknown-linux-gnu\\nLLVM version: 9999.1.0\\n"; exit 0; fi',
      'exit 1'
    ].join('\n'),
    { mode: 0o755 }
  )
  const env = { PATH: `${bin}:${process.env['PATH']}` }
  return { env, calls: () => (fs.existsSync(log) ? fs.readFileSync(log, 'utf8').trim().split('\n') : []) }
}

describe('llvm-cov beside rustc', () => {
  it('is found with one rustc call where llvm-tools-preview is installed: nothing to point at', () => {
    const tc = toolchain(true)
    expect(findLlvmTools(tc.env, os.tmpdir())).toBeNull()
    expect(tc.calls()).toEqual(['--print target-libdir'])
  })
  it("is looked for in the distribution's LLVM of rustc's version when the component is missing", () => {
    const tc = toolchain(false)
    expect(findLlvmTools(tc.env, os.tmpdir())).toBeNull() // no /usr/lib/llvm-9999 anywhere
    expect(tc.calls()).toEqual(['--print target-libdir', '-vV'])
  })
  it('is not looked for when LLVM_COV or LLVM_PROFDATA is set: no rustc call', () => {
    const tc = toolchain(false)
    expect(findLlvmTools({ ...tc.env, LLVM_COV: '/x/llvm-cov' }, os.tmpdir())).toBeNull()
    expect(tc.calls()).toEqual([])
  })
  it("agrees with this machine's rustup toolchain: its llvm-tools-preview sits where target-libdir says", () => {
    const real = { PATH: process.env['PATH'], HOME: process.env['HOME'] }
    const libdir = spawnSync('rustc', ['--print', 'target-libdir'], { env: real, encoding: 'utf8' }).stdout.trim()
    const installed = fs.existsSync(path.join(path.dirname(libdir), 'bin', 'llvm-cov'))
    const found = findLlvmTools(real, os.tmpdir())
    // Installed: nothing to point at; missing: a distribution's llvm-cov of rustc's LLVM (or none at all).
    expect(installed ? found === null : found === null || /llvm-cov$/.test(found.env['LLVM_COV'] ?? '')).toBe(true)
  })
})

describe("the Rust tools' versions in coverage-summary.json", () => {
  it("are the suite's own, whatever ~/.bashrc puts first on PATH (bash reads it when its input is a socket, as node's pipes are)", async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-home-'))
    const other = path.join(home, 'other-tools')
    fs.mkdirSync(other)
    for (const [name, line] of [
      ['cargo', 'cargo-llvm-cov 0.0.1'],
      ['rustc', 'rustc 0.0.1 (an rc file put me first)']
    ])
      fs.writeFileSync(path.join(other, name as string), `#!/bin/sh\necho '${line}'\n`, { mode: 0o755 })
    fs.writeFileSync(path.join(home, '.bashrc'), `export PATH='${other}':"$PATH"\n`)
    const inputs = readInputs((name) => ({ 'python-enabled': 'false' })[name] ?? '', { GITHUB_WORKSPACE: home })
    const env = {
      PATH: process.env['PATH'],
      HOME: home,
      CARGO_HOME: process.env['CARGO_HOME'] ?? path.join(os.homedir(), '.cargo'),
      RUSTUP_HOME: process.env['RUSTUP_HOME'] ?? path.join(os.homedir(), '.rustup')
    }
    const expected = spawnSync('rustc', ['--version'], { env, encoding: 'utf8' }).stdout.split(' ')[1]
    const tools = await rustToolVersions(inputs, env)
    expect(tools['rustc']).toBe(expected)
    expect(tools['cargo-llvm-cov']).not.toBe('0.0.1')
  })
})
