// The runner's GITHUB_OUTPUT file as @actions/core writes it: one
// `name<<delimiter` line, the value's lines, then the delimiter alone. Read
// back by a local run (to list the outputs) and by the tests. Pure.

/** The outputs in the file, in the order written; a later value of the same name wins. */
export function parseOutputFile(text: string): Map<string, string> {
  const outputs = new Map<string, string>()
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const m = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '')
    if (!m) continue
    const value: string[] = []
    while (i + 1 < lines.length && lines[++i] !== m[2]) value.push(lines[i] ?? '')
    outputs.set(m[1] as string, value.join('\n'))
  }
  return outputs
}
