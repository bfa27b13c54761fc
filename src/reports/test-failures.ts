// How many tests failed, and which, from a test run's output as it streams
// by: libtest (cargo test, cargo llvm-cov), cargo-nextest and pytest. A suite
// whose tests failed has a partial figure: the finding says "N tests failed"
// with a few names instead of "exit code 101". Memory stays bounded whatever
// the output's size: lines are matched one at a time, a few names kept.
import { StringDecoder } from 'node:string_decoder'
import type { TestFailures } from '../model/suite.js'

const NAMES_KEPT = 5
/** A longer line is no summary line of these runners: only its start is looked at. */
const LINE_LIMIT = 4096

const LIBTEST_RESULT = /^test result: FAILED\. \d+ passed; (\d+) failed;/
const LIBTEST_NAME = /^test (\S+) \.\.\. FAILED$/
const NEXTEST_SUMMARY = /^\s*Summary \[[^\]]*\]\s+\d+ tests? run: .*?(\d+) failed/
const NEXTEST_NAME = /^\s*(?:FAIL|SIGSEGV|SIGABRT|SIGKILL|TIMEOUT) \[[^\]]*\] (?:\(\s*\d+\/\d+\) )?(.+?)\s*$/
const PYTEST_SUMMARY = /^=+ (.*\b(?:failed|errors?)\b.*) in [\d.]+s(?: \([^)]*\))? =+$/
const PYTEST_NAME = /^(?:FAILED|ERROR) (\S+?)(?: - .*)?$/
const ANSI = /\x1b\[[0-9;]*m/g

class Tally {
  failed = 0
  seen = false
  readonly names = new Set<string>()
  name(name: string): void {
    // A name is the tool's output (a test's name is the author's): only its start is kept.
    if (this.names.size < NAMES_KEPT) this.names.add(name.length > 120 ? `${name.slice(0, 119)}…` : name)
  }
}

export class TestFailureScanner {
  private partial = ''
  private readonly decoder = new StringDecoder('utf8')
  private readonly libtest = new Tally()
  private readonly nextest = new Tally()
  private readonly pytest = new Tally()

  push(chunk: Buffer | string): void {
    const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk))
    let start = 0
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      this.line(text.slice(start, Math.min(end, start + LINE_LIMIT)))
      start = end + 1
    }
    this.partial = text.slice(start, start + LINE_LIMIT)
  }

  /** The failures the output reported (nextest's count, else libtest's, else pytest's), or null when none. */
  result(): TestFailures | null {
    if (this.partial !== '') {
      this.line(this.partial)
      this.partial = ''
    }
    for (const [runner, tally] of [
      ['nextest', this.nextest],
      ['libtest', this.libtest],
      ['pytest', this.pytest]
    ] as const) {
      if (tally.seen && tally.failed > 0) return { failed: tally.failed, names: [...tally.names], runner }
    }
    return null
  }

  private line(raw: string): void {
    // Every line these runners summarise with starts (after spaces or a colour code) with one of these letters.
    if (!/^(?:\s|\x1b\[[0-9;]*m)*[tF=ESTs]/.test(raw)) return
    const line = raw.replace(/\r$/, '').replace(ANSI, '')
    let m: RegExpExecArray | null
    if ((m = LIBTEST_RESULT.exec(line))) {
      this.libtest.failed += Number(m[1])
      this.libtest.seen = true
    } else if ((m = LIBTEST_NAME.exec(line))) this.libtest.name(m[1] as string)
    else if ((m = NEXTEST_SUMMARY.exec(line))) {
      this.nextest.failed = Number(m[1])
      this.nextest.seen = true
    } else if ((m = NEXTEST_NAME.exec(line))) this.nextest.name(m[1] as string)
    else if ((m = PYTEST_SUMMARY.exec(line))) {
      const count = (word: RegExp): number => Number(word.exec(m?.[1] ?? '')?.[1] ?? 0)
      this.pytest.failed = count(/(\d+) failed/) + count(/(\d+) errors?/)
      this.pytest.seen = true
    } else if ((m = PYTEST_NAME.exec(line))) this.pytest.name(m[1] as string)
  }
}

/** The failures a whole output reports (see TestFailureScanner). */
export function testFailures(output: string): TestFailures | null {
  const scanner = new TestFailureScanner()
  scanner.push(output)
  return scanner.result()
}

/** "3 tests failed (a, b, c)" for a finding. */
export function describeFailures(failures: TestFailures): string {
  const more = failures.failed > failures.names.length ? ', …' : ''
  const names = failures.names.length > 0 ? ` (${failures.names.join(', ')}${more})` : ''
  return `${failures.failed} test${failures.failed === 1 ? '' : 's'} failed${names}`
}
