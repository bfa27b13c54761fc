// The run phase: the Rust suite and the Python suite, each guarded so that a
// problem in one never loses the other. With parallel-suites (the default) the
// Python suite runs beside the Rust suite, its log kept and shown after the
// Rust suite's; with Rust measured from the Python tests the order is
// instrumented-extension.ts's. Zipping the Rust HTML report uses the thread
// pool, so it overlaps the Python run. Until a suite has finished, its files
// (partial ones, or an earlier run's) are removed if the run is cancelled, and
// a cancelled run goes no further than the suite it was in.
import * as core from '@actions/core'
import type { RunState } from '../model/run-state.js'
import { zipRustHtml } from '../zip/html-report.js'
import { halted, isCancelled, onCancel } from './cancel.js'
import { runRustFromPython, rustFromPythonWanted, rustTestsOnlyPath, showEnvPath } from './instrumented-extension.js'
import { childEnv } from './command.js'
import { DeferredLog } from './logged-command.js'
import { runPython } from './python.js'
import { prepareRust, runRust } from './rust.js'
import { pythonOutputPath, pythonTermPath, removeStale, rustCoberturaPath, rustHtmlZipPath } from './suite-files.js'

export async function runSuites(run: RunState): Promise<void> {
  const { findings, inputs } = run
  const rustFiles = [inputs.rust.lcov, inputs.rust.htmlDir, rustCoberturaPath(inputs)]
  const pythonFiles = [inputs.python.xml, pythonOutputPath(inputs), pythonTermPath(inputs)]
  const unfinished = new Set([...(inputs.rust.enabled ? [...rustFiles, rustHtmlZipPath(inputs)] : []), ...(inputs.python.enabled ? pythonFiles : [])])
  // The Python suite's log while it runs beside the Rust suite. Registered first: a cancelled run shows the end of
  // its kept output before the files of the suites that had not finished are removed.
  const pythonLog = new DeferredLog()
  const forgetLog = onCancel(() => pythonLog.showNow())
  const removeUnfinished = onCancel(() => removeStale([...unfinished]))
  const forget = (): void => {
    removeUnfinished()
    forgetLog()
  }
  // Rust measured from the Python tests too: one instrumented build, each suite run once (instrumented-extension.ts).
  if (rustFromPythonWanted(run)) {
    // Its own files too: a cancelled run leaves none of them.
    if (inputs.rust.enabled) for (const file of [showEnvPath(inputs.rust.lcov), rustTestsOnlyPath(inputs.rust.lcov)]) unfinished.add(file)
    await findings.guard('rust', 'running the suites with the instrumented extension', () => runRustFromPython(run, pythonLog))
    if (isCancelled()) await halted()
    forget()
    return
  }
  // Side by side when neither suite needs the other: the job takes the longer suite's time, not the sum. The
  // Python suite starts first (its log kept, shown after the Rust suite's).
  const sideBySide = inputs.parallelSuites && inputs.rust.enabled && inputs.python.enabled
  const runPythonSuite = (deferred?: DeferredLog) =>
    findings
      .guard('python', 'running the Python suite', () => runPython(run, childEnv(run.env), deferred))
      .then((result) => {
        run.python = result ?? run.python
        // A cancelled run removes them, finished or not: the suite was stopped.
        if (!isCancelled()) for (const file of pythonFiles) unfinished.delete(file)
      })
  // The Rust suite's synchronous preparation (cargo metadata, rustc) before the Python suite starts beside it.
  const plan = findings.guardSync('rust', 'preparing the Rust suite', () => prepareRust(run))
  if (sideBySide) core.info("parallel-suites: the Python suite runs beside the Rust suite; its log follows the Rust suite's.")
  const python = sideBySide ? runPythonSuite(pythonLog) : null
  if (plan) run.rust = (await findings.guard('rust', 'running the Rust suite', () => runRust(run, plan))) ?? run.rust
  if (isCancelled()) await halted()
  for (const file of rustFiles) unfinished.delete(file)
  const rustZip = findings
    .guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
    .then(() => unfinished.delete(rustHtmlZipPath(inputs)))
  await (python ?? runPythonSuite())
  if (isCancelled()) await halted()
  await pythonLog.show()
  await rustZip
  forget()
}
