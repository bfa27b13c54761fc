// Lines a change adds or modifies, from `git diff --unified=0` output: for
// each file on the new side, the line numbers of its '+' lines. Deleted files
// and binary files contribute nothing; renames count under the new path.
// Pure: the git call is in git.ts.

/** New-side path -> sorted line numbers added or changed. */
export type ChangedLines = Map<string, number[]>

/** Undoes git's C-style quoting of unusual paths ("a/t\303\251st.rs" -> a/tést.rs). */
export function unquoteGitPath(raw: string): string {
  if (!raw.startsWith('"') || !raw.endsWith('"')) return raw
  const bytes: number[] = []
  const body = raw.slice(1, -1)
  const simple: Record<string, number> = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 }
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string
    if (c !== '\\') {
      bytes.push(...Buffer.from(c, 'utf8'))
      continue
    }
    const next = body[i + 1] ?? ''
    if (/[0-7]/.test(next)) {
      bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8))
      i += 3
    } else {
      bytes.push(simple[next] ?? next.charCodeAt(0))
      i += 1
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** The path of a '+++ ' line's target, or null for /dev/null (a deleted file). */
function newPath(header: string): string | null {
  const raw = unquoteGitPath(header.replace(/\t.*$/, ''))
  if (raw === '/dev/null') return null
  return raw.startsWith('b/') ? raw.slice(2) : raw
}

export function parseUnifiedDiff(text: string): ChangedLines {
  const changed: ChangedLines = new Map()
  let current: number[] | null = null
  let next = 0
  for (const line of text.split('\n')) {
    if (line.startsWith('diff --git ')) {
      current = null
      continue
    }
    if (line.startsWith('+++ ')) {
      const target = newPath(line.slice(4))
      current = target === null ? null : (changed.get(target) ?? [])
      if (target !== null && current) changed.set(target, current)
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk) {
      next = Number(hunk[1])
      continue
    }
    if (current === null) continue
    if (line.startsWith('+')) current.push(next++)
    else if (line.startsWith(' ')) next++
    // '-' lines and '\ No newline at end of file' do not move the new side.
  }
  for (const [file, lines] of changed) {
    if (lines.length === 0) changed.delete(file)
    else lines.sort((a, b) => a - b)
  }
  return changed
}

/** Consecutive numbers folded into [first, last] ranges. */
export function toRanges(lines: readonly number[]): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  for (const n of lines) {
    const last = ranges[ranges.length - 1]
    if (last && n === last[1] + 1) last[1] = n
    else ranges.push([n, n])
  }
  return ranges
}
