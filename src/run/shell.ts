// Quoting for values the action puts into a bash command line.

/** The value as one bash word: as it is when it holds only safe characters, else single-quoted. */
export function shellQuote(value: string): string {
  return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`
}
