// What the action puts into a command line stays one word each (no shell
// injection through python-tests), and commands run as GitHub's `run:` shell
// runs them: bash -e -o pipefail, so a failing command is never hidden by a
// later one.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import { runCommand } from '../../../src/run/command.js'
import { generatedPytestCommand, testPathWords } from '../../../src/run/pytest-command.js'

const cwd = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-shell-'))
// A stand-in python that prints each argument it was given on its own line (`-m pytest` first).
const bin = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-shell-bin-'))
fs.writeFileSync(path.join(bin, 'python'), '#!/bin/sh\nfor a in "$@"; do printf "[%s]\\n" "$a"; done\n', { mode: 0o755 })
const env = { ...process.env, PATH: `${bin}:${process.env['PATH']}` }

async function argsOf(command: string): Promise<string[]> {
  const chunks: Buffer[] = []
  const result = await runCommand({ command, cwd, env, timeoutMs: 30_000 }, (c) => chunks.push(c))
  expect(result.exitCode).toBe(0)
  return [
    ...Buffer.concat(chunks)
      .toString()
      .matchAll(/^\[(.*)\]$/gm)
  ].map((m) => m[1] as string)
}

describe('the generated pytest command', () => {
  it('passes python-tests to pytest as words: shell syntax in it is not run', async () => {
    const marker = path.join(cwd, 'injected')
    const tests = `tests; touch ${marker} $(touch ${marker}) \`touch ${marker}\` && touch ${marker}`
    const args = await argsOf(generatedPytestCommand('pkg', 'target/coverage/python.xml', tests))
    expect(args).toEqual([
      '-m',
      'pytest',
      '--cov=pkg',
      '--cov-report=term',
      '--cov-report=xml:target/coverage/python.xml',
      'tests;',
      'touch',
      marker,
      `$(touch`,
      `${marker})`,
      '`touch',
      `${marker}\``,
      '&&',
      'touch',
      marker
    ])
    expect(fs.existsSync(marker)).toBe(false)
  })

  it('readInputs builds the command that way from the python-tests input', async () => {
    const marker = path.join(cwd, 'injected-through-inputs')
    const values: Record<string, string> = { 'python-package': 'pkg', 'python-tests': `tests; touch ${marker}` }
    const inputs = readInputs((name) => values[name] ?? '', { GITHUB_WORKSPACE: cwd })
    expect(await argsOf(inputs.python.command)).toEqual([
      '-m',
      'pytest',
      '--cov=pkg',
      '--cov-report=term',
      '--cov-report=xml:target/coverage/python.xml',
      'tests;',
      'touch',
      marker
    ])
    expect(fs.existsSync(marker)).toBe(false)
  })

  it('one path per line keeps spaces and quotes inside a path', async () => {
    const args = await argsOf(generatedPytestCommand('pkg', 'out dir/python.xml', "tests/with space\n  tests/it's here  \n\ntests/plain\n"))
    expect(args).toEqual([
      '-m',
      'pytest',
      '--cov=pkg',
      '--cov-report=term',
      '--cov-report=xml:out dir/python.xml',
      'tests/with space',
      "tests/it's here",
      'tests/plain'
    ])
  })

  it('splits a one-line value on whitespace, and gives plain values as they are', () => {
    expect(testPathWords(' tests/a\ttests/b  tests/c ')).toEqual(['tests/a', 'tests/b', 'tests/c'])
    expect(generatedPytestCommand('mixed_demo', 'target/coverage/python.xml', 'tests/python')).toBe(
      'python -m pytest --cov=mixed_demo --cov-report=term --cov-report=xml:target/coverage/python.xml tests/python'
    )
  })
})

describe('commands run with bash -e -o pipefail', () => {
  it.each([
    ['a failing command followed by others', 'false; echo ok', 1],
    ['a failure inside a pipeline', 'exit 3 | cat; echo ok', 3],
    ['a failure in the middle', 'true; (exit 5); true', 5]
  ])('%s fails the command', async (_name, command, code) => {
    const chunks: Buffer[] = []
    const result = await runCommand({ command, cwd, env, timeoutMs: 30_000 }, (c) => chunks.push(c))
    expect(result.exitCode).toBe(code)
    expect(Buffer.concat(chunks).toString()).not.toContain('ok')
  })

  it('does not read ~/.bashrc or the profile', async () => {
    const home = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-home-'))
    fs.writeFileSync(path.join(home, '.bashrc'), 'echo FROM-BASHRC\n')
    fs.writeFileSync(path.join(home, '.bash_profile'), 'echo FROM-PROFILE\n')
    const chunks: Buffer[] = []
    await runCommand({ command: 'echo run', cwd, env: { ...env, HOME: home, BASH_ENV: '' }, timeoutMs: 30_000 }, (c) => chunks.push(c))
    expect(Buffer.concat(chunks).toString()).toBe('run\n')
  })
})
