// The action's entry point: everything happens in run(). Exit when it is done,
// so that a request the artifact service never answers (already reported as a
// finding after upload-timeout-minutes) cannot keep the step running.
// Outside GitHub Actions (a developer's machine) inputs come from flags and the
// log is shown as plain lines: see local.ts.
import { run } from './main.js'

if (process.env['GITHUB_ACTIONS'] === 'true') {
  await run()
} else {
  const { humanConsole, inputsFromArgs } = await import('./inputs/local.js')
  const start = inputsFromArgs(process.argv.slice(2), process.env)
  if (!start.ok) {
    process.stdout.write(`${start.message}\n`)
    process.exit(start.exitCode)
  }
  const listOutputs = humanConsole(process.env)
  await run()
  listOutputs()
}
process.exit()
