// 630 MB of command output: past V8's string limit (~512 MiB), which once lost
// pytest-cov's table, and more than the memory a runner gives a step to spare.
// The output streams to the log and the capture file; the table is found in
// the capture's last part; the action's peak memory stays far below the size.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { realReportFile } from '../../test-support/fixtures.js'
import { example, repo } from './support/run-action.js'
import { startAction } from './support/start-action.js'

const dir = 'target/e2e-large-output'
afterAll(() => fs.rmSync(path.join(example, dir), { recursive: true, force: true }))

it('keeps the Python table of a 630 MB output, with bounded memory', async () => {
  const lines = "python3 -c \"import sys; w = sys.stdout.buffer.write; [w((b'.' * 99 + b'\\n') * 10000) for _ in range(630)]\""
  const run = startAction({
    'working-directory': 'examples/mixed-project',
    'rust-enabled': 'false',
    'python-command': `${lines}; cat ${repo}/__fixtures__/real/python-term.txt; mkdir -p ${dir} && cp ${realReportFile('python.xml')} ${dir}/python.xml`,
    'python-xml': `${dir}/python.xml`,
    'summary-json': `${dir}/coverage-summary.json`,
    'patch-coverage': 'false',
    baseline: 'false',
    upload: 'false'
  })
  const finished = await run.done
  expect(finished.kept.filter((l) => /^::(warning|error)/.test(l))).toEqual([])
  expect(finished.outputs['status']).toBe('passed')
  expect(fs.statSync(path.join(example, dir, 'python-output.txt')).size).toBe(
    630 * 10000 * 100 + fs.statSync(`${repo}/__fixtures__/real/python-term.txt`).size
  )
  const table = fs.readFileSync(path.join(example, dir, 'python-coverage.txt'), 'utf8')
  expect(table).toContain('TOTAL                              126     21    83%')
  expect(table.startsWith('================================ tests coverage')).toBe(true)
  // The whole output would take 630 MB as bytes and twice that as a string.
  expect(finished.maxRssKiB).toBeLessThan(300 * 1024)
}, 300_000)
