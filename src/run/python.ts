// The Python suite: one pytest run under coverage that writes the Cobertura
// XML; its output is kept, and pytest-cov's terminal table cut out of it for
// the artifact.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunState } from '../model/run-state.js'
import type { SuiteResult } from '../model/suite.js'
import { extractCoverageTable } from '../reports/pytest-terminal.js'
import { childEnv, commandOk } from './command.js'
import { failureMessage, runLogged } from './logged-command.js'
import { emptySuite, pythonOutputPath, pythonTermPath, removeStale } from './suite-files.js'

/** `env`: the environment of the run (rust-from-python gives cargo-llvm-cov's, so the extension writes its profiles). */
export async function runPython(run: RunState, env: NodeJS.ProcessEnv = childEnv(run.env)): Promise<SuiteResult> {
  const { inputs, findings } = run
  const python = inputs.python
  const result = emptySuite(inputs, 'python')
  if (!python.enabled) return result
  const started = Date.now()
  removeStale([python.xml, pythonOutputPath(inputs), pythonTermPath(inputs)])
  fs.mkdirSync(path.dirname(python.xml), { recursive: true })
  const commandResult = await runLogged('Python', python.command, inputs, env, python.timeoutMs, pythonOutputPath(inputs))
  result.commands.push(commandResult)
  if (!commandOk(commandResult)) {
    findings.add('python', commandResult.timedOut ? 'timed-out' : 'tool-failed', failureMessage('Python', commandResult, python.timeoutMs))
  }
  if (fs.existsSync(pythonOutputPath(inputs))) {
    const table = extractCoverageTable(fs.readFileSync(pythonOutputPath(inputs), 'utf8'))
    if (table) fs.writeFileSync(pythonTermPath(inputs), table)
  }
  result.durationMs = Date.now() - started
  return result
}
