// A report path that is no regular file (a FIFO left by the command at
// python.xml) is refused before it is opened: opening a FIFO blocks until a
// writer comes, which held the step past python-timeout-minutes.
import { runAction } from './support/run-action.js'

it('a FIFO at the report path is one finding and the step ends; the other suite is still read', () => {
  const dir = 'target/e2e-fifo'
  const run = runAction({
    'working-directory': 'examples/mixed-project',
    'rust-from-python': 'false',
    'rust-command': `mkdir -p ${dir}/html && echo '<html></html>' > ${dir}/html/index.html && rm -f ${dir}/rust.lcov && mkfifo ${dir}/rust.lcov`,
    'rust-report-command': 'true',
    'rust-cobertura': 'false',
    'rust-lcov': `${dir}/rust.lcov`,
    'rust-html-dir': `${dir}/html`,
    'python-command': `mkdir -p ${dir} && rm -f ${dir}/python.xml && mkfifo ${dir}/python.xml`,
    'python-xml': `${dir}/python.xml`,
    'summary-json': `${dir}/coverage-summary.json`,
    'python-timeout-minutes': '0.5',
    'rust-timeout-minutes': '0.5'
  })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  for (const name of ['rust.lcov', 'python.xml']) {
    expect(run.stdout).toContain(
      `::warning::examples/mixed-project/${dir}/${name} is a named pipe (FIFO), not a regular file; not read and not uploaded`
    )
  }
  expect(run.stdout).not.toContain('Internal error')
})
