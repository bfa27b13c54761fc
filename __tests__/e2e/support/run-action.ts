// Runs the bundled dist/index.js as the runner does: a child process with
// INPUT_* variables, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, and (for
// uploads) the artifact service's ACTIONS_RESULTS_URL / ACTIONS_RUNTIME_TOKEN.
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseOutputFile } from '../../../src/inputs/output-file.js'
import { runnerInputEnv } from '../../../test-support/action-yml.js'

export const repo = path.resolve('.')
export const example = path.join(repo, 'examples/mixed-project')
export const llvm = {
  LLVM_COV: process.env['LLVM_COV'] || '/usr/lib/llvm-22/bin/llvm-cov',
  LLVM_PROFDATA: process.env['LLVM_PROFDATA'] || '/usr/lib/llvm-22/bin/llvm-profdata'
}

/** The outputs as the product itself reads a GITHUB_OUTPUT file (src/inputs/output-file.ts). */
const parseOutputs = (text: string): Record<string, string> => Object.fromEntries(parseOutputFile(text))

export interface ActionRun {
  status: number | null
  /** Everything the action printed, workflow command messages unescaped. */
  stdout: string
  /** The log as the run page shows it: ::debug:: and ::add-mask:: lines hidden (the runner hides them). */
  log: string
  outputs: Record<string, string>
  summary: string
}

/** The runner's environment of a step: workspace, GITHUB_OUTPUT and GITHUB_STEP_SUMMARY files, run facts; extraEnv last. */
export function runnerEnv(files: { outputFile: string; summaryFile: string; tmp: string }, extraEnv: Record<string, string> = {}): NodeJS.ProcessEnv {
  return {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    ...llvm,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: files.outputFile,
    GITHUB_STEP_SUMMARY: files.summaryFile,
    RUNNER_TEMP: files.tmp,
    GITHUB_REPOSITORY: 'owner/repo',
    GITHUB_RUN_ID: '4242',
    GITHUB_SERVER_URL: 'https://github.com',
    ...extraEnv
  }
}

function prepare(inputs: Record<string, string>, extraEnv: Record<string, string>) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-e2e-'))
  const outputFile = path.join(tmp, 'output')
  const summaryFile = path.join(tmp, 'summary')
  fs.writeFileSync(outputFile, '')
  fs.writeFileSync(summaryFile, '')
  const env = runnerEnv({ outputFile, summaryFile, tmp }, extraEnv)
  // As the runner: action.yml's default for every input the step leaves out.
  Object.assign(env, runnerInputEnv(inputs))
  // The example builds with maturin, so rust-from-python's auto would build and install its extension: tests
  // of the plain run say nothing about it, and get the plain run (rust-from-python.test.ts tests the other).
  if (!('rust-from-python' in inputs)) env['INPUT_RUST-FROM-PYTHON'] = 'false'
  // Without an artifact service uploads are off, as a workflow would set them (inside Actions a missing service is a finding).
  if (!env['ACTIONS_RUNTIME_TOKEN'] && !('upload' in inputs)) env['INPUT_UPLOAD'] = 'false'
  // Workflow commands escape % and newlines in their message (%25, %0D, %0A).
  const unescape = (text: string): string => text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
  const finish = (status: number | null, stdout: string): ActionRun => ({
    status,
    stdout: unescape(stdout),
    log: unescape(
      stdout
        .split('\n')
        .filter((line) => !line.startsWith('::debug::') && !line.startsWith('::add-mask::'))
        .join('\n')
    ),
    outputs: parseOutputs(fs.readFileSync(outputFile, 'utf8')),
    summary: fs.readFileSync(summaryFile, 'utf8')
  })
  return { env, finish }
}

const entry = path.join(repo, 'dist/index.js')

export function runAction(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): ActionRun {
  const { env, finish } = prepare(inputs, extraEnv)
  const child = spawnSync(process.execPath, [entry], { cwd: repo, env, encoding: 'utf8', timeout: 540_000 })
  return finish(child.status, child.stdout)
}

/** For runs that talk to a service living in this process (the event loop must stay free). */
export function runActionAsync(inputs: Record<string, string>, extraEnv: Record<string, string> = {}): Promise<ActionRun> {
  const { env, finish } = prepare(inputs, extraEnv)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [entry], { cwd: repo, env, stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()))
    child.stderr.on('data', (c: Buffer) => (stdout += c.toString()))
    child.on('error', reject)
    child.on('close', (code) => resolve(finish(code, stdout)))
  })
}

/**
 * Inputs whose commands stand in for cargo-llvm-cov and pytest: they put the
 * given report files under `dir` (relative to the example project) beside a
 * one-page HTML report, for tests about what happens after the tools ran.
 */
export function standInInputs(dir: string, reports: { rust: string; python: string; linkRust?: boolean }): Record<string, string> {
  const placeRust = `${reports.linkRust ? 'ln -s' : 'cp'} ${reports.rust} ${dir}/rust.lcov`
  return {
    'working-directory': 'examples/mixed-project',
    'rust-command': `mkdir -p ${dir}/html && echo '<html></html>' > ${dir}/html/index.html && ${placeRust}`,
    'rust-report-command': 'true',
    'rust-cobertura': 'false', // the stand-in report command writes none
    'rust-lcov': `${dir}/rust.lcov`,
    'rust-html-dir': `${dir}/html`,
    'python-command': `mkdir -p ${dir} && cp ${reports.python} ${dir}/python.xml`,
    'python-xml': `${dir}/python.xml`
  }
}
