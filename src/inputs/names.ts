// The action's input names, as action.yml declares them (a unit test keeps the
// two equal), for the flags of a local run: an unknown flag is an error naming
// the closest input, never silently ignored.

export const INPUT_NAMES: readonly string[] = [
  'mode',
  'matrix-value',
  'coverage-on',
  'working-directory',
  'command-prefix',
  'rust-command-prefix',
  'python-command-prefix',
  'rust-enabled',
  'python-enabled',
  'rust-command',
  'rust-test-runner',
  'rust-report-command',
  'rust-cobertura',
  'rust-from-python',
  'rust-extension-build-command',
  'rust-packages',
  'python-package',
  'python-tests',
  'python-command',
  'python-subprocess',
  'parallel-suites',
  'rust-timeout-minutes',
  'python-timeout-minutes',
  'rust-lcov',
  'rust-html-dir',
  'python-xml',
  'rust-artifact-name',
  'rust-html-artifact-name',
  'python-artifact-name',
  'upload',
  'upload-timeout-minutes',
  'retention-days',
  'compression-level',
  'non-blocking',
  'rust-min-lines',
  'python-min-lines',
  'summary-files',
  'summary-json',
  'summary-artifact-name',
  'page-artifact-name',
  'patch-coverage',
  'patch-base',
  'min-patch',
  'patch-annotations',
  'baseline',
  'baseline-branch',
  'max-drop',
  'comment',
  'github-code-coverage',
  'github-token'
]

/** Edit distance (insertions, deletions, substitutions). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    const current = [i]
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        (previous[j] as number) + 1,
        (current[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1)
      )
    }
    previous = current
  }
  return previous[b.length] as number
}

/** Whether the letters of `short` appear in `long` in order (e.g. python-pkg in python-package). */
function isSubsequence(short: string, long: string): boolean {
  let at = 0
  for (const c of long) if (c === short[at]) at++
  return at === short.length
}

/** The input name closest to `name`: fewest edits, an abbreviation (letters in order) counting far fewer. */
export function closestInput(name: string): string {
  let best = INPUT_NAMES[0] as string
  let bestScore = Infinity
  for (const candidate of INPUT_NAMES) {
    const edits = distance(name, candidate)
    const score = isSubsequence(name, candidate) ? edits * 0.3 : edits
    if (score < bestScore) {
      best = candidate
      bestScore = score
    }
  }
  return best
}
