// The flags of a rust-command, read as cargo-llvm-cov reads them.
//
// `cargo llvm-cov --no-report` ignores every flag that acts only on a report
// (cargo-llvm-cov 0.9.1, ReportOptions::validate: a buried "conflicts with
// --no-report" warning), so given in rust-command they change nothing the
// action reports. The ones that filter or annotate the report move to the
// action's report commands; the ones that choose a format, a path or a gate
// are refused (the action writes its reports itself and gates with
// rust-min-lines). On the inputs' path (read.ts): nothing heavy here.
//
// Only a command that is one plain word list is rewritten: shell operators,
// substitutions or newlines outside quotes leave nothing safe to move.

export interface Word {
  /** The word as the shell passes it (quotes removed). */
  text: string
  /** The word as written, quotes included. */
  raw: string
}

/**
 * The words of a shell line of plain commands joined by `&&` (each `&&` a word of
 * its own), or null when it has other operators, substitutions or newlines outside quotes.
 */
export function simpleWords(command: string): Word[] | null {
  const words: Word[] = []
  let text = ''
  let raw = ''
  let open = false
  const end = (): void => {
    if (open) words.push({ text, raw })
    text = ''
    raw = ''
    open = false
  }
  for (let i = 0; i < command.length; i++) {
    const c = command[i] as string
    if (c === ' ' || c === '\t') {
      end()
      continue
    }
    if (c === '&' && command[i + 1] === '&' && command[i + 2] !== '&') {
      end()
      words.push({ text: '&&', raw: '&&' })
      i++
      continue
    }
    if (';&|<>()`\n\r'.includes(c) || (c === '$' && command[i + 1] === '(')) return null
    // A comment: what follows is not the command's (bash drops it), so the line is not read as words.
    if (c === '#' && !open) return null
    open = true
    if (c === "'" || c === '"') {
      const close = findClose(command, i, c)
      if (close === -1) return null
      const inner = command.slice(i + 1, close)
      if (c === '"' && (inner.includes('`') || inner.includes('$('))) return null
      text += c === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner
      raw += command.slice(i, close + 1)
      i = close
    } else if (c === '\\' && i + 1 < command.length) {
      text += command[i + 1]
      raw += command.slice(i, i + 2)
      i++
    } else {
      text += c
      raw += c
    }
  }
  end()
  return words
}

function findClose(command: string, open: number, quote: string): number {
  for (let i = open + 1; i < command.length; i++) {
    if (quote === '"' && command[i] === '\\') i++
    else if (command[i] === quote) return i
  }
  return -1
}

/** Report-side flags that move to the report commands as they are (true: takes a value). */
const MOVABLE: Record<string, boolean> = {
  '--ignore-filename-regex': true,
  '--no-default-ignore-filename-regex': false,
  '--include-build-script': false,
  '--show-instantiations': false,
  '--show-missing-lines': false,
  '--failure-mode': true
}

const WRITES = 'the action writes its reports itself (rust-lcov, rust-html-dir, rust-cobertura)'
const GATES = 'the action gates with rust-min-lines'
/** Report-side flags that cannot move: why (and whether they take a value). */
const REFUSED: Record<string, { value: boolean; why: string }> = {
  '--json': { value: false, why: WRITES },
  '--lcov': { value: false, why: WRITES },
  '--cobertura': { value: false, why: WRITES },
  '--codecov': { value: false, why: WRITES },
  '--text': { value: false, why: WRITES },
  '--html': { value: false, why: WRITES },
  '--open': { value: false, why: WRITES },
  '--summary-only': { value: false, why: WRITES },
  '--output-path': { value: true, why: WRITES },
  '--output-dir': { value: true, why: WRITES },
  '--skip-functions': { value: false, why: 'cargo llvm-cov cannot give it to the HTML report' },
  '--fail-under-lines': { value: true, why: GATES },
  '--fail-under-functions': { value: true, why: GATES },
  '--fail-under-regions': { value: true, why: GATES },
  '--fail-under-file-lines': { value: true, why: GATES },
  '--fail-uncovered-lines': { value: true, why: GATES },
  '--fail-uncovered-regions': { value: true, why: GATES },
  '--fail-uncovered-functions': { value: true, why: GATES }
}

export const flagName = (word: string): string => word.split('=')[0] as string

const isAnd = (w: Word): boolean => w.raw === '&&'

/**
 * The `cargo llvm-cov` run among the `&&`-joined commands (the one with `--no-report`
 * first): where it starts (`cargo`), and where its own words end (before `--`, whose
 * words are the test binaries' own arguments, or the next `&&`). Null when there is none.
 */
export function llvmCovRun(words: readonly Word[]): LlvmCovRun | null {
  let best: LlvmCovRun | null = null
  let start = 0
  for (let i = 0; i <= words.length; i++) {
    if (i < words.length && !isAnd(words[i] as Word)) continue
    const segment = words.slice(start, i)
    for (let at = 0; at < segment.length && !best?.noReport; at++) {
      if ((segment[at] as Word).text !== 'cargo') continue
      const sub = subcommandAt(segment, at + 1)
      if (sub === -1 || (segment[sub] as Word).text !== 'llvm-cov') continue
      const dashes = segment.findIndex((w, k) => k > sub && w.text === '--')
      const end = start + (dashes === -1 ? segment.length : dashes)
      const noReport = words.slice(start + sub, end).some((w) => w.text === '--no-report')
      if (!best || (noReport && !best.noReport)) best = { at: start + at, body: start + sub + 1, end, noReport }
      break
    }
    start = i + 1
  }
  return best
}

/** Where `cargo llvm-cov` is in a command: `cargo` at `at`, its own words from `body` to `end`. */
export interface LlvmCovRun {
  at: number
  body: number
  end: number
  noReport: boolean
}

/** cargo's global options that take a value as the next word (`cargo -Z x llvm-cov`, `cargo --config k=v llvm-cov`). */
const CARGO_GLOBAL_WITH_VALUE = new Set(['-Z', '--config', '-C', '--color'])

/** The index of cargo's subcommand after `+toolchain` and cargo's global options, from `from`; -1 when there is none. */
function subcommandAt(words: readonly Word[], from: number): number {
  for (let k = from; k < words.length; k++) {
    const text = (words[k] as Word).text
    if (text.startsWith('+') && k === from) continue
    if (CARGO_GLOBAL_WITH_VALUE.has(text)) {
      k++
      continue
    }
    if (text.startsWith('-')) continue
    return k
  }
  return -1
}

export type ReportFlags =
  { ok: true; testCommand: string; reportArgs: string; moved: string[] } | { ok: false; flag: string; why: string; canMove: boolean }

/**
 * The report-side flags of rust-command: moved out of a `--no-report` run into
 * `reportArgs` (appended to the report commands, as written), copied when the
 * command writes a report of its own; refused when they cannot move.
 * `reportCommandCustom`: the report commands are the user's, so nothing moves there.
 */
export function reportFlags(command: string, reportCommandCustom: boolean): ReportFlags {
  const words = simpleWords(command)
  if (words === null) {
    // Not one plain command: flags are found by name only, to refuse them clearly when they would be ignored.
    if (!/(^|\s)--no-report(\s|$)/.test(command)) return { ok: true, testCommand: command, reportArgs: '', moved: [] }
    const flag = [...Object.keys(MOVABLE), ...Object.keys(REFUSED)].find((f) => new RegExp(`(^|\\s)${f}(=|\\s|$)`).test(command))
    if (!flag) return { ok: true, testCommand: command, reportArgs: '', moved: [] }
    return { ok: false, flag, why: REFUSED[flag]?.why ?? 'it cannot be moved out of a command with shell operators', canMove: flag in MOVABLE }
  }
  const run = llvmCovRun(words)
  // Another command (a script, plain cargo test): its flags are its own.
  if (run === null) return { ok: true, testCommand: command, reportArgs: '', moved: [] }
  const { noReport } = run
  const keep: Word[] = []
  const moved: string[] = []
  for (let i = run.body; i < run.end; i++) {
    const word = words[i] as Word
    const name = flagName(word.text)
    const inline = word.text.includes('=')
    if (name in MOVABLE) {
      const parts = [word.raw]
      if (MOVABLE[name] && !inline && i + 1 < run.end) parts.push((words[++i] as Word).raw)
      if (reportCommandCustom && noReport) return { ok: false, flag: name, why: 'rust-report-command is your own', canMove: true }
      if (!reportCommandCustom) moved.push(parts.join(' '))
      if (!noReport || reportCommandCustom) keep.push(...parts.map((raw) => ({ raw, text: raw })))
      continue
    }
    const refused = REFUSED[name]
    if (refused && noReport) return { ok: false, flag: name, why: refused.why, canMove: false }
    keep.push(word)
  }
  if (moved.length === 0) return { ok: true, testCommand: command, reportArgs: '', moved: [] }
  const rewritten = [...words.slice(0, run.body), ...keep, ...words.slice(run.end)]
  const testCommand = noReport ? rewritten.map((w) => w.raw).join(' ') : command
  return { ok: true, testCommand, reportArgs: moved.map((m) => ` ${m}`).join(''), moved }
}
