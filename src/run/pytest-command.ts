// The Python command the action writes when python-command is not given:
// every value in it (package, report path, each test path) is one shell word.
import { shellQuote } from './shell.js'

/**
 * python-tests as pytest arguments. A value of several lines gives one path per
 * line (so a path may hold spaces); a one-line value is split on whitespace.
 * Nothing in it is shell syntax: `tests; touch x` is three arguments for pytest.
 */
export function testPathWords(raw: string): string[] {
  const words = /[\r\n]/.test(raw.trim()) ? raw.split(/\r?\n|\r/).map((line) => line.trim()) : raw.trim().split(/\s+/)
  return words.filter((word) => word !== '')
}

/**
 * `python -m pytest --cov=<package> --cov-report=term --cov-report=xml:<xml> <tests...>`, each word quoted for bash:
 * pytest runs in the interpreter of the environment (the one command-prefix selects, e.g. `uv run python`), not
 * whichever `pytest` script is first on PATH.
 */
export function generatedPytestCommand(pythonPackage: string, xmlPath: string, tests: string): string {
  return ['python', '-m', 'pytest', `--cov=${pythonPackage}`, '--cov-report=term', `--cov-report=xml:${xmlPath}`, ...testPathWords(tests)]
    .map(shellQuote)
    .join(' ')
}
