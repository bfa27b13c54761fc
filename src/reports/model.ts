// The one coverage model every parser produces and every consumer (summary,
// verdict, outputs, coverage-summary.json, patch coverage, shard merge) reads.
// Pure data: no I/O here.

/** covered out of total; percent() turns it into a number without rounding. */
export interface Tally {
  covered: number
  total: number
}

export const emptyTally = (): Tally => ({ covered: 0, total: 0 })

/** Unrounded percentage, or null when there is nothing to measure (never 100 % of nothing). */
export function percent(t: Tally): number | null {
  return t.total > 0 ? (t.covered * 100) / t.total : null
}

/**
 * Per-line state of one source file, indexed by line number (index 0 unused).
 * LINE_NONE = not instrumented, LINE_MISSED = instrumented and never run,
 * LINE_HIT = run at least once. Kept as bytes so memory follows the number of
 * source lines, not the size of the report (flat on a 1 GB report).
 */
export const LINE_NONE = 0
export const LINE_MISSED = 1
export const LINE_HIT = 2

export interface FileCoverage {
  /** Source path with '/' separators, relative to the workspace when it lies inside it. */
  path: string
  /** From the per-line records (lcov DA / Cobertura <line>): distinct lines, hit when count > 0. */
  lines: Tally
  /** lcov BRDA ('-' counts as found, not hit) / Cobertura condition-coverage. */
  branches: Tally
  /** lcov FNF/FNH when present (function groups), else FN/FNDA; Cobertura <method> hits. */
  functions: Tally
  /** What the report itself declares for this file (lcov LF/LH), when it does. */
  declaredLines?: Tally
  /** Line states, see LINE_*; absent when the parser was asked not to keep them. */
  lineStates?: Uint8Array
}

export type ReportFormat = 'lcov' | 'cobertura'

export interface CoverageReport {
  format: ReportFormat
  /** The report file as the user named it (for messages). */
  source: string
  /** Producer when recognisable: 'llvm-cov', 'coverage.py', 'istanbul', 'gcovr', 'lcov2cobertura', ... */
  producer?: string
  producerVersion?: string
  /** One entry per source path (repeated sections merged), sorted by path. */
  files: FileCoverage[]
  /** Sums over files of the per-line records (what genhtml / Codecov / diff-cover compute). */
  totals: { lines: Tally; branches: Tally; functions: Tally }
  /**
   * Totals as the report declares them: lcov sums of LF/LH (set only when every
   * section had LF/LH), Cobertura root lines-valid/lines-covered and
   * branches-valid/branches-covered (set only when present).
   */
  declared: { lines?: Tally; branches?: Tally }
  /** Each names the report file and, where it applies, the line: "rust.lcov:12: negative count -3 in DA; read as 0". */
  warnings: string[]
  /**
   * Set (always to true) when the report ends before its data does: an lcov
   * report whose last section has no end_of_record (cut mid-section). The
   * figures are those of what was read, the last section included; a warning
   * says the same. Absent for a complete report. (A cut Cobertura report is
   * not well-formed XML and is refused with a ReportError instead.)
   */
  truncated?: true
}

/** Options shared by the parsers. */
export interface ParseOptions {
  /** Absolute workspace root; absolute source paths under it are made relative. */
  root?: string
  /** Keep per-line states (needed for patch coverage and shard merges). Default true. */
  keepLineStates?: boolean
  /** Name shown in messages instead of the path (e.g. the path relative to the workspace). */
  displayName?: string
  /** Files are expected to appear in several sections (shard reports put together): no warning about it. */
  repeatedFilesExpected?: boolean
}
