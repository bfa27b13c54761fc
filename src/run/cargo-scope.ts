// Which cargo packages the Rust suite measures, the same for the test run and
// the report: a workspace root (a root crate plus crates/*) is measured whole
// (--workspace), rust-packages narrows it (--package a --package b), and a
// rust-command of the user's own is read for its selection so the default
// report commands match it. Also the default features that the test run's
// --no-default-features leaves out (other than PyO3's extension-module).
//
// The facts come from `cargo metadata --no-deps` (no dependency resolution,
// a few tens of milliseconds).
import { spawnSync } from 'node:child_process'
import * as path from 'node:path'
import { flagName, llvmCovRun, simpleWords, type Word } from './cargo-flags.js'
import { childEnv } from './command.js'
import { physicalPath } from '../safety/workspace-fs.js'
import { shellQuote } from './shell.js'

export interface CargoPackage {
  name: string
  /** Absolute path of its Cargo.toml. */
  manifestPath: string
  /** Its `[features]` table (feature -> what it enables). */
  features: Record<string, string[]>
}

export interface CargoWorkspace {
  root: string
  members: CargoPackage[]
  /** cargo's target folder (absolute), or null when cargo metadata did not give one. */
  targetDirectory: string | null
  /** cargo's build folder (absolute): its build-dir when one is set, else the target folder; null when not given. */
  buildDirectory: string | null
}

/**
 * Answers given in this run, by question: the folder lock asks first (lock.ts), the Rust suite after it. cargo sees
 * the same environment both times (childEnv: no INPUT_*, no token); the llvm tools' paths the action may add for
 * the suite are left out of the question, cargo does not read them. Only answers are kept: when cargo could not say
 * (a toolchain still being installed at the limit, say), the suite asks again.
 */
const answered = new Map<string, CargoWorkspace>()

/** The workspace of a manifest as `cargo metadata --no-deps` describes it, or null when cargo cannot say. */
export function readCargoWorkspace(manifestPath: string, cwd: string, env: NodeJS.ProcessEnv): CargoWorkspace | null {
  const seen = childEnv(env)
  const asked = Object.entries(seen).filter(([name]) => name !== 'LLVM_COV' && name !== 'LLVM_PROFDATA')
  const question = JSON.stringify([manifestPath, cwd, asked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))])
  const known = answered.get(question)
  if (known) return known
  const answer = askCargo(manifestPath, cwd, seen)
  if (answer) answered.set(question, answer)
  return answer
}

/**
 * cargo's answer, its folders as the system resolves them: cargo passes a configured target-dir through as written
 * (`<ws>/link/../target`), and a link in it may lead elsewhere than the same path tidied by path.resolve.
 */
function askCargo(manifestPath: string, cwd: string, env: NodeJS.ProcessEnv): CargoWorkspace | null {
  const out = spawnSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifestPath], {
    cwd,
    env,
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024
  })
  if (out.status !== 0 || typeof out.stdout !== 'string') return null
  const ws = parseCargoMetadata(out.stdout)
  if (ws === null) return null
  const physical = (dir: string | null): string | null => (dir === null ? null : physicalPath(dir))
  return { ...ws, targetDirectory: physical(ws.targetDirectory), buildDirectory: physical(ws.buildDirectory) }
}

/** `[features]` as cargo metadata gives it, or {} when it is not a table of string lists. */
function featureTable(features: unknown): Record<string, string[]> {
  if (typeof features !== 'object' || features === null || Array.isArray(features)) return {}
  const table: Record<string, string[]> = {}
  for (const [name, enables] of Object.entries(features)) {
    if (Array.isArray(enables) && enables.every((e) => typeof e === 'string')) table[name] = enables as string[]
  }
  return table
}

export function parseCargoMetadata(json: string): CargoWorkspace | null {
  try {
    const data = JSON.parse(json) as {
      workspace_root?: string
      workspace_members?: string[]
      target_directory?: unknown
      build_directory?: unknown
      packages?: Array<{ id: string; name: string; manifest_path: string; features?: Record<string, string[]> }>
    }
    if (typeof data.workspace_root !== 'string' || !Array.isArray(data.packages)) return null
    const memberIds = new Set(data.workspace_members ?? data.packages.map((p) => p.id))
    // Each field checked: a package that is not as cargo writes it makes the whole answer unusable, never a crash.
    if (!data.packages.every((p) => typeof p?.id === 'string' && typeof p.name === 'string' && typeof p.manifest_path === 'string')) return null
    const members = data.packages
      .filter((p) => memberIds.has(p.id))
      .map((p) => ({ name: p.name, manifestPath: p.manifest_path, features: featureTable(p.features) }))
    const absolute = (value: unknown): string | null => (typeof value === 'string' && path.isAbsolute(value) ? value : null)
    const targetDirectory = absolute(data.target_directory)
    // Older cargo gives no build_directory: the build folder is the target folder.
    const buildDirectory = data.build_directory === undefined ? targetDirectory : absolute(data.build_directory)
    return { root: data.workspace_root, members, targetDirectory, buildDirectory }
  } catch {
    return null
  }
}

export interface CargoScope {
  /** Appended to the default test command, and to the default report commands. */
  testArgs: string
  reportArgs: string
  /** The packages measured, by name (sorted). */
  packages: string[]
  /** All the workspace's members (of more than one package). */
  wholeWorkspace: boolean
  /** Worth telling: a workspace of several packages, or a narrowed one. */
  shown: boolean
  /**
   * The workspace has members this run does not measure (or it could not be read): cargo-llvm-cov's own run cleans
   * only the measured ones, while its report reads every member's binaries, stale ones too.
   */
  othersUnmeasured: boolean
  /** The workspace as cargo metadata gave it (null when it could not be read). */
  workspace?: CargoWorkspace | null
}

export type ScopeResult = { ok: true; scope: CargoScope } | { ok: false; message: string }

const packageArgs = (names: readonly string[]): string => names.map((n) => ` --package ${shellQuote(n)}`).join('')

/**
 * The selection for a manifest. `requested`: rust-packages (default commands only);
 * `customTest`: the user's rust-command (read for its own selection), or null for the default.
 */
export function cargoScope(ws: CargoWorkspace, manifestPath: string, requested: readonly string[], customTest: string | null): ScopeResult {
  const chosen = selectScope(ws, manifestPath, requested, customTest)
  if (!chosen.ok) return chosen
  const measured = new Set(chosen.scope.packages)
  return { ok: true, scope: { ...chosen.scope, othersUnmeasured: ws.members.some((m) => !measured.has(m.name)) } }
}

type Selected = { ok: true; scope: Omit<CargoScope, 'othersUnmeasured'> } | { ok: false; message: string }

function selectScope(ws: CargoWorkspace, manifestPath: string, requested: readonly string[], customTest: string | null): Selected {
  const names = ws.members.map((m) => m.name).sort()
  const own = ws.members.find((m) => path.resolve(m.manifestPath) === path.resolve(manifestPath))
  const atRoot = path.resolve(path.dirname(manifestPath)) === path.resolve(ws.root)
  const several = ws.members.length > 1
  const whole: Omit<CargoScope, 'othersUnmeasured'> = {
    testArgs: ' --workspace',
    reportArgs: ' --workspace',
    packages: names,
    wholeWorkspace: true,
    shown: several
  }
  const single = (name: string | undefined): Omit<CargoScope, 'othersUnmeasured'> => ({
    testArgs: '',
    reportArgs: '',
    packages: name ? [name] : [],
    wholeWorkspace: false,
    shown: false
  })
  if (customTest === null) {
    if (requested.length > 0) {
      const unknown = requested.filter((r) => !names.includes(r))
      if (unknown.length > 0) {
        return { ok: false, message: `rust-packages: no package ${unknown.join(', ')} in the cargo workspace (its packages: ${names.join(', ')})` }
      }
      const chosen = [...new Set(requested)].sort()
      const args = packageArgs(chosen)
      return { ok: true, scope: { testArgs: args, reportArgs: args, packages: chosen, wholeWorkspace: false, shown: true } }
    }
    // A virtual manifest (no package of its own) or a root crate with members: the whole workspace.
    if (atRoot && (several || !own)) return { ok: true, scope: whole }
    return { ok: true, scope: single(own?.name) }
  }
  // The user's own test command: the default report measures what it selects.
  const selection = selectionFlags(customTest)
  if (selection === null) return { ok: true, scope: single(own?.name) }
  if (selection.workspace) {
    if (selection.exclude.length === 0) return { ok: true, scope: { ...whole, testArgs: '' } }
    // cargo llvm-cov report takes no --exclude: the packages left are named instead.
    const left = names.filter((n) => !selection.exclude.some((pattern) => matchesPackage(pattern, n)))
    return { ok: true, scope: { testArgs: '', reportArgs: packageArgs(left), packages: left, wholeWorkspace: false, shown: true } }
  }
  if (selection.packages.length > 0) {
    // cargo reads -p values as glob patterns over the workspace's packages; a plain name is kept as given.
    const chosen = [...new Set(selection.packages.flatMap((p) => (isPattern(p) ? names.filter((n) => matchesPackage(p, n)) : [p])))].sort()
    return { ok: true, scope: { testArgs: '', reportArgs: packageArgs(chosen), packages: chosen, wholeWorkspace: false, shown: true } }
  }
  return { ok: true, scope: single(own?.name) }
}

/** A default feature that only turns on PyO3's extension-module (which test binaries cannot link with). */
function isExtensionModule(feature: string, features: Record<string, string[]>): boolean {
  const direct = (f: string): boolean => f === 'extension-module' || /^pyo3\??\/extension-module$/.test(f)
  if (direct(feature)) return true
  const enables = features[feature]
  return enables !== undefined && enables.length > 0 && enables.every(direct)
}

/** Features the command turns on by name (--features a,b / -F a / --features=a), or null with --all-features. */
function featuresNamed(command: string): Set<string> | null {
  const words = simpleWords(command)?.map((w) => w.text) ?? command.split(/\s+/)
  const named = new Set<string>()
  for (let i = 0; i < words.length; i++) {
    const word = words[i] as string
    if (word === '--') break
    if (word === '--all-features') return null
    let value: string | undefined
    if (word === '--features' || word === '-F') value = words[++i]
    else if (word.startsWith('--features=')) value = word.slice('--features='.length)
    else if (/^-F./.test(word)) value = word.slice(2)
    for (const f of (value ?? '').split(/[\s,]+/)) if (f) named.add(f)
  }
  return named
}

/**
 * The default features of the measured packages that `--no-default-features` in
 * the test command leaves out (PyO3's extension-module aside), as cargo spells
 * them on a command line (`feature` for the manifest's own package, `package/feature`
 * for others); empty when the command keeps them or has no --no-default-features.
 */
export function droppedDefaultFeatures(ws: CargoWorkspace, manifestPath: string, packages: readonly string[], testCommand: string): string[] {
  const words = simpleWords(testCommand)?.map((w) => w.text) ?? testCommand.split(/\s+/)
  const own = words.indexOf('--')
  if (!(own === -1 ? words : words.slice(0, own)).includes('--no-default-features')) return []
  const named = featuresNamed(testCommand)
  if (named === null) return []
  const dropped: string[] = []
  for (const member of ws.members) {
    if (!packages.includes(member.name)) continue
    const isOwn = path.resolve(member.manifestPath) === path.resolve(manifestPath)
    for (const feature of member.features['default'] ?? []) {
      if (isExtensionModule(feature, member.features)) continue
      const spelled = isOwn ? feature : `${member.name}/${feature}`
      if (named.has(spelled) || named.has(`${member.name}/${feature}`)) continue
      dropped.push(spelled)
    }
  }
  return dropped
}

const isPattern = (value: string): boolean => /[*?[]/.test(value)

/** A package name against cargo's `-p`/`--exclude` glob (`*`, `?`, `[...]`), whole name. */
export function matchesPackage(pattern: string, name: string): boolean {
  if (!isPattern(pattern)) return pattern === name
  const source = pattern
    .replace(/[.+^${}()|\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.')
  try {
    return new RegExp(`^${source}$`).test(name)
  } catch {
    return false
  }
}

/** Package selection flags of a `cargo llvm-cov` test command (null when it is not one plain word list of that command). */
export interface Selection {
  workspace: boolean
  packages: string[]
  exclude: string[]
}

export function selectionFlags(command: string): Selection | null {
  const words = simpleWords(command)
  if (words === null) return null
  const run = llvmCovRun(words)
  if (run === null) return null
  const own = words.slice(run.body, run.end)
  const selection: Selection = { workspace: false, packages: [], exclude: [] }
  // A variable (`-p "$CRATE"`) is known to bash only: the selection cannot be mirrored.
  if (own.some((w) => w.raw.includes('$') && !w.raw.startsWith("'"))) return null
  for (let i = 0; i < own.length; i++) {
    const text = (own[i] as Word).text
    const value = (): string => {
      if (text.startsWith('--') && text.includes('=')) return text.slice(text.indexOf('=') + 1)
      if (/^-p./.test(text)) return text.slice(2)
      return (own[++i] as Word | undefined)?.text ?? ''
    }
    if (text === '--workspace' || text === '--all') selection.workspace = true
    else if (text === '-p' || /^-p./.test(text) || flagName(text) === '--package') selection.packages.push(value())
    else if (flagName(text) === '--exclude') selection.exclude.push(value())
  }
  return selection
}
