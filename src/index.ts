// The action's entry point: everything happens in run(). Exit when it is done,
// so that a request the artifact service never answers (already reported as a
// finding after upload-timeout-minutes) cannot keep the step running.
import { run } from './main.js'

await run()
process.exit()
