// How many tests failed, and which, from the end of a test run's output:
// libtest (cargo test, cargo llvm-cov), cargo-nextest and pytest. A suite whose
// tests failed has a partial figure: the summary says "N tests failed" with a
// few names instead of "exit code 101". Pure.

export interface TestFailures {
  /** Failed tests (pytest: failed plus errors). */
  failed: number
  /** The first few failing tests' names, as the tool prints them. */
  names: string[]
  /** The runner that printed them. */
  runner: 'libtest' | 'nextest' | 'pytest'
}

const NAMES_KEPT = 5

/** The failures the output reports, or null when it reports none (or is not a test run's output). */
export function testFailures(output: string): TestFailures | null {
  return nextest(output) ?? libtest(output) ?? pytest(output)
}

function keep(names: Iterable<string>): string[] {
  return [...new Set(names)].slice(0, NAMES_KEPT)
}

/** "test result: FAILED. 1 passed; 2 failed; ..." per test binary; "test a::b ... FAILED" per test. */
function libtest(output: string): TestFailures | null {
  let failed = 0
  let seen = false
  for (const m of output.matchAll(/^test result: FAILED\. \d+ passed; (\d+) failed;/gm)) {
    failed += Number(m[1])
    seen = true
  }
  if (!seen) return null
  const names = [...output.matchAll(/^test (\S+) \.\.\. FAILED\r?$/gm)].map((m) => m[1] as string)
  return { failed, names: keep(names), runner: 'libtest' }
}

/** "Summary [ 0.3s] 5 tests run: 3 passed, 2 failed, 0 skipped"; "FAIL [ 0.01s] crate::bin test::name" per test. */
function nextest(output: string): TestFailures | null {
  const summary = [...output.matchAll(/^\s*Summary \[[^\]]*\]\s+\d+ tests? run: .*?(\d+) failed/gm)].pop()
  if (!summary) return null
  const names = [...output.matchAll(/^\s*(?:FAIL|SIGSEGV|SIGABRT|TIMEOUT) \[[^\]]*\] (?:\(\s*\d+\/\d+\) )?(.+?)\r?$/gm)].map((m) =>
    (m[1] as string).trim()
  )
  return { failed: Number(summary[1]), names: keep(names), runner: 'nextest' }
}

/** "==== 3 failed, 2 passed, 1 error in 0.17s ====" and "FAILED tests/x.py::test_y - ..." lines of the short summary. */
function pytest(output: string): TestFailures | null {
  const summary = [...output.matchAll(/^=+ (.*\b(?:failed|errors?)\b.*) in [\d.]+s(?: \([^)]*\))? =+\r?$/gm)].pop()
  if (!summary) return null
  const count = (word: RegExp): number => Number(word.exec(summary[1] as string)?.[1] ?? 0)
  const failed = count(/(\d+) failed/) + count(/(\d+) errors?/)
  if (failed === 0) return null
  const names = [...output.matchAll(/^(?:FAILED|ERROR) (\S+?)(?: - .*)?\r?$/gm)].map((m) => m[1] as string)
  return { failed, names: keep(names), runner: 'pytest' }
}

/** "3 tests failed (a, b, c)" for a finding. */
export function describeFailures(failures: TestFailures): string {
  const more = failures.failed > failures.names.length ? ', …' : ''
  const names = failures.names.length > 0 ? ` (${failures.names.join(', ')}${more})` : ''
  return `${failures.failed} test${failures.failed === 1 ? '' : 's'} failed${names}`
}
