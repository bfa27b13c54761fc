// The demo: starts the local artifact service, runs the bundled action on a
// copy of examples/mixed-project as the runner would (real cargo-llvm-cov and
// pytest-cov; the copy takes uv's .venv and the instrumented extension, so the
// repository's example stays as the tests expect it), prints the job summary
// and outputs, then downloads the artifacts back with the real client and
// lists them.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { startArtifactService } from '../test-support/artifact-service.js'
import { copyExample } from '../test-support/example-copy.js'
import { example, repo, runActionAsync } from '../__tests__/e2e/support/run-action.js'

/** Runs fn with the client's ::debug:: and ::add-mask:: lines kept off the terminal (a runner hides them too). */
async function quietly<T>(fn: () => Promise<T>): Promise<T> {
  const write = process.stdout.write.bind(process.stdout)
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) =>
    String(chunk).startsWith('::debug::') || String(chunk).startsWith('::add-mask::') ? true : write(chunk, ...rest)) as typeof process.stdout.write
  try {
    return await fn()
  } finally {
    process.stdout.write = write
  }
}

/** The machine's own settings uv needs to reach PyPI (a proxy's trust store, a mirror), when set. */
function passedThrough(names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => process.env[name]).map((name) => [name, process.env[name] as string]))
}

const project = copyExample(path.join(os.tmpdir(), 'rpc-demo', 'project'))
console.log(`The example, copied to ${project}`)
const service = await startArtifactService()
try {
  const run = await runActionAsync(
    {
      'matrix-value': '3.12',
      'coverage-on': '3.12',
      'working-directory': '.',
      'python-package': 'mixed_demo',
      'python-tests': 'tests/python',
      'rust-min-lines': '70',
      'python-min-lines': '60',
      'rust-cobertura': 'true',
      // As the README's PyO3 workflow: the Rust code the Python tests reach is measured too (the example builds with
      // maturin), the extension built instrumented into the copy's own uv environment (its .venv).
      'rust-from-python': 'auto',
      'python-command-prefix': 'uv run --group dev --group test'
    },
    {
      ...service.env(),
      GITHUB_WORKSPACE: project,
      ...passedThrough(['SSL_CERT_FILE', 'SSL_CERT_DIR', 'UV_CACHE_DIR', 'UV_INDEX_URL', 'UV_DEFAULT_INDEX'])
    }
  )
  process.stdout.write(run.log)
  console.log('\n===== job summary =====\n' + run.summary)
  console.log('===== outputs =====')
  for (const [key, value] of Object.entries(run.outputs)) console.log(`${key} = ${value}`)
  const target = path.join(example, 'target/demo-artifacts')
  fs.rmSync(target, { recursive: true, force: true })
  Object.assign(process.env, service.env(), { GITHUB_WORKSPACE: repo })
  const { DefaultArtifactClient } = await import('@actions/artifact')
  const client = new DefaultArtifactClient()
  console.log('\n===== artifacts in the local service, downloaded back =====')
  for (const artifact of service.artifacts()) {
    const dir = path.join(target, artifact.name)
    await quietly(() => client.downloadArtifact(artifact.id, { path: dir }))
    console.log(`${artifact.name} (id ${artifact.id}, ${artifact.size} bytes):`)
    for (const file of fs.readdirSync(dir).sort())
      console.log(`  ${path.relative(repo, path.join(dir, file))} (${fs.statSync(path.join(dir, file)).size} bytes)`)
  }
  process.exitCode = run.status ?? 1
} finally {
  await service.close()
}
