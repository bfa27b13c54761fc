// The suites' commands under hostile conditions, through the bundled action:
// shell syntax in python-tests, a failure followed by other commands, a child
// that leaves the process group, cancellation (SIGINT then SIGTERM), two runs
// in one folder, and 600 MB of output.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { example, runAction } from './support/run-action.js'
import { killIfRunning, running, stopsRunning, waitForFile } from './support/processes.js'
import { startAction } from './support/start-action.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-e2e-safety-'))
const annotations = (stdout: string): string[] => stdout.split('\n').filter((l) => /^::(warning|error)/.test(l))
const quiet = { 'patch-coverage': 'false', baseline: 'false', upload: 'false' }
const lcov = (covered: number, total: number): string => {
  const file = path.join(tmp, `rust-${covered}-of-${total}.lcov`)
  const lines = Array.from({ length: total }, (_, i) => `DA:${i + 1},${i < covered ? 1 : 0}`)
  fs.writeFileSync(file, ['SF:src/lib.rs', ...lines, `LF:${total}`, `LH:${covered}`, 'end_of_record', ''].join('\n'))
  return file
}
/** A Rust suite whose command writes `report` into `dir`, then runs `then`. */
const rustStandIn = (dir: string, report: string, then = 'true') => ({
  'working-directory': 'examples/mixed-project',
  'python-enabled': 'false',
  'rust-command': `mkdir -p ${dir}/html && echo '<html></html>' > ${dir}/html/index.html && cp ${report} ${dir}/rust.lcov && ${then}`,
  'rust-report-command': 'true',
  'rust-cobertura': 'false',
  'rust-lcov': `${dir}/rust.lcov`,
  'rust-html-dir': `${dir}/html`,
  'summary-json': `${dir}/coverage-summary.json`,
  ...quiet
})

it('shell syntax in python-tests reaches pytest as arguments and is never run', () => {
  const marker = path.join(tmp, 'injected')
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    'python-package': 'mixed_demo',
    'python-tests': `tests/python; touch ${marker}`,
    'python-xml': 'target/e2e-safety-inject/python.xml',
    'summary-json': 'target/e2e-safety-inject/coverage-summary.json',
    ...quiet
  })
  expect(fs.existsSync(marker)).toBe(false)
  // pytest itself says the path "tests/python;" does not exist.
  expect(run.stdout).toContain('tests/python;')
  expect(annotations(run.stdout)).toContainEqual(
    expect.stringContaining(
      "Python coverage command failed with exit code 4: python -m pytest --cov=mixed_demo --cov-report=term --cov-report=xml:target/e2e-safety-inject/python.xml 'tests/python;' touch"
    )
  )
})

it('a failing command fails its suite even when other commands follow it (bash -e -o pipefail)', () => {
  const dir = 'target/e2e-safety-errexit'
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    'python-command': `false | cat; mkdir -p ${dir} && echo '<coverage/>' > ${dir}/python.xml; echo after-the-failure`,
    'python-xml': `${dir}/python.xml`,
    'summary-json': `${dir}/coverage-summary.json`,
    ...quiet
  })
  expect(run.stdout.split('\n')).not.toContain('after-the-failure')
  expect(annotations(run.stdout)).toContainEqual(expect.stringContaining('Python coverage command failed with exit code 1: false | cat;'))
  expect(run.outputs['status']).toBe('warned')
})

it('the time limit ends a child that left the process group holding stdout, and names the limit as given', async () => {
  const pidFile = path.join(tmp, 'setsid.pid')
  const run = startAction({
    ...rustStandIn('target/e2e-safety-timeout', lcov(1, 2), `setsid sleep 600 & echo $! > ${pidFile}; wait`),
    'rust-timeout-minutes': '0.05'
  })
  const finished = await run.done
  const sleeper = Number(await waitForFile(pidFile))
  expect(await stopsRunning(sleeper)).toBe(true)
  expect(finished.kept).toContainEqual(expect.stringContaining('Rust coverage command timed out after 0.05 min and was killed with its process tree'))
  expect(finished.outputs['status']).toBe('warned')
}, 120_000)

/** Starts a run whose Rust suite hangs (ignoring SIGINT and SIGTERM), cancels it with SIGINT then SIGTERM. */
async function cancelledRun(dir: string, parallel: string) {
  const abs = path.join(example, dir)
  fs.rmSync(abs, { recursive: true, force: true })
  // An earlier run's files, which must not pass for this run's.
  fs.mkdirSync(abs, { recursive: true })
  for (const file of ['python.xml', 'python-coverage.txt', 'coverage-summary.json']) fs.writeFileSync(path.join(abs, file), 'earlier run')
  const pidFile = path.join(tmp, `cancel-${parallel}.pid`)
  // The sleep ignores SIGINT and SIGTERM, as a stuck test binary might: only SIGKILL ends it.
  const run = startAction({
    ...rustStandIn(dir, lcov(1, 2), `(trap '' INT TERM; exec sleep 600) & echo $! > ${pidFile}; wait`),
    'python-enabled': 'true',
    'python-command': `echo never`,
    'python-xml': `${dir}/python.xml`,
    'parallel-suites': parallel
  })
  const sleeper = Number(await waitForFile(pidFile))
  expect(running(sleeper)).toBe(true)
  // Side by side, the Python suite finishes first: its output in place says so (the rest of it is in the same turn).
  if (parallel === 'true') await waitForFile(path.join(abs, 'python-output.txt'))
  run.child.kill('SIGINT')
  await run.logs(/Cancelled \(SIGINT\)/)
  run.child.kill('SIGTERM')
  const finished = await run.done
  const stopped = await stopsRunning(sleeper)
  killIfRunning(sleeper)
  expect(stopped).toBe(true)
  expect([130, 143]).toContain(finished.code)
  expect(finished.outputs['status']).toBe('cancelled')
  expect(finished.summary).toContain('Coverage cancelled (SIGINT)')
  return { finished, left: fs.readdirSync(abs), abs }
}

it('SIGINT then SIGTERM: the process tree is killed, no report of the cancelled run or an earlier one is left, status cancelled', async () => {
  const { left } = await cancelledRun('target/e2e-safety-cancel-seq', 'false')
  expect(left).toEqual([])
}, 120_000)

it('cancelled beside a finished Python suite: its output stays and its kept log is shown; nothing of the Rust suite or an earlier run is left', async () => {
  const { finished, left, abs } = await cancelledRun('target/e2e-safety-cancel', 'true')
  expect(left).toEqual(['python-output.txt'])
  expect(fs.readFileSync(path.join(abs, 'python-output.txt'), 'utf8')).toBe('never\n')
  expect(finished.kept).toContainEqual('::group::Python: echo never (its output so far, shown as the run was cancelled)')
}, 120_000)

it('a second run in the same folder waits for the first: each reports its own figure', async () => {
  const dir = 'target/e2e-safety-two-runs'
  const go = path.join(tmp, 'go-two-runs')
  const first = startAction(rustStandIn(dir, lcov(1, 2), `echo started > ${go}.started && while [ ! -e ${go} ]; do sleep 0.1; done`))
  await waitForFile(`${go}.started`)
  const second = startAction(rustStandIn(dir, lcov(4, 4)))
  // The second run says it waits (or, without a lock, has already finished and overwritten the report).
  await second.logs(/Waiting for another run/)
  fs.writeFileSync(go, '')
  const [a, b] = await Promise.all([first.done, second.done])
  expect(a.outputs['rust-line-coverage']).toBe('50')
  expect(b.outputs['rust-line-coverage']).toBe('100')
  expect(fs.existsSync(path.join(example, dir, '.rust-python-coverage.lock'))).toBe(false)
}, 120_000)

it('a run that cannot get the folder refuses with one line naming the holder, and leaves its reports alone', async () => {
  const dir = 'target/e2e-safety-refuse'
  const go = path.join(tmp, 'go-refuse')
  const first = startAction(rustStandIn(dir, lcov(1, 2), `echo started > ${go}.started && while [ ! -e ${go} ]; do sleep 0.1; done`))
  await waitForFile(`${go}.started`)
  // Limits of 0.05 min each: it waits 6 s for the first run, then refuses.
  const second = await startAction({ ...rustStandIn(dir, lcov(4, 4)), 'rust-timeout-minutes': '0.05', 'python-timeout-minutes': '0.05' }).done
  fs.writeFileSync(go, '')
  const a = await first.done
  expect(second.code).toBe(0)
  expect(second.outputs['status']).toBe('warned')
  const refusal = second.kept.filter((l) => l.startsWith('::warning'))
  expect(refusal).toHaveLength(1)
  expect(refusal[0]).toMatch(/Coverage not run: another run \(pid \d+ on .*, started .*\) is writing .*e2e-safety-refuse: this run did not start/)
  expect(a.outputs['rust-line-coverage']).toBe('50')
}, 120_000)
