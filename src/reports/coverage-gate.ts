// How coverage.py judges its total against fail_under, so the action judges
// python-min-lines the same way: `round(total, digits) < fail_under` fails, where
// digits is the precision or the threshold's own decimals if more, and
// fail_under = 100 needs exactly 100 (coverage.py's should_fail_under; the
// gate pytest-cov's --cov-fail-under uses). The precision comes from the
// config file coverage.py itself reads. Pure except for reading that file.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse as parseToml } from 'smol-toml'

export interface CoverageGate {
  /** Decimal places coverage.py rounds and prints the total with ([report] precision; default 0). */
  precision: number
  /** The config file it came from, relative to the working directory; null when the default applies. */
  source: string | null
}

/**
 * Python's round(x, digits) for a float: the exact binary value rounded to
 * `digits` decimals, a tie going to the even digit. JavaScript's toFixed(100)
 * gives that exact value's digits for any percentage (at most ~60 are needed).
 */
export function roundLikePython(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x
  const negative = x < 0
  const [whole = '0', fraction = ''] = Math.abs(x).toFixed(100).split('.')
  const kept = `${whole}${fraction.slice(0, digits)}`
  const rest = fraction.slice(digits)
  const first = rest.charCodeAt(0) - 48
  const tail = rest.slice(1).replace(/0+$/, '')
  const lastKept = kept.charCodeAt(kept.length - 1) - 48
  const up = first > 5 || (first === 5 && (tail !== '' || lastKept % 2 === 1))
  let digitsText = kept
  if (up) digitsText = (BigInt(kept) + 1n).toString().padStart(kept.length, '0')
  const cut = digitsText.length - digits
  const text = digits > 0 ? `${digitsText.slice(0, cut) || '0'}.${digitsText.slice(cut)}` : digitsText
  return (negative ? -1 : 1) * Number(text)
}

/** Whether coverage.py would pass `total` against `failUnder` at this precision. */
export function passesLikeCoveragePy(total: number, failUnder: number, precision: number): boolean {
  if (failUnder === 100) return total === 100
  return roundLikePython(total, Math.max(precision, decimalsOf(failUnder))) >= failUnder
}

/** The decimals a threshold is written with (72.5 -> 1): coverage.py rounds the total to at least that many. */
function decimalsOf(value: number): number {
  if (Number.isInteger(value)) return 0
  const [mantissa = '', exponent = '0'] = String(value).split('e')
  return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent))
}

/** The total as coverage.py prints it (display_covered): never 0 unless nothing, never 100 unless all. */
export function printedLikeCoveragePy(total: number, precision: number): string {
  const near0 = 1 / 10 ** precision
  let shown: number
  if (total > 0 && total < near0) shown = near0
  else if (total > 100 - near0 && total < 100) shown = 100 - near0
  else shown = roundLikePython(total, precision)
  return `${shown.toFixed(precision)}%`
}

/**
 * The precision from the file coverage.py reads in `dir`: `--cov-config`/COVERAGE_RCFILE
 * when given, else .coveragerc, else the first of setup.cfg, tox.ini (section
 * [coverage:report]) and pyproject.toml ([tool.coverage.report]) that holds any
 * coverage settings, as coverage.py picks them.
 */
export function readCoverageGate(dir: string, explicitFile?: string): CoverageGate {
  const found = readCoverageSection(dir, 'report', explicitFile)
  if (!found) return { precision: 0, source: null }
  const raw = found.settings.get('precision')
  const precision = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : 0
  return { precision, source: found.source }
}

/**
 * One section ([run], [report], ...) of the config file coverage.py reads in `dir`, picked as coverage.py picks
 * it (see readCoverageGate); null when no file applies. Values are as written (a TOML list joined with ", ").
 */
export function readCoverageSection(dir: string, section: string, explicitFile?: string): { settings: Map<string, string>; source: string } | null {
  const candidates: Array<{ file: string; ours: boolean }> = explicitFile
    ? [{ file: explicitFile, ours: true }]
    : [
        { file: '.coveragerc', ours: true },
        { file: 'setup.cfg', ours: false },
        { file: 'tox.ini', ours: false },
        { file: 'pyproject.toml', ours: false }
      ]
  for (const { file, ours } of candidates) {
    const full = path.resolve(dir, file)
    let text: string
    try {
      if (!fs.statSync(full).isFile()) continue
      text = fs.readFileSync(full, 'utf8')
    } catch {
      continue // absent or unreadable: coverage.py moves on to the next file too
    }
    const settings = file.endsWith('.toml') ? tomlSettings(text, section) : iniSettings(text, ours ? '' : 'coverage:', section)
    // coverage.py's own file counts when it exists at all; the shared ones only with a coverage section.
    if (!settings && !ours) continue
    return { settings: settings ?? new Map(), source: file }
  }
  return null
}

/** [section] settings of an INI file (sections prefixed with `prefix`), or null when it has no coverage section. */
function iniSettings(text: string, prefix: string, wanted: string): Map<string, string> | null {
  let section: string | null = null
  let any = false
  const report = new Map<string, string>()
  let last: string | null = null
  for (const line of text.split(/\r?\n/)) {
    if (/^\s*[#;]/.test(line) || line.trim() === '') continue
    const header = /^\s*\[([^\]]+)\]\s*$/.exec(line)
    if (header) {
      section = (header[1] as string).trim()
      if (prefix === '' || section.startsWith(prefix)) any = true
      last = null
      continue
    }
    const inWanted = section === `${prefix}${wanted}`
    // An indented line continues the value above it (a multi-line list: `patch =` then one name per line).
    if (/^\s/.test(line) && last !== null) {
      if (inWanted) report.set(last, [report.get(last), line.trim()].filter((v) => v).join(', '))
      continue
    }
    const pair = /^\s*([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line)
    last = pair ? (pair[1] as string).toLowerCase() : null
    if (pair && inWanted) report.set(last as string, (pair[2] as string).trim())
  }
  return any ? report : null
}

/** [tool.coverage.<section>] of a pyproject.toml, or null when it has no [tool.coverage] table. */
function tomlSettings(text: string, wanted: string): Map<string, string> | null {
  let data: Record<string, unknown>
  try {
    data = parseToml(text)
  } catch {
    return null // coverage.py would stop on it; pytest reports that itself
  }
  const coverage = (data['tool'] as Record<string, unknown> | undefined)?.['coverage']
  if (!coverage || typeof coverage !== 'object') return null
  const report = (coverage as Record<string, unknown>)[wanted]
  const settings = new Map<string, string>()
  if (report && typeof report === 'object') {
    for (const [key, value] of Object.entries(report)) settings.set(key.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value))
  }
  return settings
}
