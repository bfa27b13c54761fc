// Decides whether this matrix entry runs coverage. Pure: no I/O.

export interface GuardDecision {
  run: boolean
  /** Why, in one sentence, for the log / notice. */
  reason: string
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
    reason += ` (${value} and ${wanted} differ only as written: quote Python versions in the matrix, e.g. "3.10".)`
  }
  return { run: false, reason }
}
