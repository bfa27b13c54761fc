// What pyproject.toml says about a maturin (PyO3) project: whether maturin is
// its build backend, and where the Rust crate is. maturin takes
// `[tool.maturin] manifest-path`, else Cargo.toml beside pyproject.toml, else
// rust/Cargo.toml; the Rust suite finds the crate the same way.
//
// Only the few keys needed are read, by a small line reader (no TOML library):
// `key = "value"` or `key = 'value'` on one line, under `[build-system]` and
// `[tool.maturin]` (comments and other tables are passed over).
import * as fs from 'node:fs'
import * as path from 'node:path'

export interface MaturinProject {
  /** pyproject.toml exists in the working directory. */
  hasPyproject: boolean
  /** `[build-system] build-backend = "maturin"`. */
  maturinBackend: boolean
  /** The crate's Cargo.toml (absolute), or null when none of the places maturin looks holds one. */
  manifestPath: string | null
  /** Where it was looked for, in order, relative to the working directory (for the finding). */
  tried: string[]
  /** `[tool.maturin] manifest-path` as written, when set. */
  manifestSetting: string | null
}

/** The string values of `[table]` in a TOML text (one-line basic or literal strings only). */
export function tomlStrings(text: string, table: string): Map<string, string> {
  const values = new Map<string, string>()
  let current = ''
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim()
    const header = /^\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line)
    if (header && !line.startsWith('[[')) {
      current = (header[1] as string).replace(/\s*\.\s*/g, '.')
      continue
    }
    if (line.startsWith('[[')) {
      current = ''
      continue
    }
    if (current !== table) continue
    const m = /^("?)([\w.-]+)\1\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(#.*)?$/.exec(line)
    if (!m) continue
    const value = m[3] !== undefined ? m[3].replace(/\\(["\\])/g, '$1') : (m[4] as string)
    values.set(m[2] as string, value)
  }
  return values
}

export function readMaturinProject(workingDirectory: string): MaturinProject {
  const pyproject = path.join(workingDirectory, 'pyproject.toml')
  let text: string | null
  try {
    text = fs.readFileSync(pyproject, 'utf8')
  } catch {
    text = null
  }
  const backend = text === null ? '' : (tomlStrings(text, 'build-system').get('build-backend') ?? '')
  const setting = text === null ? null : (tomlStrings(text, 'tool.maturin').get('manifest-path') ?? null)
  const candidates = setting !== null ? [setting] : ['Cargo.toml', 'rust/Cargo.toml']
  const found = candidates.map((c) => path.resolve(workingDirectory, c)).find((p) => fs.existsSync(p) && fs.statSync(p).isFile())
  return {
    hasPyproject: text !== null,
    maturinBackend: backend.trim() === 'maturin',
    manifestPath: found ?? null,
    tried: candidates,
    manifestSetting: setting
  }
}

/** `--manifest-path <path>` for cargo, or '' when the crate is the working directory's own Cargo.toml (cargo's default). */
export function manifestArgument(workingDirectory: string, manifestPath: string | null, quote: (s: string) => string): string {
  if (manifestPath === null || manifestPath === path.join(workingDirectory, 'Cargo.toml')) return ''
  return ` --manifest-path ${quote(manifestPath)}`
}
