// Failed tests counted and named from the real output of cargo test
// (--no-fail-fast, two test binaries failing), cargo-nextest 0.9.151 and pytest (failures, a
// parametrised case and an error), kept under __fixtures__/test-output/.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { describeFailures, TestFailureScanner, testFailures } from '../../../src/reports/test-failures.js'

const output = (name: string): string => fs.readFileSync(path.resolve('__fixtures__/test-output', name), 'utf8')

it('cargo test: failures of every test binary are summed, names kept in order', () => {
  const failures = testFailures(output('cargo-test-failures.txt'))
  expect(failures).toEqual({ failed: 3, names: ['tests::breaks', 'tests::panics', 'other_binary_fails'], runner: 'libtest' })
  expect(describeFailures(failures!)).toBe('3 tests failed (tests::breaks, tests::panics, other_binary_fails)')
})

it('cargo-nextest: its own summary counts, names as nextest prints them (binary and test), each once', () => {
  expect(testFailures(output('nextest-failures.txt'))).toEqual({
    failed: 3,
    names: ['ftcrate tests::breaks', 'ftcrate tests::panics', 'ftcrate::second other_binary_fails'],
    runner: 'nextest'
  })
})

it('pytest: failed tests from the short summary, parametrised ids kept', () => {
  const failures = testFailures(output('pytest-failures.txt'))
  expect(failures).toEqual({
    failed: 3,
    names: ['tests/test_x.py::test_bad', 'tests/test_x.py::test_param[2]', 'tests/test_x.py::test_error'],
    runner: 'pytest'
  })
})

it('a passing run reports no failures', () => {
  expect(testFailures('test result: ok. 3 passed; 0 failed; 0 ignored\n')).toBeNull()
  expect(testFailures('============================== 5 passed in 0.10s ===============================\n')).toBeNull()
  expect(testFailures('')).toBeNull()
})

it('says how many more failed than it names', () => {
  expect(describeFailures({ failed: 9, names: ['a', 'b'], runner: 'pytest' })).toBe('9 tests failed (a, b, …)')
  expect(describeFailures({ failed: 1, names: [], runner: 'libtest' })).toBe('1 test failed')
})

it('gives the same answer when the output arrives in small chunks that split lines', () => {
  const text = output('cargo-test-failures.txt') + output('pytest-failures.txt')
  const scanner = new TestFailureScanner()
  for (let i = 0; i < text.length; i += 7) scanner.push(Buffer.from(text.slice(i, i + 7)))
  expect(scanner.result()).toEqual(testFailures(text))
})
