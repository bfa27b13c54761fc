// The run phase: the Rust suite, then the Python suite, each guarded so that
// a problem in one never loses the other. Zipping the Rust HTML report uses
// the thread pool, so it overlaps the Python run.
import type { RunState } from '../model/run-state.js'
import { zipRustHtml } from '../zip/html-report.js'
import { runRustFromPython, rustFromPythonWanted } from './instrumented-extension.js'
import { runPython } from './python.js'
import { runRust } from './rust.js'

export async function runSuites(run: RunState): Promise<void> {
  const { findings } = run
  // Rust measured from the Python tests too: one instrumented build, each suite run once (instrumented-extension.ts).
  if (rustFromPythonWanted(run)) {
    await findings.guard('rust', 'running the suites with the instrumented extension', () => runRustFromPython(run))
    return
  }
  run.rust = (await findings.guard('rust', 'running the Rust suite', () => runRust(run))) ?? run.rust
  const rustZip = findings.guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
  run.python = (await findings.guard('python', 'running the Python suite', () => runPython(run))) ?? run.python
  await rustZip
}
