// A copy of examples/mixed-project for runs that build or install into the
// project (maturin develop, uv's .venv): the repository's example stays as it
// is. The copy's own target/ is kept between runs, so dependencies stay built.
import * as fs from 'node:fs'
import * as path from 'node:path'

export const example = path.resolve('examples/mixed-project')

/** Copies the example's sources to `project` (replacing all but its target/), without build output, venvs or caches. */
export function copyExample(project: string): string {
  fs.mkdirSync(project, { recursive: true })
  for (const name of fs.readdirSync(project)) if (name !== 'target') fs.rmSync(path.join(project, name), { recursive: true, force: true })
  fs.cpSync(example, project, {
    recursive: true,
    filter: (src) => {
      const rel = path.relative(example, src)
      return !/^(target|\.venv)(\/|$)/.test(rel) && !/_native.*\.(so|pyd)$/.test(rel) && !/(__pycache__|\.pytest_cache)/.test(rel)
    }
  })
  return project
}
