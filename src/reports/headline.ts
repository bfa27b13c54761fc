// The one figure each suite is judged on: the percentage the native tool
// itself prints and gates on, with a name for where it comes from.
import type { Headline } from '../model/suite.js'
import { printedLikeCoveragePy, type CoverageGate } from './coverage-gate.js'
import { percent, type CoverageReport, type Tally } from './model.js'

/**
 * Rust: cargo-llvm-cov's own line figure (its table, JSON and --fail-under-lines)
 * equals the sums of LF/LH; when any section lacks them, fall back to the DA lines.
 */
export function rustHeadline(report: CoverageReport): Headline | null {
  if (report.declared.lines) {
    return make(report.declared.lines, 'lines', 'lines, LF/LH sums (what cargo llvm-cov prints and --fail-under-lines checks)')
  }
  return make(report.totals.lines, 'lines', "lines with DA records (genhtml's count; the report has no LF/LH)")
}

/**
 * Python: coverage.py's total (its terminal TOTAL, --cov-fail-under and JSON
 * percent_covered) counts statements plus branch arcs when branch coverage is on.
 */
export function pythonHeadline(report: CoverageReport, gate?: CoverageGate): Headline | null {
  const headline = pythonFigure(report)
  if (!headline || !gate) return headline
  return {
    ...headline,
    toolGate: {
      tool: 'coverage.py',
      precision: gate.precision,
      printed: printedLikeCoveragePy(headline.percent, gate.precision),
      source: gate.source
    }
  }
}

function pythonFigure(report: CoverageReport): Headline | null {
  const lines = report.declared.lines ?? report.totals.lines
  const branches = report.declared.branches ?? report.totals.branches
  if (branches.total > 0) {
    return make(
      { covered: lines.covered + branches.covered, total: lines.total + branches.total },
      'statements + branches',
      "statements + branches (coverage.py's total, as --cov-fail-under checks)"
    )
  }
  return make(lines, 'statements', "statements (coverage.py's total, as --cov-fail-under checks)")
}

function make(t: Tally, unit: string, basis: string): Headline | null {
  const p = percent(t)
  return p === null ? null : { percent: p, covered: t.covered, total: t.total, unit, basis }
}

/** Two decimals, never showing 100.00 unless complete or 0.00 unless nothing is covered. */
export function formatPercent(p: number): string {
  let text = p.toFixed(2)
  if (text === '100.00' && p < 100) text = '99.99'
  if (text === '0.00' && p > 0) text = '0.01'
  return `${text}%`
}
