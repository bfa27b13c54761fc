import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { parseLcovBuffer } from '../../../src/reports/lcov.js'
import { defaultBuildCommand, linesOnlyIn, parseShowEnv, plainCargoTestCommand } from '../../../src/run/instrumented-extension.js'
import { manifestArgument, readMaturinProject, tomlStrings } from '../../../src/run/maturin-project.js'
import { shellQuote } from '../../../src/run/shell.js'

describe('pyproject.toml of a maturin project', () => {
  const dir = (files: Record<string, string>): string => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-maturin-'))
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(root, name)), { recursive: true })
      fs.writeFileSync(path.join(root, name), text)
    }
    return root
  }
  const pyproject = (maturin = ''): string =>
    `[build-system]\nrequires = ["maturin>=1.5,<2"]\nbuild-backend = "maturin" # PEP 517\n\n[tool.maturin]\n${maturin}module-name = 'pkg._native'\n\n[tool.other]\nmanifest-path = "nope"\n`

  it('reads the keys of the named table only, basic and literal strings', () => {
    const text = pyproject('manifest-path = "crates/x/Cargo.toml"\n')
    expect(tomlStrings(text, 'build-system').get('build-backend')).toBe('maturin')
    expect(tomlStrings(text, 'tool.maturin')).toEqual(
      new Map([
        ['manifest-path', 'crates/x/Cargo.toml'],
        ['module-name', 'pkg._native']
      ])
    )
  })

  it('finds the crate where maturin does: manifest-path, Cargo.toml beside it, rust/Cargo.toml', () => {
    const beside = dir({ 'pyproject.toml': pyproject(), 'Cargo.toml': '', 'rust/Cargo.toml': '' })
    expect(readMaturinProject(beside)).toMatchObject({ maturinBackend: true, manifestPath: path.join(beside, 'Cargo.toml') })
    expect(manifestArgument(beside, path.join(beside, 'Cargo.toml'), shellQuote)).toBe('')

    const inRust = dir({ 'pyproject.toml': pyproject(), 'rust/Cargo.toml': '' })
    expect(readMaturinProject(inRust).manifestPath).toBe(path.join(inRust, 'rust/Cargo.toml'))
    expect(manifestArgument(inRust, path.join(inRust, 'rust/Cargo.toml'), shellQuote)).toBe(
      ` --manifest-path ${path.join(inRust, 'rust/Cargo.toml')}`
    )

    const set = dir({ 'pyproject.toml': pyproject('manifest-path = "../core/Cargo.toml"\n'), 'Cargo.toml': '' })
    expect(readMaturinProject(set)).toMatchObject({ manifestPath: null, tried: ['../core/Cargo.toml'], manifestSetting: '../core/Cargo.toml' })

    const plain = dir({ 'pyproject.toml': '[build-system]\nbuild-backend = "setuptools.build_meta"\n' })
    expect(readMaturinProject(plain)).toMatchObject({ maturinBackend: false, manifestPath: null, tried: ['Cargo.toml', 'rust/Cargo.toml'] })
    expect(readMaturinProject(dir({}))).toMatchObject({ hasPyproject: false, maturinBackend: false })
  })
})

describe('rust-from-python', () => {
  it('parses show-env --sh output (sh quoting) and passes other lines over', () => {
    const text = [
      "export LLVM_PROFILE_FILE='/w/p/target/p-%p-%2m.profraw'",
      "export __CARGO_LLVM_COV_RUSTC_WRAPPER_RUSTFLAGS='-Cinstrument-coverage--cfg=coverage'",
      'export CARGO_LLVM_COV=1',
      "export ODD='it'\\''s'\"$ \\\"x\\\"\"",
      'info: cargo-llvm-cov currently setting cfg(coverage)'
    ].join('\n')
    expect(parseShowEnv(text)).toEqual({
      LLVM_PROFILE_FILE: '/w/p/target/p-%p-%2m.profraw',
      __CARGO_LLVM_COV_RUSTC_WRAPPER_RUSTFLAGS: '-Cinstrument-coverage--cfg=coverage',
      CARGO_LLVM_COV: '1',
      ODD: `it's$ "x"`
    })
  })

  it("runs cargo-llvm-cov's test commands as plain cargo in show-env's environment", () => {
    expect(plainCargoTestCommand('cargo llvm-cov --no-report --no-default-features')).toBe('cargo test --no-default-features')
    expect(plainCargoTestCommand('uv run cargo llvm-cov nextest --no-report --workspace')).toBe('uv run cargo nextest run --workspace')
    // The README's advice for a rust-command of one's own: the clean stays a clean, the test run becomes cargo test.
    expect(plainCargoTestCommand('cargo llvm-cov clean --workspace && cargo llvm-cov --no-report --no-default-features --features x')).toBe(
      'cargo llvm-cov clean --workspace && cargo test --no-default-features --features x'
    )
    expect(plainCargoTestCommand('cargo llvm-cov clean --workspace && cargo llvm-cov nextest --no-report')).toBe(
      'cargo llvm-cov clean --workspace && cargo nextest run'
    )
    expect(plainCargoTestCommand('make rust-tests')).toBe('make rust-tests')
  })

  it('builds with maturin develop in a virtual environment, else with pip into the Python on PATH', () => {
    expect(defaultBuildCommand({}, '')).toBe('python -m pip install --no-build-isolation -e .')
    expect(defaultBuildCommand({ VIRTUAL_ENV: '/v' }, '')).toBe('maturin develop')
    expect(defaultBuildCommand({}, 'uv run --group dev')).toBe('uv run --group dev maturin develop')
  })

  it('counts the lines run in the full report and not in the Rust tests alone', () => {
    const only = parseLcovBuffer(Buffer.from('SF:/w/a.rs\nDA:1,1\nDA:2,0\nDA:3,0\nLF:3\nLH:1\nend_of_record\n'), 'only')
    const full = parseLcovBuffer(
      Buffer.from('SF:/w/a.rs\nDA:1,2\nDA:2,1\nDA:3,0\nLF:3\nLH:2\nend_of_record\nSF:/w/b.rs\nDA:7,1\nLF:1\nLH:1\nend_of_record\n'),
      'full'
    )
    expect(linesOnlyIn(full, only)).toBe(2)
  })

  it('input: auto by default, true/false, anything else one clear line', () => {
    const read = (values: Record<string, string>) =>
      readInputs((n) => ({ 'python-package': 'p', ...values })[n] ?? '', { GITHUB_WORKSPACE: '/tmp/ws' })
    expect(read({}).rust).toMatchObject({ fromPython: 'auto', extensionBuildCommand: '', customTestCommand: false })
    expect(read({ 'rust-from-python': 'false' }).rust.fromPython).toBe(false)
    expect(read({ 'rust-from-python': 'true', 'rust-extension-build-command': 'maturin develop -r', 'command-prefix': 'uv run' }).rust).toMatchObject(
      {
        fromPython: true,
        extensionBuildCommand: 'uv run maturin develop -r'
      }
    )
    expect(() => read({ 'rust-from-python': 'yes' })).toThrow('Input "rust-from-python" must be auto, true or false, got "yes"')
  })
})
