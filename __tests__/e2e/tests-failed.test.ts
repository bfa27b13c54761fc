// Failing tests make a partial figure, said as such: the default rust-command
// has --no-fail-fast, so a failing test binary does not stop the others, and
// the finding says "N tests failed" with their names (not "exit code 101");
// the same for pytest. Real cargo-llvm-cov and pytest-cov on small projects.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { example, repo, runAction } from './support/run-action.js'

const project = path.join(example, 'target/e2e-tests-failed')

beforeAll(() => {
  fs.rmSync(project, { recursive: true, force: true })
  fs.mkdirSync(path.join(project, 'src'), { recursive: true })
  fs.mkdirSync(path.join(project, 'tests'))
  fs.mkdirSync(path.join(project, 'pkg'))
  fs.writeFileSync(path.join(project, 'Cargo.toml'), '[package]\nname = "failing"\nversion = "0.1.0"\nedition = "2021"\n\n[workspace]\n')
  fs.writeFileSync(
    path.join(project, 'src/lib.rs'),
    [
      'pub fn add(a: i32, b: i32) -> i32 {',
      '    a + b',
      '}',
      '',
      'pub fn only_the_second_binary_runs_this() -> i32 {',
      '    7',
      '}',
      '',
      '#[cfg(test)]',
      'mod tests {',
      '    use super::*;',
      '    #[test]',
      '    fn adds() {',
      '        assert_eq!(add(1, 2), 3);',
      '    }',
      '    #[test]',
      '    fn breaks() {',
      '        assert_eq!(add(1, 2), 4);',
      '    }',
      '}',
      ''
    ].join('\n')
  )
  fs.writeFileSync(
    path.join(project, 'tests/second.rs'),
    '#[test]\nfn second_binary() {\n    assert_eq!(failing::only_the_second_binary_runs_this(), 7);\n}\n'
  )
  fs.writeFileSync(path.join(project, 'pkg/__init__.py'), 'def one():\n    return 1\n\n\ndef two():\n    return 2\n')
  fs.writeFileSync(
    path.join(project, 'test_pkg.py'),
    'import pkg\n\n\ndef test_one():\n    assert pkg.one() == 1\n\n\ndef test_two():\n    assert pkg.two() == 3\n'
  )
  fs.writeFileSync(path.join(project, 'pytest.ini'), '[pytest]\npythonpath = .\n')
})

it('a failing Rust test: the other test binary still runs, and the finding names the failed test and says the figure is partial', () => {
  const run = runAction({
    'working-directory': path.relative(repo, project),
    'rust-from-python': 'false',
    'python-package': 'pkg',
    'python-tests': 'test_pkg.py',
    upload: 'false'
  })
  expect(run.status).toBe(0)
  expect(run.outputs['status']).toBe('warned')
  // --no-fail-fast: the integration test binary ran after the unit tests failed, so its function is covered.
  const lcov = fs.readFileSync(path.join(project, 'target/coverage/rust.lcov'), 'utf8')
  expect(lcov).toMatch(/^FNDA:[1-9]\d*,.*only_the_second_binary_runs_this/m)
  expect(run.stdout).toContain('::warning::Rust tests failed: 1 test failed (tests::breaks); the coverage figure is partial (cargo llvm-cov')
  expect(run.stdout).toContain('::warning::Python tests failed: 1 test failed (test_pkg.py::test_two); the coverage figure is partial')
  expect(run.stdout).not.toMatch(/coverage command failed with exit code/)
  expect(run.summary).toMatch(/\| Rust \| \*\*[\d.]+%\*\* \([^)]*\) · partial \|/)
  expect(run.summary).toContain('tests failed (would fail)')
})

it('rust-test-runner: nextest runs the tests through cargo llvm-cov nextest; its failures are named as nextest names them', () => {
  const run = runAction({
    'working-directory': path.relative(repo, project),
    'rust-from-python': 'false',
    'rust-test-runner': 'nextest',
    'python-enabled': 'false',
    'rust-lcov': 'target/nextest/rust.lcov',
    'rust-html-dir': 'target/nextest/html',
    'summary-json': 'target/nextest/coverage-summary.json',
    upload: 'false'
  })
  expect(run.status).toBe(0)
  expect(run.stdout).toContain('Rust: cargo llvm-cov nextest --no-default-features --no-fail-fast --lcov --output-path ')
  // cargo-llvm-cov writes no report after failed tests: the lcov is made from their profiles by a report run.
  expect(run.stdout).toMatch(/Rust: exit code 100 in [\d.]+ s\n::endgroup::\n::group::Rust: cargo llvm-cov report --lcov --output-path /)
  expect(run.stdout).toContain('::warning::Rust tests failed: 1 test failed (failing tests::breaks); the coverage figure is partial')
  const lcov = fs.readFileSync(path.join(project, 'target/nextest/rust.lcov'), 'utf8')
  expect(lcov).toMatch(/^FNDA:[1-9]\d*,.*only_the_second_binary_runs_this/m)
  expect(Number(run.outputs['rust-line-coverage'])).toBeGreaterThan(0)
})
