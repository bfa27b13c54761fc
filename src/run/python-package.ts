// The Python package to measure when python-package is empty, found where the
// project itself says it is: maturin's `[tool.maturin] module-name` (its
// top-level package), else the single package under `python-source`, else the
// single package under src/ (src layout) or in the working directory (flat
// layout); a maturin project with no Python source of its own is measured as
// its extension's name (`[lib] name` of the crate, else its package name).
// Also the likely package named by the wrong-package finding.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { readMaturinProject, tomlStrings } from './maturin-project.js'

export interface InferredPackage {
  name: string
  /** Where it was found, for the log line and the finding, e.g. "pyproject.toml [tool.maturin] module-name". */
  from: string
}

/** Folders of a flat layout that are never the package under test. */
const NOT_THE_PACKAGE = new Set([
  'tests',
  'test',
  'testing',
  'docs',
  'doc',
  'examples',
  'example',
  'scripts',
  'benches',
  'benchmarks',
  'build',
  'dist',
  'target',
  'site-packages'
])

const IDENTIFIER = /^[A-Za-z_]\w*$/

/** The package folders (holding __init__.py) directly under `dir`, sorted. */
export function packagesIn(dir: string): string[] {
  let entries: fs.Dirent[]
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true })
  } catch {
    return []
  }
  return entries
    .filter((e) => e.isDirectory() && IDENTIFIER.test(e.name) && !NOT_THE_PACKAGE.has(e.name))
    .filter((e) => fs.existsSync(path.join(dir, e.name, '__init__.py')))
    .map((e) => e.name)
    .sort()
}

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8')
  } catch {
    return null
  }
}

/** The package pytest --cov= should measure in `workingDirectory`, or null when the project does not say it unambiguously. */
export function inferPythonPackage(workingDirectory: string): InferredPackage | null {
  const pyproject = readText(path.join(workingDirectory, 'pyproject.toml'))
  const maturin = pyproject === null ? new Map<string, string>() : tomlStrings(pyproject, 'tool.maturin')
  const moduleName = maturin.get('module-name')?.trim() ?? ''
  const top = moduleName.split('.')[0] ?? ''
  if (IDENTIFIER.test(top)) return { name: top, from: `pyproject.toml [tool.maturin] module-name = "${moduleName}"` }
  const source = maturin.get('python-source')?.trim()
  if (source) {
    const found = packagesIn(path.resolve(workingDirectory, source))
    if (found.length === 1) return { name: found[0] as string, from: `the one package in ${source}/ ([tool.maturin] python-source)` }
    return null
  }
  for (const [dir, layout] of [
    ['src', 'src layout'],
    ['.', 'flat layout']
  ] as const) {
    const found = packagesIn(path.join(workingDirectory, dir))
    if (found.length === 1)
      return { name: found[0] as string, from: `the one package in ${dir === '.' ? 'the working directory' : `${dir}/`} (${layout})` }
    if (found.length > 1) return null
  }
  if (pyproject !== null && readMaturinProject(workingDirectory).maturinBackend) return extensionName(workingDirectory)
  return null
}

/** A maturin project without Python source: its extension module's name, as maturin names it. */
function extensionName(workingDirectory: string): InferredPackage | null {
  const manifest = readMaturinProject(workingDirectory).manifestPath
  const cargo = manifest === null ? null : readText(manifest)
  if (cargo === null) return null
  const lib = tomlStrings(cargo, 'lib').get('name')
  if (lib && IDENTIFIER.test(lib)) return { name: lib, from: "the crate's [lib] name (a maturin project without Python source)" }
  const name = tomlStrings(cargo, 'package').get('name')?.replace(/-/g, '_')
  if (name && IDENTIFIER.test(name)) return { name, from: "the crate's package name (a maturin project without Python source)" }
  return null
}
