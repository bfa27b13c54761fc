// A run from a developer's machine (outside GitHub Actions): inputs come from
// command-line flags (`--python-package mixed_demo`, `--rust-min-lines=70`),
// workflow commands are shown as plain lines (warnings, groups, annotations
// with file:line), outputs are listed at the end, the summary goes to the
// terminal and the reports stay under target/coverage. Nothing is uploaded.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseOutputFile } from './output-file.js'
import { closestInput, INPUT_NAMES } from './names.js'

const USAGE = `Usage: node dist/index.js [--<input> <value> | --<input>=<value>]...

Runs the coverage pipeline of the rust-python-coverage action here: the Rust and
Python commands, the reports under target/coverage, the summary printed below.
Inputs are the action's (see action.yml / README), e.g.:

  node dist/index.js --working-directory examples/mixed-project \\
    --python-package mixed_demo --python-tests tests/python --rust-min-lines 70

Patch coverage against a branch: --patch-base origin/main`

export type LocalStart = { ok: true } | { ok: false; message: string; exitCode: number }

/** Turns flags into INPUT_* variables, as the runner would set them. */
export function inputsFromArgs(argv: readonly string[], env: NodeJS.ProcessEnv): LocalStart {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--help' || arg === '-h') return { ok: false, message: USAGE, exitCode: 0 }
    const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg)
    if (!m)
      return { ok: false, message: `Unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>\n\n${USAGE}`, exitCode: 2 }
    const name = m[1] as string
    if (!INPUT_NAMES.includes(name)) {
      return {
        ok: false,
        message: `Unknown input --${name}: did you mean --${closestInput(name)}? (the inputs are listed in action.yml)`,
        exitCode: 2
      }
    }
    let value = m[2]
    if (value === undefined) {
      const next = argv[i + 1]
      if (next === undefined || next.startsWith('--')) return { ok: false, message: `Input --${m[1]} needs a value`, exitCode: 2 }
      value = next
      i++
    }
    env[`INPUT_${(m[1] as string).toUpperCase()}`] = value
  }
  return { ok: true }
}

const unescapeData = (s: string): string => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%')
const unescapeProperty = (s: string): string => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',')

/** One workflow command as a terminal line; null to show nothing. Outputs are collected. */
export function humanLine(line: string, outputs: Map<string, string>, debug: boolean): string | null {
  const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line)
  if (!m) return line
  const [, command, props = '', data = ''] = m
  const properties = new Map(
    props
      .split(',')
      .filter(Boolean)
      .map((p) => {
        const at = p.indexOf('=')
        return [p.slice(0, at), unescapeProperty(p.slice(at + 1))] as const
      })
  )
  const message = unescapeData(data)
  switch (command) {
    case 'group':
      return `\n── ${message}`
    case 'endgroup':
    case 'add-mask':
      return null
    case 'debug':
      return debug ? `debug: ${message}` : null
    case 'set-output':
      outputs.set(properties.get('name') ?? '', message)
      return null
    case 'warning':
    case 'error':
    case 'notice': {
      const file = properties.get('file')
      const line = properties.get('line')
      const end = properties.get('endLine')
      const where = file ? `${file}${line ? `:${line}${end && end !== line ? `-${end}` : ''}` : ''}: ` : ''
      const title = properties.get('title')
      return `${command}: ${where}${title ? `${title}: ` : ''}${message}`
    }
    default:
      return line
  }
}

/**
 * Rewrites the action's workflow commands on stdout into plain lines and sends
 * outputs to a temporary file; returns a function that lists them.
 */
export function humanConsole(env: NodeJS.ProcessEnv): () => void {
  const outputs = new Map<string, string>()
  const debug = env['RUNNER_DEBUG'] === '1'
  const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rust-python-coverage-')), 'outputs')
  fs.writeFileSync(outputFile, '')
  env['GITHUB_OUTPUT'] = outputFile
  const write = process.stdout.write.bind(process.stdout) as (chunk: string | Uint8Array) => boolean
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
    const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8')
    if (!text.startsWith('::')) return (write as (...a: unknown[]) => boolean)(chunk, ...rest)
    const shown = text
      .split(/\r?\n/)
      .filter((l, i, all) => l !== '' || i < all.length - 1)
      .map((l) => humanLine(l, outputs, debug))
      .filter((l): l is string => l !== null)
    return shown.length === 0 ? true : write(`${shown.join('\n')}\n`)
  }) as typeof process.stdout.write
  return () => {
    for (const [name, value] of parseOutputFile(fs.readFileSync(outputFile, 'utf8'))) outputs.set(name, value)
    fs.rmSync(path.dirname(outputFile), { recursive: true, force: true })
    if (outputs.size === 0) return
    const width = Math.max(...[...outputs.keys()].map((k) => k.length))
    write(`\nOutputs:\n${[...outputs].map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`)
  }
}
