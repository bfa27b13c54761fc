// python-package inferred from the project as it lays itself out: maturin's
// module-name / python-source, a src layout, a flat layout, an extension-only
// maturin crate; nothing when the project holds several packages.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { inferPythonPackage } from '../../../src/run/python-package.js'

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-pkg-'))
  for (const [file, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), text)
  }
  return dir
}

const maturin = '[build-system]\nrequires = ["maturin>=1.5,<2"]\nbuild-backend = "maturin"\n'

describe('inferPythonPackage', () => {
  it('takes the top-level package of [tool.maturin] module-name', () => {
    const dir = project({ 'pyproject.toml': `${maturin}\n[tool.maturin]\npython-source = "python"\nmodule-name = "mixed_demo._native"\n` })
    expect(inferPythonPackage(dir)).toEqual({ name: 'mixed_demo', from: 'pyproject.toml [tool.maturin] module-name = "mixed_demo._native"' })
  })

  it('takes the one package under [tool.maturin] python-source', () => {
    const dir = project({ 'pyproject.toml': `${maturin}\n[tool.maturin]\npython-source = "python"\n`, 'python/textkit/__init__.py': '' })
    expect(inferPythonPackage(dir)).toEqual({ name: 'textkit', from: 'the one package in python/ ([tool.maturin] python-source)' })
  })

  it('takes the one package of a src layout, else of a flat layout, passing over tests and folders without __init__.py', () => {
    expect(inferPythonPackage(project({ 'src/textkit/__init__.py': '', 'tests/__init__.py': '' }))?.name).toBe('textkit')
    const flat = project({ 'textkit/__init__.py': '', 'tests/__init__.py': '', 'docs/conf.py': '', 'scripts/x.py': '' })
    expect(inferPythonPackage(flat)).toEqual({ name: 'textkit', from: 'the one package in the working directory (flat layout)' })
  })

  it("names an extension-only maturin crate's module: [lib] name, else the package name", () => {
    const lib = project({ 'pyproject.toml': maturin, 'Cargo.toml': '[package]\nname = "ext-only"\n\n[lib]\nname = "ext_core"\n' })
    expect(inferPythonPackage(lib)).toEqual({ name: 'ext_core', from: "the crate's [lib] name (a maturin project without Python source)" })
    const pkg = project({ 'pyproject.toml': maturin, 'Cargo.toml': '[package]\nname = "ext-only"\n' })
    expect(inferPythonPackage(pkg)?.name).toBe('ext_only')
  })

  it('infers nothing when the project holds several packages or none', () => {
    expect(inferPythonPackage(project({ 'src/a/__init__.py': '', 'src/b/__init__.py': '' }))).toBeNull()
    expect(inferPythonPackage(project({ 'a/__init__.py': '', 'b/__init__.py': '' }))).toBeNull()
    expect(inferPythonPackage(project({ 'pyproject.toml': '[project]\nname = "x"\n' }))).toBeNull()
    expect(
      inferPythonPackage(
        project({ 'pyproject.toml': `${maturin}\n[tool.maturin]\npython-source = "py"\n`, 'py/a/__init__.py': '', 'py/b/__init__.py': '' })
      )
    ).toBeNull()
  })
})
