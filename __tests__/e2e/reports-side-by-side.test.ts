// The HTML and Cobertura reports side by side, cancelled while they run, with
// the real cargo-llvm-cov on the example: llvm-cov's HTML rendering is held
// (LLVM_COV is a wrapper that waits at `llvm-cov show`), SIGINT comes while
// both reports run with the raw profiles set aside. The profiles must all be
// back where cargo-llvm-cov keeps them, no folder of the move left, the log's
// groups never nested, and the kept log of the report beside shown once.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { example, llvm } from './support/run-action.js'
import { waitForFile } from './support/processes.js'
import { startAction } from './support/start-action.js'

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-e2e-reports-'))
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }))

it('a cancel while the reports run side by side puts every raw profile back, leaves no group open and shows the kept log once', async () => {
  const dir = 'target/e2e-reports-cancel'
  const marker = path.join(tmp, 'html-rendering')
  const wrapper = path.join(tmp, 'llvm-cov')
  fs.writeFileSync(wrapper, `#!/bin/sh\nif [ "$1" = show ]; then echo x > ${marker}; exec sleep 600; fi\nexec ${llvm.LLVM_COV} "$@"\n`, {
    mode: 0o755
  })
  const run = startAction(
    {
      'working-directory': 'examples/mixed-project',
      'python-enabled': 'false',
      'rust-lcov': `${dir}/rust.lcov`,
      'rust-html-dir': `${dir}/html`,
      'summary-json': `${dir}/coverage-summary.json`,
      'patch-coverage': 'false',
      baseline: 'false',
      upload: 'false'
    },
    { LLVM_COV: wrapper }
  )
  await waitForFile(marker)
  // The Cobertura report beside it ends (its log kept, not shown yet).
  const cobertura = path.join(example, dir, 'rust.cobertura.xml')
  await waitForFile(cobertura)
  while (spawnSync('pgrep', ['-f', `report --cobertura --output-path ${cobertura}`]).status === 0)
    await new Promise((resolve) => setTimeout(resolve, 50))
  const profiles = path.join(example, 'target/llvm-cov-target')
  // Both reports are under way now: the raw profiles are aside.
  expect(fs.readdirSync(profiles).filter((f) => f.endsWith('.profraw'))).toEqual([])
  run.child.kill('SIGINT')
  const finished = await run.done
  expect(finished.code).toBe(130)
  expect(finished.outputs['status']).toBe('cancelled')
  expect(fs.readdirSync(profiles).filter((f) => f.endsWith('.profraw')).length).toBeGreaterThanOrEqual(2)
  expect(fs.readdirSync(profiles).filter((f) => f.startsWith('.profraw-aside-'))).toEqual([])
  // Groups one after the other, never one inside another.
  const nested: string[] = []
  let open = false
  for (const line of finished.kept) {
    if (line.startsWith('::group::') && open) nested.push(line)
    if (line.startsWith('::group::')) open = true
    else if (line === '::endgroup::') open = false
  }
  expect(nested).toEqual([])
  expect(finished.kept.filter((l) => l.startsWith('::group::Rust: cargo llvm-cov report --cobertura'))).toHaveLength(1)
  // Afterwards cargo-llvm-cov reports from the profiles as if nothing had happened.
  const again = path.join(tmp, 'again.lcov')
  execFileSync('cargo', ['llvm-cov', 'report', '--lcov', '--output-path', again], { cwd: example, env: { ...process.env, ...llvm } })
  expect(fs.readFileSync(again, 'utf8')).toContain('SF:')
}, 180_000)
