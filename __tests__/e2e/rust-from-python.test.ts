// rust-from-python end to end, with real maturin (PyPI), cargo-llvm-cov and
// pytest-cov: the example's src/ngrams.rs is called by no Rust test, only by a
// Python test through mixed_demo._native. The action builds the extension
// instrumented (pip's editable install into the Python on PATH, as on a runner
// with setup-python), runs each suite once and reports Rust over all profiles.
// The expected figures are computed here without cargo-llvm-cov: llvm-profdata
// merges the same profiles, llvm-cov exports lcov from the same objects.
//
// The example is copied to a fixed folder outside the checkout (the extension
// lands in python/mixed_demo/, which would change the other tests' Python
// figures) and installed into a virtual environment of this test, not the
// machine's Python. The copy's target/ is kept between runs (dependencies built
// once); a stale profile planted in it must not count.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { copyExample } from '../../test-support/example-copy.js'
import { summarySchemaErrors } from '../../test-support/summary-schema.js'
import { llvm, runAction } from './support/run-action.js'

const home = path.join(os.tmpdir(), 'rpc-e2e-rust-from-python')
const project = path.join(home, 'project')
const venv = path.join(home, 'venv')

interface Lcov {
  /** LF/LH per source file (relative to the project). */
  declared: Map<string, { lf: number; lh: number }>
  /** Lines with DA count > 0 per file. */
  hit: Map<string, Set<number>>
}

function readLcov(text: string): Lcov {
  const declared = new Map<string, { lf: number; lh: number }>()
  const hit = new Map<string, Set<number>>()
  let file = ''
  for (const line of text.split('\n')) {
    if (line.startsWith('SF:')) {
      file = path.relative(project, line.slice(3))
      if (!declared.has(file)) declared.set(file, { lf: 0, lh: 0 })
      if (!hit.has(file)) hit.set(file, new Set())
    }
    const da = /^DA:(\d+),(\d+)/.exec(line)
    if (da && Number(da[2]) > 0) hit.get(file)?.add(Number(da[1]))
    const lf = /^L([FH]):(\d+)/.exec(line)
    const entry = declared.get(file)
    if (lf && entry) entry[lf[1] === 'F' ? 'lf' : 'lh'] += Number(lf[2])
  }
  return { declared, hit }
}

const sums = (lcov: Lcov, only?: (file: string) => boolean): { lf: number; lh: number } =>
  [...lcov.declared].filter(([f]) => !only || only(f)).reduce((s, [, v]) => ({ lf: s.lf + v.lf, lh: s.lh + v.lh }), { lf: 0, lh: 0 })

/** The objects the profiles belong to: the extension the Python tests loaded, and the crate's Rust test executables. */
function objects(): string[] {
  const deps = path.join(project, 'target/debug/deps')
  const installed = path.join(project, 'python/mixed_demo')
  const tests = fs
    .readdirSync(deps)
    .filter((name) => /^(mixed_demo|integration)-[0-9a-f]+$/.test(name))
    .map((name) => path.join(deps, name))
  const extension = fs.readdirSync(installed).filter((name) => /^_native\..*so$/.test(name))
  expect(tests).toHaveLength(2)
  expect(extension).toHaveLength(1)
  return [path.join(installed, extension[0] as string), ...tests]
}

// parallel-suites on: the extension built first, then the Rust tests beside the Python tests; off: one after the
// other, the Rust tests first. Both orders give the same figures, each equal to what the tools give for those profiles.
it.each(['true', 'false'])(
  'measures the Rust code only the Python tests reach, and reports the Rust tests alone beside it (parallel-suites: %s)',
  (parallel) => {
    copyExample(project)
    if (!fs.existsSync(path.join(venv, 'bin/python'))) execFileSync('python3', ['-m', 'venv', '--system-site-packages', venv])
    // A profile of an earlier run, left in the target folder: the clean step must remove it before anything counts.
    const stale = path.join(project, 'target/project-99999-1_0.profraw')
    fs.mkdirSync(path.dirname(stale), { recursive: true })
    fs.writeFileSync(stale, 'not a profile of this run')

    const run = runAction(
      {
        'working-directory': '.',
        'rust-from-python': 'auto',
        'python-package': 'mixed_demo',
        'python-tests': 'tests/python',
        'parallel-suites': parallel
      },
      // The venv's python first on PATH, no VIRTUAL_ENV: setup-python's situation, so the default build command is pip's.
      { GITHUB_WORKSPACE: project, PATH: `${path.join(venv, 'bin')}:${process.env['PATH']}`, CARGO_TERM_COLOR: 'never' }
    )
    expect(run.stdout).not.toMatch(/::(warning|error)/)
    expect(run.status).toBe(0)
    expect(run.log).toContain('rust-from-python (auto): on, pyproject.toml builds with maturin')
    expect(run.log).toContain('Rust: python -m pip install --no-build-isolation -e .')
    expect(run.log).toContain('Rust: cargo test --no-default-features')
    expect(fs.existsSync(stale)).toBe(false)
    // The clean ran beside show-env, told the folders show-env then named: it did not have to run again.
    expect(run.log).toContain('::group::Rust: cargo llvm-cov clean --workspace')
    expect(run.log).not.toContain('the clean runs again')
    expect(fs.readdirSync(project).filter((f) => f.endsWith('.profraw'))).toEqual([])
    const built = run.log.indexOf('::group::Rust: python -m pip install')
    const tested = run.log.indexOf('::group::Rust: cargo test --no-default-features')
    // On: built first, the Python tests after the Rust tests began (their log after the Rust tests'), their profiles kept
    // apart until the Rust tests' own report, then joined to the others. Off: the Rust tests first, nothing kept apart.
    const pythonLogged = run.log.indexOf('::group::Python: python -m pytest')
    expect(parallel === 'true' ? built < tested && tested < pythonLogged : tested < built).toBe(true)
    expect(fs.existsSync(path.join(project, 'target/python-tests-profiles'))).toBe(false)
    const joined = fs.readdirSync(path.join(project, 'target')).filter((f) => /^python-.*\.profraw$/.test(f))
    expect(joined.length > 0).toBe(parallel === 'true')
    // Installed into this test's venv (pip's editable install puts the extension beside the Python sources).
    expect(fs.readdirSync(path.join(project, 'python/mixed_demo')).some((f) => f.startsWith('_native'))).toBe(true)

    // The expected union, without cargo-llvm-cov: merge every profile, export lcov for the same objects.
    const target = path.join(project, 'target')
    const profiles = fs.readdirSync(target).filter((f) => f.endsWith('.profraw'))
    expect(profiles.length).toBeGreaterThanOrEqual(3) // two Rust test binaries and the pytest process
    // The HTML and Cobertura reports ran side by side with the raw profiles set aside: all are back, nothing else left.
    expect(run.log.includes('The other Rust reports run side by side')).toBe(true)
    expect(fs.readdirSync(target).filter((f) => f.includes('aside'))).toEqual([])
    const merged = path.join(home, 'merged.profdata')
    execFileSync(llvm.LLVM_PROFDATA, ['merge', '-sparse', '-o', merged, ...profiles.map((f) => path.join(target, f))])
    const objs = objects()
    const exported = execFileSync(
      llvm.LLVM_COV,
      ['export', '-format=lcov', `-instr-profile=${merged}`, objs[0] as string, ...objs.slice(1).flatMap((o) => ['-object', o])],
      { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }
    )
    const inProject = (file: string): boolean => file.startsWith('src/')
    const union = readLcov(exported)
    const expected = sums(union, inProject)
    const rust = Number(run.outputs['rust-line-coverage'])
    expect(rust).toBe((expected.lh * 100) / expected.lf)
    expect(run.outputs['rust-line-coverage']).toBe(String((expected.lh * 100) / expected.lf))

    // The Rust tests alone: their report's figure is the output; for the files that existed before ngrams.rs it is
    // exactly what a plain cargo llvm-cov run gives (the fixtures); ngrams.rs is never run by them.
    const onlyText = fs.readFileSync(path.join(project, 'target/coverage/rust-tests-only.lcov'), 'utf8')
    const only = readLcov(onlyText)
    const alone = sums(only)
    expect(run.outputs['rust-tests-only-line-coverage']).toBe(String((alone.lh * 100) / alone.lf))
    const fixture = readLcov(fs.readFileSync('__fixtures__/real/rust.lcov', 'utf8').replaceAll('/work/main/examples/mixed-project', project))
    for (const file of ['src/lib.rs', 'src/stats.rs', 'src/text.rs']) expect(only.declared.get(file)).toEqual(fixture.declared.get(file))
    expect(only.declared.get('src/ngrams.rs')).toEqual({ lf: expect.any(Number), lh: 0 })
    expect(union.declared.get('src/ngrams.rs')?.lh).toBeGreaterThan(0)
    expect(rust).toBeGreaterThan(Number(run.outputs['rust-tests-only-line-coverage']))

    // Lines only the Python tests reach: hit in the union, not by the Rust tests.
    let onlyPython = 0
    for (const [file, lines] of union.hit) if (inProject(file)) for (const l of lines) if (!only.hit.get(file)?.has(l)) onlyPython++
    expect(run.outputs['rust-lines-only-python']).toBe(String(onlyPython))
    expect(onlyPython).toBeGreaterThan(0)

    // Python: coverage.py's own figure for the same single run (with the extension: the native branches run too).
    const json = path.join(home, 'python.json')
    execFileSync('python3', ['-m', 'coverage', 'json', '-q', '-o', json], { cwd: project })
    expect(Number(run.outputs['python-line-coverage'])).toBeCloseTo(JSON.parse(fs.readFileSync(json, 'utf8')).totals.percent_covered, 10)

    // Summary and coverage-summary.json carry both Rust figures.
    const aloneText = `${((alone.lh * 100) / alone.lf).toFixed(2)}% (${alone.lh}/${alone.lf})`
    expect(run.summary).toContain(
      `**Rust from the Python tests too**: the Rust tests alone run ${aloneText}; ${onlyPython} line(s) only the Python tests reach`
    )
    const summary = JSON.parse(fs.readFileSync(path.join(project, 'target/coverage/coverage-summary.json'), 'utf8'))
    expect(summarySchemaErrors(summary)).toEqual([])
    expect(summary.suites.rust.rustFromPython).toMatchObject({
      rustTestsOnly: { covered: alone.lh, total: alone.lf },
      linesOnlyPython: onlyPython,
      rustTestsLcov: 'target/coverage/rust-tests-only.lcov',
      buildCommand: 'python -m pip install --no-build-isolation -e .'
    })
    expect(summary.suites.rust.headline).toMatchObject({ covered: expected.lh, total: expected.lf })
    console.log(
      `rust-from-python: Rust ${rust.toFixed(2)}% (${expected.lh}/${expected.lf}) vs Rust tests alone ${aloneText}; ${onlyPython} lines only Python; ` +
        `instrumented build ${summary.suites.rust.rustFromPython.buildSeconds} s; Rust part ${run.outputs['rust-duration-seconds']} s, Python ${run.outputs['python-duration-seconds']} s`
    )
  }
)

it('a crate that is not where maturin looks is one clear finding, and Python still runs', () => {
  copyExample(project)
  fs.writeFileSync(
    path.join(project, 'pyproject.toml'),
    fs
      .readFileSync(path.join(project, 'pyproject.toml'), 'utf8')
      .replace('[tool.maturin]\n', '[tool.maturin]\nmanifest-path = "crates/core/Cargo.toml"\n')
  )
  const run = runAction(
    {
      'working-directory': '.',
      'rust-from-python': 'auto',
      'python-package': 'mixed_demo',
      'python-tests': 'tests/python',
      'summary-json': 'target/coverage-missing/coverage-summary.json',
      'rust-lcov': 'target/coverage-missing/rust.lcov',
      'rust-html-dir': 'target/coverage-missing/html',
      'python-xml': 'target/coverage-missing/python.xml'
    },
    { GITHUB_WORKSPACE: project, PATH: `${path.join(venv, 'bin')}:${process.env['PATH']}` }
  )
  expect(run.status).toBe(0)
  const findings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::') && !l.includes('was not written'))
  expect(findings).toEqual([
    `::warning::No Cargo.toml for the Rust suite in ".": looked for crates/core/Cargo.toml ([tool.maturin] manifest-path in pyproject.toml). Set working-directory to the project's folder, or [tool.maturin] manifest-path. (would fail the step with non-blocking: false)`
  ])
  expect(run.stdout).not.toMatch(/exit code 101/)
  expect(run.outputs['python-line-coverage']).not.toBe('')
})
