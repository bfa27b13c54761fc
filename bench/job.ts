// npm run bench:job [-- --rounds N]
// The coverage entry's wall time against the same tests run without coverage,
// on examples/mixed-project (the issue's target: coverage entry <= 1.15x the
// plain run, plus one instrumented build when Rust is measured from the Python
// tests). The variants, each in its own copy of the example with its own
// target/ (a CI job with its own cache), all on one Python virtual environment:
//   plain      cargo test --no-default-features --no-fail-fast, then python -m pytest tests/python
//   coverage   dist/index.js as the runner starts it (INPUT_*, GITHUB_*), upload off, rust-from-python false
//   from-py    the same with rust-from-python true (the extension built instrumented and installed)
//   by-hand    the same tools without the action, as a workflow's steps run them one after the other: cargo
//              llvm-cov's one run (lcov), its HTML and Cobertura reports, pytest --cov (XML and terminal table):
//              what using these tools costs at all, against which the action's own part shows
//   side-by-side  the same tools as by-hand without the action, side by side as the quickest shell script would
//              run them: pytest --cov beside cargo-llvm-cov's one run, then the HTML and Cobertura reports beside each
//              other with the raw profiles set aside (cargo-llvm-cov >= 0.6.9 then reads the merged ones as they
//              are): the least these tools cost in one job, with no node and no action at all
//   by-hand-from-py  cargo-llvm-cov's show-env recipe as workflows write it by hand, one step after the other:
//              show-env, clean, the Rust tests, the extension built and installed (pip, maturin's dev profile),
//              pytest --cov, then the lcov, HTML and Cobertura reports over all profiles
// Caches are warmed first (one run of each); before every timed run the
// crate's and the package's sources are touched, as a push changes them: the
// dependencies stay built, the project's own code compiles again, whole
// (CARGO_INCREMENTAL=0, as dtolnay/rust-toolchain sets it on runners). Rounds are
// interleaved in shuffled order; ratios are taken within a round, then the
// median. The instrumented build's cost is the one the action measures itself
// (coverage-summary.json: suites.rust.rustFromPython.buildSeconds).
// Prints a Markdown section and puts it into bench/RESULTS.md (replacing an
// earlier section of the same date).
import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseOutputFile } from '../src/inputs/output-file.js'
import { copyExample } from '../test-support/example-copy.js'
import { parseShowEnv } from '../src/run/instrumented-extension.js'

const args = process.argv.slice(2)
const option = (name: string, fallback: number): number => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : fallback)
const rounds = option('--rounds', 3)
// --rust-work N / --python-work N: that suite of the copies gets one more test that calls the project's own code a
// fixed number of times (N x 6k rounds in Rust, N x 8k in Python: about N seconds each without coverage here), for
// suites that take seconds rather than a fraction of one: what the coverage entry adds that does not grow with the
// tests is then a smaller part, and what does grow (instrumented Rust, coverage.py's tracer) shows.
const rustWork = option('--rust-work', 0)
const pythonWork = option('--python-work', 0)
const workNote = [rustWork > 0 ? `--rust-work ${rustWork}` : '', pythonWork > 0 ? `--python-work ${pythonWork}` : ''].filter(Boolean).join(' ')
const repo = path.resolve('.')
const entry = path.join(repo, 'dist/index.js')
const home = path.join(os.tmpdir(), 'rpc-bench-job')
const venv = path.join(home, 'venv')
const llvm = {
  LLVM_COV: process.env['LLVM_COV'] || '/usr/lib/llvm-22/bin/llvm-cov',
  LLVM_PROFDATA: process.env['LLVM_PROFDATA'] || '/usr/lib/llvm-22/bin/llvm-profdata'
}
if (!fs.existsSync(entry)) throw new Error('dist/index.js is missing: npm run build first')

type Variant = 'plain' | 'by-hand' | 'side-by-side' | 'coverage' | 'by-hand-from-py' | 'from-py'
const VARIANTS: Variant[] = ['plain', 'by-hand', 'side-by-side', 'coverage', 'by-hand-from-py', 'from-py']
/** The variants whose time is told apart by part (the side-by-side script's parts overlap: its total only). */
const PARTED: Variant[] = VARIANTS.filter((v) => v !== 'side-by-side')

interface Sample {
  seconds: number
  /** from-py: the instrumented build, as the action measured it. */
  buildSeconds?: number
  /** Where the time went: each command group's seconds (coverage-summary.json), the rest the action's own. */
  parts: Record<Part, number>
}
type Part = 'Rust tests' | 'show-env + clean' | 'instrumented build' | 'Rust reports' | 'Python tests' | 'the rest (node, action, tool versions)'
const PARTS: Part[] = [
  'Rust tests',
  'show-env + clean',
  'instrumented build',
  'Rust reports',
  'Python tests',
  'the rest (node, action, tool versions)'
]
const noParts = (): Record<Part, number> => Object.fromEntries(PARTS.map((p) => [p, 0])) as Record<Part, number>

interface CommandSummary {
  command: string
  seconds?: number
}

/**
 * The commands' seconds of one coverage-summary.json, by part; the rest of the wall time (past the commands on the
 * way: the Rust tests and the Python tests overlap) is the action's own.
 */
function partsOf(
  summary: { suites: Record<string, { commands?: CommandSummary[] }> },
  buildCommand: string | undefined,
  wall: number
): Record<Part, number> {
  const parts = noParts()
  // Run side by side, so counted once: show-env and the clean beside it, the HTML and Cobertura reports.
  const besides: Record<'show-env + clean' | 'Rust reports', number[]> = { 'show-env + clean': [], 'Rust reports': [] }
  for (const [suite, result] of Object.entries(summary.suites)) {
    for (const c of result.commands ?? []) {
      const beside = /llvm-cov (show-env|clean)\b/.test(c.command)
        ? 'show-env + clean'
        : / --(html|cobertura)\b/.test(c.command)
          ? 'Rust reports'
          : null
      if (beside && besides[beside].length < 2) {
        besides[beside].push(c.seconds ?? 0)
        continue
      }
      const part: Part =
        suite === 'python'
          ? 'Python tests'
          : c.command === buildCommand
            ? 'instrumented build'
            : /llvm-cov (show-env|clean)\b/.test(c.command)
              ? 'show-env + clean'
              : /llvm-cov report\b/.test(c.command)
                ? 'Rust reports'
                : 'Rust tests'
      parts[part] += c.seconds ?? 0
    }
  }
  for (const [part, seconds] of Object.entries(besides)) parts[part as Part] += Math.max(0, ...seconds)
  // The Rust tests and the Python tests run side by side (parallel-suites): the longer of the two is on the way.
  const onTheWay =
    parts['show-env + clean'] + parts['instrumented build'] + parts['Rust reports'] + Math.max(parts['Rust tests'], parts['Python tests'])
  parts['the rest (node, action, tool versions)'] = wall - onTheWay
  return parts
}

/** A copy of the example with its own target/ (kept between invocations: the dependencies stay built). */
function copyOf(variant: Variant): string {
  const project = copyExample(path.join(home, variant))
  addWork(project)
  return project
}

/** The work tests: real calls into the measured code, a fixed number of times (never a fixed duration). */
function addWork(project: string): void {
  // About a second of the suite per unit on this machine (plain, unoptimized test builds).
  const rustTimes = rustWork * 6_000
  const pythonTimes = pythonWork * 8_000
  if (rustTimes > 0)
    fs.writeFileSync(
      path.join(project, 'tests/bench_work.rs'),
      `use mixed_demo::{stats, text};

#[test]
fn repeated_work() {
    let sample: Vec<f64> = (0..200).map(|i| f64::from(i % 97)).collect();
    let words = "the quick brown fox jumps over the lazy dog and the end ".repeat(8);
    let mut total = 0.0;
    for _ in 0..${rustTimes} {
        total += stats::summarize(&sample).expect("non-empty").mean;
        total += text::top_words(&words, 3).len() as f64;
    }
    assert!(total > 0.0);
}
`
    )
  if (pythonTimes > 0)
    fs.writeFileSync(
      path.join(project, 'tests/python/test_bench_work.py'),
      `from mixed_demo import stats, textstats


def test_repeated_work():
    sample = [float(i % 97) for i in range(200)]
    words = "the quick brown fox jumps over the lazy dog and the end " * 8
    total = 0.0
    for _ in range(${pythonTimes}):
        total += stats.mean(sample) + stats.std_dev(sample)
        total += len(textstats.top_words(words, 3))
    assert total > 0
`
    )
}

// The environment of every variant: the venv's python first on PATH (setup-python's situation, no VIRTUAL_ENV),
// so the from-py build installs into the venv and never into the machine's Python.
if (!fs.existsSync(path.join(venv, 'bin/python'))) {
  const made = spawnSync('python3', ['-m', 'venv', '--system-site-packages', venv], { stdio: 'inherit' })
  if (made.status !== 0) throw new Error('could not create the virtual environment')
}
const baseEnv: NodeJS.ProcessEnv = {
  PATH: `${path.join(venv, 'bin')}:${process.env['PATH']}`,
  HOME: process.env['HOME'],
  CARGO_TERM_COLOR: 'never',
  // As on a GitHub runner after dtolnay/rust-toolchain (it sets CARGO_INCREMENTAL=0): a changed crate compiles whole.
  CARGO_INCREMENTAL: '0',
  ...llvm
}

function run(command: string, argv: string[], cwd: string, env: NodeJS.ProcessEnv): void {
  const child = spawnSync(command, argv, { cwd, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 })
  if (child.status !== 0) throw new Error(`${command} ${argv.join(' ')} failed in ${cwd} (${child.status}):\n${child.stdout}\n${child.stderr}`)
}

/** A push's worth of change: the crate's and the package's sources newer than any build of them. */
function touchSources(project: string): void {
  const now = new Date()
  for (const dir of ['src', 'python/mixed_demo']) {
    for (const name of fs.readdirSync(path.join(project, dir))) fs.utimesSync(path.join(project, dir, name), now, now)
  }
  // The extension a from-py run installed stays out of the others' Python tests (none of them builds it).
  for (const name of fs.readdirSync(path.join(project, 'python/mixed_demo'))) {
    if (/^_native.*\.(so|pyd)$/.test(name)) fs.rmSync(path.join(project, 'python/mixed_demo', name))
  }
}

function runAction(project: string, fromPython: boolean): Sample {
  const tmp = fs.mkdtempSync(path.join(home, 'step-'))
  const outputFile = path.join(tmp, 'output')
  const summaryFile = path.join(tmp, 'summary')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    ...baseEnv,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: project,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    RUNNER_TEMP: tmp,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_RUN_ID: '1',
    'INPUT_PYTHON-PACKAGE': 'mixed_demo',
    'INPUT_PYTHON-TESTS': 'tests/python',
    'INPUT_RUST-FROM-PYTHON': String(fromPython),
    INPUT_UPLOAD: 'false',
    INPUT_BASELINE: 'false',
    'INPUT_PATCH-COVERAGE': 'false'
  }
  const started = performance.now()
  run(process.execPath, [entry], project, env)
  const seconds = (performance.now() - started) / 1000
  const status = parseOutputFile(fs.readFileSync(outputFile, 'utf8')).get('status')
  if (status !== 'passed') throw new Error(`the coverage entry's status in ${project} is ${status}, not passed`)
  const summary = JSON.parse(fs.readFileSync(path.join(project, 'target/coverage/coverage-summary.json'), 'utf8'))
  fs.rmSync(tmp, { recursive: true, force: true })
  const build = summary.suites?.rust?.rustFromPython?.buildSeconds
  if (fromPython && typeof build !== 'number') throw new Error('rust-from-python did not run (no buildSeconds in coverage-summary.json)')
  const parts = partsOf(summary, summary.suites?.rust?.rustFromPython?.buildCommand, seconds)
  return { seconds, parts, ...(fromPython ? { buildSeconds: build as number } : {}) }
}

function measure(variant: Variant, project: string): Sample {
  touchSources(project)
  if (variant === 'coverage' || variant === 'from-py') return runAction(project, variant === 'from-py')
  const parts = noParts()
  const started = performance.now()
  if (variant === 'by-hand') {
    const out = path.join(project, 'target/coverage')
    fs.mkdirSync(out, { recursive: true })
    run('cargo', byHand.llvmCovRun(out), project, baseEnv)
    parts['Rust tests'] = (performance.now() - started) / 1000
    reportsByHand(project, out, baseEnv, ['html', 'cobertura'])
    parts['Rust reports'] = (performance.now() - started) / 1000 - parts['Rust tests']
    pytestCovByHand(project, out, baseEnv)
    const seconds = (performance.now() - started) / 1000
    parts['Python tests'] = seconds - parts['Rust tests'] - parts['Rust reports']
    return { seconds, parts }
  }
  if (variant === 'side-by-side') {
    sideBySideByHand(project)
    return { seconds: (performance.now() - started) / 1000, parts }
  }
  if (variant === 'by-hand-from-py') return showEnvRecipe(project)
  run('cargo', ['test', '--no-default-features', '--no-fail-fast'], project, baseEnv)
  parts['Rust tests'] = (performance.now() - started) / 1000
  run('python', ['-m', 'pytest', '-q', 'tests/python'], project, baseEnv)
  const seconds = (performance.now() - started) / 1000
  parts['Python tests'] = seconds - parts['Rust tests']
  return { seconds, parts }
}

/** The same tools' commands as they run by hand (argv after the program), each written once for every variant. */
const byHand = {
  llvmCovRun: (out: string): string[] => [
    'llvm-cov',
    '--no-default-features',
    '--no-fail-fast',
    '--lcov',
    '--output-path',
    path.join(out, 'rust.lcov')
  ],
  report: (format: 'lcov' | 'html' | 'cobertura', out: string): string[] => [
    'llvm-cov',
    'report',
    `--${format}`,
    ...{
      lcov: ['--output-path', path.join(out, 'rust.lcov')],
      html: ['--output-dir', out],
      cobertura: ['--output-path', path.join(out, 'rust.cobertura.xml')]
    }[format]
  ],
  pytestCov: (out: string): string[] => [
    '-m',
    'pytest',
    '-q',
    '--cov=mixed_demo',
    '--cov-report=term',
    `--cov-report=xml:${path.join(out, 'python.xml')}`,
    'tests/python'
  ]
}

/** cargo-llvm-cov's reports by hand, one after the other, into `out` (as the action names them). */
function reportsByHand(project: string, out: string, env: NodeJS.ProcessEnv, formats: Array<'lcov' | 'html' | 'cobertura'>): void {
  for (const format of formats) run('cargo', byHand.report(format, out), project, env)
}

/** The same tools side by side, as the quickest shell script runs them (the `side-by-side` variant). */
function sideBySideByHand(project: string): void {
  const out = path.join(project, 'target/coverage')
  const profiles = path.join(project, 'target/llvm-cov-target')
  const aside = path.join(profiles, 'aside-by-hand')
  fs.mkdirSync(out, { recursive: true })
  const q = (s: string): string => `'${s}'`
  const command = (program: string, argv: string[]): string => [program, ...argv].map(q).join(' ')
  const script = [
    'set -e',
    // A failing step still waits for the other commands and puts the raw profiles back (the next round starts clean).
    `trap "wait; if [ -d ${q(aside)} ]; then mv ${q(aside)}/*.profraw ${q(profiles)}/ 2>/dev/null || true; rmdir ${q(aside)} || true; fi" EXIT`,
    `${command('python', byHand.pytestCov(out))} > /dev/null & py=$!`,
    command('cargo', byHand.llvmCovRun(out)),
    `mkdir -p ${q(aside)} && mv ${q(profiles)}/*.profraw ${q(aside)}/`,
    `${command('cargo', byHand.report('html', out))} & html=$!`,
    command('cargo', byHand.report('cobertura', out)),
    'wait $html',
    'wait $py'
  ].join('\n')
  run('bash', ['--noprofile', '--norc', '-c', script], project, baseEnv)
}

/** pytest under coverage by hand: the terminal table and the XML report in `out`. */
function pytestCovByHand(project: string, out: string, env: NodeJS.ProcessEnv): void {
  run('python', byHand.pytestCov(out), project, env)
}

/** cargo-llvm-cov's show-env recipe, by hand: each step timed as its part. */
function showEnvRecipe(project: string): Sample {
  const parts = noParts()
  const out = path.join(project, 'target/coverage')
  fs.mkdirSync(out, { recursive: true })
  let at = performance.now()
  const started = at
  const timed = (part: Part, step: () => void): void => {
    step()
    const now = performance.now()
    parts[part] += (now - at) / 1000
    at = now
  }
  let env: NodeJS.ProcessEnv = baseEnv
  timed('show-env + clean', () => {
    const shown = spawnSync('cargo', ['llvm-cov', 'show-env', '--sh'], { cwd: project, env: baseEnv, encoding: 'utf8' })
    if (shown.status !== 0) throw new Error(`cargo llvm-cov show-env failed: ${shown.stderr}`)
    env = { ...baseEnv, ...parseShowEnv(shown.stdout), MATURIN_PEP517_ARGS: '--profile dev' }
    run('cargo', ['llvm-cov', 'clean', '--workspace'], project, env)
  })
  timed('Rust tests', () => run('cargo', ['test', '--no-default-features', '--no-fail-fast'], project, env))
  const building = performance.now()
  timed('instrumented build', () => run('python', ['-m', 'pip', 'install', '-q', '--no-build-isolation', '-e', '.'], project, env))
  const buildSeconds = (performance.now() - building) / 1000
  timed('Python tests', () => pytestCovByHand(project, out, env))
  timed('Rust reports', () => reportsByHand(project, out, env, ['lcov', 'html', 'cobertura']))
  return { seconds: (performance.now() - started) / 1000, parts, buildSeconds }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const shuffle = <T>(xs: T[]): T[] =>
  xs
    .map((x) => [Math.random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map((p) => p[1])
const load = (): string =>
  os
    .loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')

const projects = new Map(VARIANTS.map((v) => [v, copyOf(v)]))
console.error(`warming the build caches (one run of each; load ${load()})`)
for (const variant of VARIANTS) measure(variant, projects.get(variant) as string)

const samples = new Map<Variant, Sample[]>(VARIANTS.map((v) => [v, []]))
const loads: string[] = []
for (let round = 0; round < rounds; round++) {
  for (const variant of shuffle(VARIANTS)) {
    loads.push(load())
    const sample = measure(variant, projects.get(variant) as string)
    samples.get(variant)?.push(sample)
    console.error(
      `round ${round + 1}: ${variant} ${sample.seconds.toFixed(1)} s${sample.buildSeconds !== undefined ? ` (build ${sample.buildSeconds} s)` : ''}`
    )
  }
}

const per = (v: Variant): Sample[] => samples.get(v) as Sample[]
const ratio = (v: Variant, to: Variant = 'plain'): number => median(per(v).map((s, i) => s.seconds / (per(to)[i] as Sample).seconds))
const build = median(per('from-py').map((s) => s.buildSeconds as number))
// from-py against its allowance: 1.15x the plain run of the same round plus that round's instrumented build.
const allowance = median(per('from-py').map((s, i) => s.seconds / (1.15 * (per('plain')[i] as Sample).seconds + (s.buildSeconds as number))))
const withoutBuild = median(per('from-py').map((s, i) => (s.seconds - (s.buildSeconds as number)) / (per('plain')[i] as Sample).seconds))
const verdict = (value: number, max: number): string => (value <= max ? 'PASS' : 'over')
const extra = (v: Variant): number => median(per(v).map((s, i) => s.seconds - (per('plain')[i] as Sample).seconds))
const partRow = (part: Part): string => `| ${part} | ${PARTED.map((v) => median(per(v).map((s) => s.parts[part])).toFixed(1)).join(' | ')} |`
const rows = [
  `| plain: \`cargo test\` + \`pytest\` | ${median(per('plain').map((s) => s.seconds)).toFixed(1)} | 1.00x | |`,
  `| the same tools by hand: \`cargo llvm-cov --lcov\`, \`report --html\`, \`report --cobertura\`, \`pytest --cov\` | ${median(per('by-hand').map((s) => s.seconds)).toFixed(1)} | ${ratio('by-hand').toFixed(2)}x (+${extra('by-hand').toFixed(1)} s) | |`,
  `| the same tools side by side, by hand (no node, no action): \`pytest --cov\` beside \`cargo llvm-cov --lcov\`, then its HTML and Cobertura reports beside each other | ${median(per('side-by-side').map((s) => s.seconds)).toFixed(1)} | ${ratio('side-by-side').toFixed(2)}x (+${extra('side-by-side').toFixed(1)} s) | |`,
  `| coverage entry, rust-from-python off | ${median(per('coverage').map((s) => s.seconds)).toFixed(1)} | ${ratio('coverage').toFixed(2)}x (+${extra('coverage').toFixed(1)} s) | ≤ 1.15x: ${verdict(ratio('coverage'), 1.15)} |`,
  `| cargo-llvm-cov's show-env recipe by hand: show-env, clean, \`cargo test\`, \`pip install -e .\`, \`pytest --cov\`, the three reports | ${median(per('by-hand-from-py').map((s) => s.seconds)).toFixed(1)} | ${ratio('by-hand-from-py').toFixed(2)}x (+${extra('by-hand-from-py').toFixed(1)} s) | |`,
  `| coverage entry, rust-from-python on | ${median(per('from-py').map((s) => s.seconds)).toFixed(1)} | ${ratio('from-py').toFixed(2)}x (+${extra('from-py').toFixed(1)} s; ${withoutBuild.toFixed(2)}x without the build) | ≤ 1.15x plain + build: ${allowance.toFixed(2)} of the allowance, ${verdict(allowance, 1)} |`
]
const section = [
  `## Job: coverage entry against the plain tests (\`npm run bench:job${workNote ? ` -- ${workNote}` : ''}\`), ${new Date().toISOString().slice(0, 10)}`,
  '',
  `examples/mixed-project${workNote ? ` with more test work (${workNote}: ${[rustWork > 0 ? `a Rust test making ${rustWork * 6}k rounds of calls into the crate` : '', pythonWork > 0 ? `a Python test making ${pythonWork * 8}k into the package` : ''].filter(Boolean).join(', ')})` : ''}, ${os.cpus().length} cores, Node ${process.version}, ${rounds} interleaved rounds, median wall seconds; caches warm (dependencies built), the project's sources touched before each run so its own code compiles as after a push (CARGO_INCREMENTAL=0, as dtolnay/rust-toolchain sets it on runners). Load average at the runs' starts: ${loads.join('; ')}.`,
  '',
  '| run | wall s | ratio to plain (same round) | target |',
  '| --- | ---: | ---: | --- |',
  ...rows,
  '',
  `The coverage entry against the same tools run by hand, same round: ${ratio('coverage', 'by-hand').toFixed(2)}x with rust-from-python off (${ratio('coverage', 'side-by-side').toFixed(2)}x the side-by-side script), ${ratio('from-py', 'by-hand-from-py').toFixed(2)}x with it on (the recipe's own build, median: ${median(per('by-hand-from-py').map((s) => s.buildSeconds as number)).toFixed(1)} s). The one instrumented build (the action's own measure, median): ${build.toFixed(1)} s.`,
  '',
  "Where the time goes (median seconds per part; the commands' own times from coverage-summary.json; the Rust tests and the Python tests run side by side, so the rest is the wall time past the longer of them and the other commands):",
  '',
  `| part | ${PARTED.join(' | ')} |`,
  `| --- | ${PARTED.map(() => '---:').join(' | ')} |`,
  ...PARTS.map(partRow),
  ''
].join('\n')
console.log(section)

const results = path.join(repo, 'bench/RESULTS.md')
const before = fs.existsSync(results) ? fs.readFileSync(results, 'utf8') : '# Benchmark results\n'
const heading = section.slice(0, section.indexOf('\n'))
const at = before.indexOf(heading)
const next = at === -1 ? -1 : before.indexOf('\n## ', at + heading.length)
const after = at === -1 ? `${before.trimEnd()}\n\n${section}` : `${before.slice(0, at)}${section}${next === -1 ? '' : before.slice(next)}`
fs.writeFileSync(results, after.endsWith('\n') ? after : `${after}\n`)
