// The real reports of __fixtures__/real hold the absolute path of the example
// project on the machine that made them. Tests that hand them to the action
// move those paths to where the example is now (or to another project copy),
// so that they match files in the checkout wherever the repository lies.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'

export const repoRoot = path.resolve('.')
export const realFixtures = path.join(repoRoot, '__fixtures__/real')
/** Where the fixtures were made (see __fixtures__/real/README.md). */
export const FIXTURES_MADE_IN = '/work/main/examples/mixed-project'

/** A real report's text with its paths moved to `project` (default: this checkout's example project). */
export function realReport(name: string, project = path.join(repoRoot, 'examples/mixed-project')): string {
  return fs.readFileSync(path.join(realFixtures, name), 'utf8').replaceAll(FIXTURES_MADE_IN, project)
}

const written = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-fixtures-'))

/** realReport written to a temporary file; returns its path. */
export function realReportFile(name: string, project?: string): string {
  const file = path.join(written, `${path.basename(project ?? 'example')}-${name}`)
  fs.writeFileSync(file, realReport(name, project))
  return file
}
