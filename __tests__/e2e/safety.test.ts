// The action's own safety, end to end on the bundled dist/index.js: paths that
// lead out of the workspace through symlinks, secrets in what it uploads and
// logs, values that could inject workflow commands, colliding inputs, the
// artifact service missing inside GitHub Actions, and local flags it does not know.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startArtifactService, type ArtifactService } from '../../test-support/artifact-service.js'
import { realReportFile } from '../../test-support/fixtures.js'
import { example, llvm, repo, runAction, runActionAsync, standInInputs } from './support/run-action.js'

const rustReport = realReportFile('rust.lcov')
const pythonReport = realReportFile('python.xml')

/** A folder outside the workspace holding one file that must survive every run. */
function outsideFolder(): { dir: string; precious: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-outside-'))
  fs.writeFileSync(path.join(dir, 'precious.txt'), 'keep me')
  return { dir, precious: path.join(dir, 'precious.txt') }
}

/** A fresh folder under the example project for one case; the stand-in commands write the reports there. */
function caseDir(name: string): string {
  const dir = `target/e2e-safety/${name}`
  fs.rmSync(path.join(example, dir), { recursive: true, force: true })
  fs.mkdirSync(path.join(example, dir), { recursive: true })
  return dir
}

const standIn = (dir: string, extra: Record<string, string> = {}): Record<string, string> => ({
  ...standInInputs(dir, { rust: rustReport, python: pythonReport }),
  'summary-json': `${dir}/coverage-summary.json`,
  ...extra
})

/** The file `name` inside a stored artifact's zip. */
function unzipped(data: Buffer, name: string): string {
  const zip = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-zip-')), 'a.zip')
  fs.writeFileSync(zip, data)
  return execFileSync('unzip', ['-p', zip, name], { encoding: 'utf8' })
}

describe('symlinks leading out of the workspace', () => {
  it('a report folder that is a symlink leading out is refused with one line: nothing deleted or written there, no command run', () => {
    const dir = caseDir('linked-folder')
    const outside = outsideFolder()
    fs.rmSync(path.join(example, dir), { recursive: true })
    fs.symlinkSync(outside.dir, path.join(example, dir))
    const run = runAction(standIn(dir, { 'rust-command': `touch ${outside.dir}/ran; ${standIn(dir)['rust-command']}` }))
    expect(run.status).toBe(1)
    expect(run.stdout).toMatch(
      new RegExp(
        `^::error::Input "rust-html-dir" must lead to a place inside the workspace, but it leads to ${fs.realpathSync(outside.dir)}/html \\(a symlink on the way\\?\\)`,
        'm'
      )
    )
    expect(fs.readdirSync(outside.dir)).toEqual(['precious.txt'])
    expect(fs.readFileSync(outside.precious, 'utf8')).toBe('keep me')
  })

  it('a working-directory that is a symlink leading out is refused before any command runs', () => {
    const outside = outsideFolder()
    const link = path.join(example, 'target/e2e-safety/wd-link')
    fs.rmSync(link, { force: true })
    fs.mkdirSync(path.dirname(link), { recursive: true })
    fs.symlinkSync(outside.dir, link)
    const run = runAction({
      ...standIn('target/x'),
      'working-directory': 'examples/mixed-project/target/e2e-safety/wd-link',
      'rust-command': 'touch ran'
    })
    expect(run.status).toBe(1)
    expect(run.stdout).toContain(
      `::error::Input "working-directory" must lead to a place inside the workspace, but it leads to ${fs.realpathSync(outside.dir)} (a symlink on the way?)`
    )
    expect(fs.readdirSync(outside.dir)).toEqual(['precious.txt'])
  })

  describe('with the artifact service', () => {
    let service: ArtifactService
    beforeEach(async () => {
      service = await startArtifactService()
    })
    afterEach(async () => {
      await service.close()
    })

    it('a coverage-summary.json placed as a symlink to an outside file is replaced, never written through; the upload holds the real summary', async () => {
      const dir = caseDir('linked-summary')
      const outside = outsideFolder()
      fs.symlinkSync(outside.precious, path.join(example, dir, 'coverage-summary.json'))
      const run = await runActionAsync(standIn(dir), service.env())
      expect(run.status).toBe(0)
      expect(run.outputs['status']).toBe('passed')
      expect(fs.readFileSync(outside.precious, 'utf8')).toBe('keep me')
      const written = path.join(example, dir, 'coverage-summary.json')
      expect(fs.lstatSync(written).isSymbolicLink()).toBe(false)
      const stored = service.artifacts().find((a) => a.name === 'coverage-summary')
      expect(JSON.parse(unzipped(stored?.data ?? Buffer.alloc(0), 'coverage-summary.json')).status).toBe('passed')
    })

    it('a secret in command-prefix and in an error message never reaches coverage-summary.json, the summary or the log', async () => {
      const dir = caseDir('secrets')
      const secret = 'sUp3r-s3cret-value-8842'
      const run = await runActionAsync(
        standIn(dir, {
          'command-prefix': `env DEPLOY_TOKEN=${secret}`,
          'python-command': `echo "Authorization: Bearer ${secret}x1" >&2; exit 3`,
          'rust-enabled': 'false'
        }),
        service.env()
      )
      expect(run.status).toBe(0)
      expect(run.outputs['status']).toBe('warned')
      const stored = service.artifacts().find((a) => a.name === 'coverage-summary')
      const json = unzipped(stored?.data ?? Buffer.alloc(0), 'coverage-summary.json')
      expect(json).toContain('env DEPLOY_TOKEN=***')
      expect(json).not.toContain(secret)
      expect(fs.readFileSync(path.join(example, dir, 'coverage-summary.json'), 'utf8')).not.toContain(secret)
      expect(run.summary).not.toContain(secret)
      // The action's own lines (annotations, its log lines) carry no secret; the runner masks the rest (::add-mask:: sent).
      expect(run.stdout).toContain(`::add-mask::${secret}`)
      expect(run.stdout.split('\n').filter((l) => /^::(warning|error|notice)/.test(l) && l.includes(secret))).toEqual([])
    })
  })
})

/** The action's stdout as the runner reads it (workflow commands not unescaped), with the runner's variables. */
function rawStdout(inputs: Record<string, string>): string {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-raw-'))
  for (const file of ['output', 'summary']) fs.writeFileSync(path.join(tmp, file), '')
  const env: NodeJS.ProcessEnv = {
    PATH: process.env['PATH'],
    HOME: process.env['HOME'],
    ...llvm,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: repo,
    GITHUB_OUTPUT: path.join(tmp, 'output'),
    GITHUB_STEP_SUMMARY: path.join(tmp, 'summary'),
    RUNNER_TEMP: tmp
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.toUpperCase()}`] = value
  return spawnSync(process.execPath, [path.join(repo, 'dist/index.js')], { cwd: repo, env, encoding: 'utf8' }).stdout
}

it('a newline in working-directory cannot inject a workflow command into the log', () => {
  const wd = 'examples/mixed-project/target/e2e-safety/wd\n::error::INJ'
  fs.rmSync(path.join(repo, 'examples/mixed-project/target/e2e-safety'), { recursive: true, force: true })
  fs.mkdirSync(path.join(repo, wd), { recursive: true })
  const stdout = rawStdout({
    ...standIn('out'),
    'working-directory': wd,
    'matrix-value': '3.12\n::error::INJ2',
    'coverage-on': '3.12\n::error::INJ2'
  })
  expect(stdout).toContain('the files are in examples/mixed-project/target/e2e-safety/wd⏎::error::INJ/out')
  expect(stdout).toContain('This matrix entry (3.12⏎::error::INJ2) is the coverage entry.')
  // Annotations carry it escaped by the toolkit (%0A), log lines show it as ⏎: no line of the log starts a command of its own.
  expect(stdout.split('\n').filter((l) => /^::error::INJ/.test(l.trimStart()))).toEqual([])
})

it('inside GitHub Actions without ACTIONS_RUNTIME_TOKEN the skipped upload is a finding naming the variable', () => {
  const dir = caseDir('no-runtime')
  const run = runAction({ ...standIn(dir), upload: 'true' }, { ACTIONS_RESULTS_URL: 'https://results.example/' })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  expect(run.stdout).toContain(
    "::warning::Artifacts were not uploaded: ACTIONS_RUNTIME_TOKEN is not set although GITHUB_ACTIONS is true (a container job or a step whose environment was stripped?): pass the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL through to this step, or set upload: false (would fail the step with non-blocking: false)"
  )
  const json = JSON.parse(fs.readFileSync(path.join(example, dir, 'coverage-summary.json'), 'utf8'))
  expect(json.status).toBe('warned')
  expect(json.findings.map((f: { kind: string }) => f.kind)).toEqual(['upload-failed'])
})

it.each([
  [{ 'summary-json': 'target/e2e-safety/c/rust.lcov' }, '::error::Input "summary-json" must not name the same file as "rust-lcov"'],
  [{ 'python-xml': 'target/e2e-safety/c/rust.lcov' }, '::error::Input "python-xml" must not name the same file as "rust-lcov"'],
  [
    { 'rust-artifact-name': 'cov', 'python-artifact-name': 'cov', 'summary-artifact-name': 'cov' },
    '::error::Input "rust-artifact-name" must differ from "python-artifact-name"'
  ],
  [{ 'rust-enabled': 'false', 'python-enabled': 'false' }, '::error::Nothing to measure: rust-enabled and python-enabled are false']
])('colliding or empty inputs %j are refused at once with one line', (extra, line) => {
  const dir = 'target/e2e-safety/c'
  const run = runAction({ ...standIn(dir), 'summary-json': `${dir}/coverage-summary.json`, upload: 'true', ...extra })
  expect(run.status).toBe(1)
  expect(run.stdout).toContain(line)
  expect(run.outputs['status']).toBe('failed')
  expect(run.summary).not.toContain('passed')
})

it('a local run refuses an unknown flag, naming the closest input', () => {
  const run = spawnSync(process.execPath, [path.join(repo, 'dist/index.js'), '--python-package', 'mixed_demo', '--rust-min-line', '99'], {
    cwd: example,
    env: { PATH: process.env['PATH'], HOME: process.env['HOME'], ...llvm },
    encoding: 'utf8'
  })
  expect(run.status).toBe(2)
  expect(run.stdout).toBe('Unknown input --rust-min-line: did you mean --rust-min-lines? (the inputs are listed in action.yml)\n')
})
