// Run as a child (node --import tsx): a kept log of `lines` 80-byte lines is
// being replayed into the log (stdout) when, after `delayMs`, the run is
// cancelled (showNow), then the next group starts. For the deferred-log test.
import * as fs from 'node:fs'
import { DeferredLog } from '../src/run/logged-command.js'

const [file, delayMs] = [process.argv[2] as string, Number(process.argv[3])]
const log = new DeferredLog()
log.started('Rust', 'cargo llvm-cov report --cobertura', file, () => undefined).ended('exit code 0 in 0.1 s', fs.statSync(file).size)
void log.show()
setTimeout(() => {
  log.showNow()
  process.stdout.write('::group::the next group\n::endgroup::\n')
  process.exit(0)
}, delayMs)
