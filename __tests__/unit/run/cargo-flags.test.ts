// rust-command read as cargo-llvm-cov reads it: report-side flags moved to the
// report commands or refused, and the package selection the report must match.
import { reportFlags, simpleWords } from '../../../src/run/cargo-flags.js'
import { selectionFlags } from '../../../src/run/cargo-scope.js'

describe('simpleWords', () => {
  it('splits one command into words, quotes removed but kept as written', () => {
    expect(simpleWords(`cargo llvm-cov --ignore-filename-regex 'gen(erated)?/' "a b" c\\ d`)).toEqual([
      { text: 'cargo', raw: 'cargo' },
      { text: 'llvm-cov', raw: 'llvm-cov' },
      { text: '--ignore-filename-regex', raw: '--ignore-filename-regex' },
      { text: 'gen(erated)?/', raw: "'gen(erated)?/'" },
      { text: 'a b', raw: '"a b"' },
      { text: 'c d', raw: 'c\\ d' }
    ])
  })

  it('keeps && between plain commands as a word of its own', () => {
    expect(simpleWords("a && b '&&'")?.map((w) => w.raw)).toEqual(['a', '&&', 'b', "'&&'"])
  })

  it.each(['a & b', 'a &&& b', 'a; b', 'a | b', 'a > f', 'echo $(x)', 'echo `x`', 'a\nb', "echo 'open", 'echo "$(x)"'])(
    'is null for %j',
    (command) => {
      expect(simpleWords(command)).toBeNull()
    }
  )
})

describe('reportFlags', () => {
  it('moves the report-side flags of a --no-report run to the report, as written', () => {
    const flags = reportFlags(`cargo llvm-cov --no-report --ignore-filename-regex 'generated\\.rs$' --show-missing-lines --workspace`, false)
    expect(flags).toEqual({
      ok: true,
      testCommand: 'cargo llvm-cov --no-report --workspace',
      reportArgs: ` --ignore-filename-regex 'generated\\.rs$' --show-missing-lines`,
      moved: [`--ignore-filename-regex 'generated\\.rs$'`, '--show-missing-lines']
    })
  })

  it('takes the --flag=value form and leaves the test binaries’ own arguments alone', () => {
    const flags = reportFlags('uv run cargo llvm-cov --no-report --failure-mode=all -- --ignore-filename-regex x', false)
    expect(flags).toMatchObject({
      ok: true,
      testCommand: 'uv run cargo llvm-cov --no-report -- --ignore-filename-regex x',
      moved: ['--failure-mode=all']
    })
  })

  it('finds the cargo llvm-cov run among commands joined by &&', () => {
    const flags = reportFlags(
      "cargo llvm-cov clean --profraw-only && cargo llvm-cov --no-report --ignore-filename-regex 'gen' -- --x && echo done",
      false
    )
    expect(flags).toEqual({
      ok: true,
      testCommand: 'cargo llvm-cov clean --profraw-only && cargo llvm-cov --no-report -- --x && echo done',
      reportArgs: " --ignore-filename-regex 'gen'",
      moved: ["--ignore-filename-regex 'gen'"]
    })
  })

  it('copies them (keeps them) when the command writes a report of its own', () => {
    const command = 'cargo llvm-cov --lcov --output-path own.lcov --ignore-filename-regex gen'
    expect(reportFlags(command, false)).toEqual({
      ok: true,
      testCommand: command,
      reportArgs: ' --ignore-filename-regex gen',
      moved: ['--ignore-filename-regex gen']
    })
  })

  it('refuses format, output and gate flags of a --no-report run, saying why', () => {
    expect(reportFlags('cargo llvm-cov --no-report --lcov', false)).toMatchObject({ ok: false, flag: '--lcov', canMove: false })
    expect(reportFlags('cargo llvm-cov --no-report --fail-under-lines 80', false)).toMatchObject({
      ok: false,
      flag: '--fail-under-lines',
      why: 'the action gates with rust-min-lines'
    })
    expect(reportFlags('cargo llvm-cov --no-report --skip-functions', false)).toMatchObject({ ok: false, flag: '--skip-functions' })
  })

  it('refuses a movable flag when the report command is the user’s own, or the command has shell operators', () => {
    expect(reportFlags('cargo llvm-cov --no-report --ignore-filename-regex gen', true)).toMatchObject({ ok: false, canMove: true })
    expect(reportFlags('cd x; cargo llvm-cov --no-report --ignore-filename-regex gen', false)).toMatchObject({
      ok: false,
      flag: '--ignore-filename-regex',
      canMove: true
    })
  })

  it('leaves other commands and commands without report flags unchanged', () => {
    for (const command of ['./coverage.sh --ignore-filename-regex gen', 'cargo llvm-cov --no-report --workspace', 'make cov && echo done']) {
      expect(reportFlags(command, false)).toEqual({ ok: true, testCommand: command, reportArgs: '', moved: [] })
    }
  })
})

describe('selectionFlags', () => {
  it('reads --workspace, --package (all spellings) and --exclude after cargo llvm-cov', () => {
    expect(selectionFlags('cargo llvm-cov --no-report --workspace --exclude ws_extra')).toEqual({
      workspace: true,
      packages: [],
      exclude: ['ws_extra']
    })
    expect(selectionFlags('uv run --package tool cargo llvm-cov nextest -p a --package b --package=c -pd')).toEqual({
      workspace: false,
      packages: ['a', 'b', 'c', 'd'],
      exclude: []
    })
    expect(selectionFlags('cargo llvm-cov --no-report -- --workspace')).toEqual({ workspace: false, packages: [], exclude: [] })
    expect(selectionFlags('cargo test --workspace')).toBeNull()
    expect(selectionFlags('cargo llvm-cov clean && cargo llvm-cov --no-report -p a && echo -p b')).toEqual({
      workspace: false,
      packages: ['a'],
      exclude: []
    })
  })

  it('finds cargo llvm-cov behind a +toolchain and cargo’s global options', () => {
    expect(selectionFlags('cargo +nightly llvm-cov --no-report --workspace')).toEqual({ workspace: true, packages: [], exclude: [] })
    expect(selectionFlags('cargo --locked -Z unstable-options --config net.offline=true llvm-cov --no-report -p a')).toEqual({
      workspace: false,
      packages: ['a'],
      exclude: []
    })
  })

  it('gives up on a variable, whose value only bash knows', () => {
    expect(selectionFlags('cargo llvm-cov --no-report -p "$CRATE"')).toBeNull()
    expect(selectionFlags("cargo llvm-cov --no-report -p '$literal'")).toEqual({ workspace: false, packages: ['$literal'], exclude: [] })
  })
})

describe('comments and toolchains', () => {
  it('moves the flags of cargo +nightly llvm-cov too', () => {
    expect(reportFlags('cargo +nightly llvm-cov --no-report --branch --ignore-filename-regex tests/', false)).toEqual({
      ok: true,
      testCommand: 'cargo +nightly llvm-cov --no-report --branch',
      reportArgs: ' --ignore-filename-regex tests/',
      moved: ['--ignore-filename-regex tests/']
    })
  })

  it('never moves a flag out of a comment', () => {
    expect(simpleWords('cargo llvm-cov --no-report # --ignore-filename-regex tests')).toBeNull()
    expect(reportFlags('cargo llvm-cov --no-report # --ignore-filename-regex tests', false)).toMatchObject({
      ok: false,
      flag: '--ignore-filename-regex'
    })
    expect(simpleWords('cargo llvm-cov --no-report -p a#b')).not.toBeNull()
  })
})
