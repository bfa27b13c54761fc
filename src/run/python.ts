// The Python suite: one pytest run under coverage that writes the Cobertura
// XML; its output is kept, and pytest-cov's terminal table cut out of it for
// the artifact.
import * as fs from 'node:fs'
import * as path from 'node:path'
import type { RunState } from '../model/run-state.js'
import type { SuiteResult } from '../model/suite.js'
import { extractCoverageTable } from '../reports/pytest-terminal.js'
import * as log from '../safety/log.js'
import { childEnv, commandOk } from './command.js'
import { subprocessConfigPath, withSubprocessMeasurement } from './coverage-subprocess.js'
import { type DeferredLog, recordFailure, runLogged } from './logged-command.js'
import { lastPart } from './kept-output.js'
import { emptySuite, pythonOutputPath, pythonTermPath, removeStale } from './suite-files.js'

/**
 * `env`: the environment of the run (rust-from-python gives cargo-llvm-cov's, so the extension writes its profiles);
 * `deferred`: where its log group goes when it runs beside the Rust suite (shown after it).
 */
export async function runPython(run: RunState, env: NodeJS.ProcessEnv = childEnv(run.env), deferred?: DeferredLog): Promise<SuiteResult> {
  const { inputs, findings } = run
  const python = inputs.python
  const result = emptySuite(inputs, 'python')
  if (!python.enabled) return result
  const started = Date.now()
  removeStale([python.xml, pythonOutputPath(inputs), pythonTermPath(inputs), subprocessConfigPath(inputs)])
  fs.mkdirSync(path.dirname(python.xml), { recursive: true })
  if (python.packageFrom) log.info(`python-package: ${python.package} (inferred from ${python.packageFrom})`)
  const commandEnv = python.subprocess ? withSubprocessMeasurement(inputs, env, findings) : env
  const commandResult = await runLogged('Python', python.command, inputs, commandEnv, python.timeoutMs, pythonOutputPath(inputs), deferred)
  result.commands.push(commandResult)
  if (!commandOk(commandResult)) {
    recordFailure(findings, result, commandResult, python.timeoutMs)
  }
  if (fs.existsSync(pythonOutputPath(inputs))) {
    const table = extractCoverageTable(lastPart(pythonOutputPath(inputs), TABLE_SEARCH_BYTES))
    if (table) fs.writeFileSync(pythonTermPath(inputs), table)
  }
  result.durationMs = Date.now() - started
  return result
}

/** pytest-cov prints its table at the end of the run: only this much of the output's end is read, whatever its size. */
export const TABLE_SEARCH_BYTES = 16 * 1024 * 1024
