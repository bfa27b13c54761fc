// What the Python figure measures, end to end with real pytest-cov (and real
// maturin for the extension-only package), on the fixture projects in
// __tests__/fixtures/projects, each copied to a folder of its own first:
// - python-package left empty is inferred (workerpkg: the one package of a flat
//   layout) and pytest runs as `python -m pytest`;
// - python-subprocess: true counts workerpkg.worker, which runs only in a child
//   interpreter, and the figure equals coverage.py's own report of the same run;
// - a wrong python-package is one finding naming workerpkg;
// - an extension-only maturin package (maturin develop into a venv) measures only
//   maturin's generated __init__.py in site-packages: a finding, not a pass.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { repo, runAction } from './support/run-action.js'

const fixtures = path.join(repo, '__tests__/fixtures/projects')
const home = path.join(os.tmpdir(), 'rpc-e2e-python-scope')

/** A fresh copy of a fixture project (target/ of an earlier copy kept: the Rust build is reused). */
function copyFixture(name: string): string {
  const project = path.join(home, name)
  fs.mkdirSync(project, { recursive: true })
  for (const entry of fs.readdirSync(project)) if (entry !== 'target') fs.rmSync(path.join(project, entry), { recursive: true, force: true })
  fs.cpSync(path.join(fixtures, name), project, { recursive: true })
  return project
}

const pythonOnly = { 'rust-enabled': 'false', 'working-directory': '.', 'non-blocking': 'false' }

/** coverage.py's own total of the data file the run left (pytest-cov combines the children's data into .coverage). */
function coveragePyTotal(project: string): { covered: number; total: number } {
  const json = path.join(project, 'coverage-own.json')
  execFileSync('python3', ['-m', 'coverage', 'json', '-o', json], { cwd: project, encoding: 'utf8' })
  const totals = JSON.parse(fs.readFileSync(json, 'utf8')).totals
  return { covered: totals.covered_lines, total: totals.num_statements }
}

describe('the package measured and where pytest comes from', () => {
  it('infers python-package from a flat layout, says so, and runs pytest through the interpreter', () => {
    const project = copyFixture('workerpkg')
    const run = runAction(pythonOnly, { GITHUB_WORKSPACE: project })
    expect(run.log).toContain('python-package: workerpkg (inferred from the one package in the working directory (flat layout))')
    expect(run.log).toContain('Python: python -m pytest --cov=workerpkg --cov-report=term --cov-report=xml:target/coverage/python.xml tests')
    expect(run.status).toBe(0)
    expect(run.outputs['status']).toBe('passed')
    // Without subprocess measurement the worker's code counts as not run: the child interpreter is not measured.
    const xml = fs.readFileSync(path.join(project, 'target/coverage/python.xml'), 'utf8')
    expect(xml).toMatch(/filename="worker.py"[^>]*line-rate="0"/)
  })

  it('a python-package the tests never import is one finding naming the package the project holds', () => {
    const project = copyFixture('workerpkg')
    const run = runAction({ ...pythonOnly, 'python-package': 'worker_pkg' }, { GITHUB_WORKSPACE: project })
    expect(run.status).toBe(1)
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors).toEqual([
      '::error::Python coverage of "worker_pkg" measured nothing: coverage.py says "Module worker_pkg was never imported" and "No data was collected"; the package the project holds is likely "workerpkg" (the one package in the working directory (flat layout)): set python-package: workerpkg',
      expect.stringContaining('::error::Coverage failed with 1 finding(s)')
    ])
    expect(run.summary).not.toContain('report missing')
  })
})

describe('python-subprocess', () => {
  it("counts package code run in a child interpreter, and the figure is coverage.py's own for the same run", () => {
    const project = copyFixture('workerpkg')
    // The project's own [run] patch is kept beside the one the action adds.
    fs.writeFileSync(path.join(project, '.coveragerc'), '[run]\npatch =\n    _exit\n')
    const run = runAction({ ...pythonOnly, 'python-subprocess': 'true' }, { GITHUB_WORKSPACE: project })
    expect(run.status).toBe(0)
    expect(run.log).toContain(
      'python-subprocess: coverage.py measures child Python processes too ([run] patch = _exit, subprocess, through COVERAGE_FORCE_CONFIG)'
    )
    expect(fs.readFileSync(path.join(project, '.coveragerc'), 'utf8')).toBe('[run]\npatch =\n    _exit\n')

    const own = coveragePyTotal(project)
    expect(Number(run.outputs['python-line-coverage'])).toBe((own.covered * 100) / own.total)
    const xml = fs.readFileSync(path.join(project, 'target/coverage/python.xml'), 'utf8')
    const root = /<coverage [^>]*lines-valid="(\d+)" lines-covered="(\d+)"/.exec(xml)
    expect(root?.slice(1).map(Number)).toEqual([own.total, own.covered])
    // worker.py: main, the else branch and square ran in the child; cube's body and the --cube branch did not.
    const worker = /<class [^>]*filename="worker.py"[^>]*line-rate="([\d.]+)"/.exec(xml)
    expect(Number(worker?.[1])).toBeGreaterThan(0.5)
    expect(Number(worker?.[1])).toBeLessThan(1)
    // The child's data was combined into pytest-cov's: no parallel data file is left behind.
    expect(fs.readdirSync(project).filter((f) => f.startsWith('.coverage.'))).toEqual([])
  })
  it('with coverage.py older than 7.10.3 (pytest-cov 6) says so in one line and marks the figure partial', () => {
    const project = copyFixture('workerpkg')
    const old = path.join(home, 'coverage-7.9')
    if (!fs.existsSync(path.join(old, 'bin/python'))) {
      execFileSync('python3', ['-m', 'venv', old])
      execFileSync(path.join(old, 'bin/python'), ['-m', 'pip', 'install', '-q', 'coverage==7.9.2', 'pytest-cov==6.2.1', 'pytest'], {
        stdio: 'ignore'
      })
    }
    const run = runAction(
      { ...pythonOnly, 'python-subprocess': 'true' },
      { GITHUB_WORKSPACE: project, PATH: `${path.join(old, 'bin')}:${process.env['PATH']}` }
    )
    expect(run.status).toBe(0)
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning::'))
    expect(warnings).toEqual([
      '::warning::python-subprocess: the report was written by coverage.py 7.9.2, which cannot measure child processes for pytest-cov (needs 7.10.3 or later, [run] patch = subprocess): code run in subprocesses is not counted; install coverage>=7.10.3.'
    ])
    expect(run.summary).toContain('· partial')
  })
})

describe('an extension-only maturin package', () => {
  const venv = path.join(home, 'venv')

  it("measures only maturin's generated __init__.py in site-packages: a finding, not a pass", () => {
    const project = copyFixture('ext-only')
    if (!fs.existsSync(path.join(venv, 'bin/python'))) execFileSync('python3', ['-m', 'venv', '--system-site-packages', venv])
    execFileSync('maturin', ['develop'], {
      cwd: project,
      env: { ...process.env, VIRTUAL_ENV: venv, PATH: `${path.join(venv, 'bin')}:${process.env['PATH']}`, CARGO_TERM_COLOR: 'never' },
      stdio: 'ignore'
    })
    const init = path.join(
      execFileSync(path.join(venv, 'bin/python'), ['-c', 'import sysconfig; print(sysconfig.get_paths()["purelib"])'], { encoding: 'utf8' }).trim(),
      'ext_only/__init__.py'
    )
    expect(fs.readFileSync(init, 'utf8')).toMatch(/^from \.ext_only import \*/)

    const run = runAction(pythonOnly, { GITHUB_WORKSPACE: project, PATH: `${path.join(venv, 'bin')}:${process.env['PATH']}` })
    expect(run.log).toContain("python-package: ext_only (inferred from the crate's [lib] name (a maturin project without Python source))")
    // pytest-cov itself says 100% (4/4 statements of the generated file).
    expect(run.outputs['python-line-coverage']).toBe('100')
    expect(run.status).toBe(1)
    expect(run.outputs['status']).toBe('failed')
    const errors = run.stdout.split('\n').filter((l) => l.startsWith('::error::'))
    expect(errors[0]).toBe(
      `::error::Python coverage measured only files outside the project (${init}): the package has no Python source of its own (maturin generates that __init__.py for an extension-only package), so 100.00% says nothing about your code; measure a package with Python source of its own (python-package) or set python-enabled: false`
    )
    expect(run.summary).not.toContain('✅ passed')
  })
})
