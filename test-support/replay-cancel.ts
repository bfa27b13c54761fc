// Run as a child (node --import tsx): a kept report log is being replayed into
// the log (stdout) when the run is cancelled, right after the replay's first
// chunk. As in a real run, the Python suite's log was registered first, so its
// showNow runs first; then the next group starts. For the deferred-log test.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { DeferredLog } from '../src/run/logged-command.js'

const file = process.argv[2] as string
const pythonFile = path.join(path.dirname(file), 'python-output.txt')
fs.writeFileSync(pythonFile, '10 passed in 0.3s\n')
const python = new DeferredLog()
python.started('Python', 'python -m pytest', pythonFile, () => undefined).ended('exit code 0 in 0.4 s', fs.statSync(pythonFile).size)
const reports = new DeferredLog()
reports.started('Rust', 'cargo llvm-cov report --cobertura', file, () => undefined).ended('exit code 0 in 0.1 s', fs.statSync(file).size)

const write = process.stdout.write.bind(process.stdout)
let writes = 0
process.stdout.write = ((...args: Parameters<typeof write>) => {
  // The first write is the group's start, the second the replay's first chunk: the cancel comes right after it.
  if (++writes === 2) setImmediate(cancel)
  return write(...args)
}) as typeof process.stdout.write

function cancel(): void {
  python.showNow()
  reports.showNow()
  write('::group::the next group\n::endgroup::\n')
  process.exit(0)
}

void reports.show()
