// The run phase: the Rust suite, then the Python suite, each guarded so that
// a problem in one never loses the other. Zipping the Rust HTML report uses
// the thread pool, so it overlaps the Python run.
import type { RunState } from '../model/run-state.js'
import { zipRustHtml } from '../zip/html-report.js'
import { runPython } from './python.js'
import { runRust } from './rust.js'

export async function runSuites(run: RunState): Promise<void> {
  const { findings } = run
  run.rust = (await findings.guard('rust', 'running the Rust suite', () => runRust(run))) ?? run.rust
  const rustZip = findings.guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
  run.python = (await findings.guard('python', 'running the Python suite', () => runPython(run))) ?? run.python
  await rustZip
}
