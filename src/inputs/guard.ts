// Decides whether this matrix entry runs coverage. Pure: no I/O.

export interface GuardDecision {
  run: boolean
  /** Why, in one sentence, for the log / notice. */
  reason: string
  /** The skip is probably a mistake (the YAML float trap): say it as a warning, not a notice. */
  suspicious?: boolean
}

export function decide(matrixValue: string, coverageOn: string): GuardDecision {
  const value = matrixValue.trim()
  const wanted = coverageOn.trim()
  if (value === '') {
    return { run: true, reason: 'No matrix-value given: this job runs coverage.' }
  }
  if (value === wanted) {
    return { run: true, reason: `This matrix entry (${value}) is the coverage entry.` }
  }
  let reason = `Coverage runs on the matrix entry ${wanted}; this entry is ${value}, so it skips.`
  if (Number(value) === Number(wanted) && !Number.isNaN(Number(value))) {
    // YAML reads an unquoted 3.10 as the number 3.1: quote versions in the matrix.
    // Then no entry matches, and nothing is measured at all: a warning, on every entry.
    reason += ` ${value} and ${wanted} differ only as written: YAML reads an unquoted 3.10 as 3.1, so probably no entry runs coverage. Quote Python versions in the matrix and in coverage-on, e.g. "3.10".`
    return { run: false, reason, suspicious: true }
  }
  return { run: false, reason }
}
