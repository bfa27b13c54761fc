// The run phase: the Rust suite, then the Python suite, each guarded so that
// a problem in one never loses the other. Zipping the Rust HTML report uses
// the thread pool, so it overlaps the Python run. Until a suite has finished,
// its files (partial ones, or an earlier run's) are removed if the run is
// cancelled, and a cancelled run goes no further than the suite it was in.
import type { RunState } from '../model/run-state.js'
import { zipRustHtml } from '../zip/html-report.js'
import { halted, isCancelled, onCancel } from './cancel.js'
import { runRustFromPython, rustFromPythonWanted, rustTestsOnlyPath, showEnvPath } from './instrumented-extension.js'
import { runPython } from './python.js'
import { runRust } from './rust.js'
import { pythonOutputPath, pythonTermPath, removeStale, rustCoberturaPath, rustHtmlZipPath } from './suite-files.js'

export async function runSuites(run: RunState): Promise<void> {
  const { findings, inputs } = run
  const rustFiles = [inputs.rust.lcov, inputs.rust.htmlDir, rustCoberturaPath(inputs)]
  const pythonFiles = [inputs.python.xml, pythonOutputPath(inputs), pythonTermPath(inputs)]
  const unfinished = new Set([...(inputs.rust.enabled ? [...rustFiles, rustHtmlZipPath(inputs)] : []), ...(inputs.python.enabled ? pythonFiles : [])])
  const forget = onCancel(() => removeStale([...unfinished]))
  // Rust measured from the Python tests too: one instrumented build, each suite run once (instrumented-extension.ts).
  if (rustFromPythonWanted(run)) {
    // Its own files too: a cancelled run leaves none of them.
    if (inputs.rust.enabled) for (const file of [showEnvPath(inputs.rust.lcov), rustTestsOnlyPath(inputs.rust.lcov)]) unfinished.add(file)
    await findings.guard('rust', 'running the suites with the instrumented extension', () => runRustFromPython(run))
    if (isCancelled()) await halted()
    forget()
    return
  }
  run.rust = (await findings.guard('rust', 'running the Rust suite', () => runRust(run))) ?? run.rust
  if (isCancelled()) await halted()
  for (const file of rustFiles) unfinished.delete(file)
  const rustZip = findings
    .guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
    .then(() => unfinished.delete(rustHtmlZipPath(inputs)))
  run.python = (await findings.guard('python', 'running the Python suite', () => runPython(run))) ?? run.python
  if (isCancelled()) await halted()
  for (const file of pythonFiles) unfinished.delete(file)
  await rustZip
  forget()
}
