// The one-page HTML coverage report of both suites. Pure: suites and a source
// lookup in, chunks of HTML out (the caller writes them in order).
//
// Everything from reports and sources is untrusted: every path and source line
// is HTML-escaped (& < > " '), and ids and anchors are derived from indexes,
// never from paths. Inline CSS only, no script, no external resource, and a
// Content-Security-Policy that forbids scripts should escaping ever fail: the
// page reads the same with scripts disabled (anchors, <details>). Its only link
// out is the Rust HTML report's artifact, an https URL on the run's server.
//
// Bounded: sources are shown in full while the page stays under a size budget,
// the files with the most missed lines first; the rest are listed and the page
// says so. Linear in the size of the report and of the sources shown.
import type { SuiteResult } from '../model/suite.js'
import type { PatchFile } from '../model/outcomes.js'
import { formatDelta } from '../pr/baseline/delta.js'
import { costsText, formatBytes, suiteCosts } from '../publish/costs.js'
import { formatPercent } from '../reports/headline.js'
import { LINE_HIT, LINE_MISSED, LINE_NONE, percent, type FileCoverage } from '../reports/model.js'

/** A source file as the page's caller found it: its text, or why it is not shown (one line). */
export type SourceLookup = { text: string } | { skipped: string }

export interface PageOptions {
  /** Plain text; escaped. */
  title: string
  /** One plain-text line under the title (commit, run, date); escaped. */
  subtitle?: string
  /** The source of a report path; called at most once per file, only for files the budget leaves room for. */
  source: (path: string, suite: SuiteResult) => SourceLookup
  /** Size budget of the whole page in bytes (default PAGE_BUDGET_BYTES). */
  budgetBytes?: number
  /** min-patch, to judge each suite's patch figure. */
  minPatch?: number | null
  /** GITHUB_SERVER_URL: the only links out of the page are https URLs on its host (an artifact on the run page). */
  serverUrl?: string
}

export const PAGE_BUDGET_BYTES = 20 * 1024 * 1024

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
const NEEDS_ESCAPE = /[&<>"']/
const ESCAPE_ALL = /[&<>"']/g

/** Text safe in element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c] as string) : text
}

/** Missed line ranges; runs of missed lines separated only by lines that are not instrumented are one range. */
export function missedRanges(states: Uint8Array | undefined): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  if (!states) return ranges
  let start = 0
  let end = 0
  for (let line = 1; line < states.length; line++) {
    const state = states[line]
    if (state === LINE_MISSED) {
      if (start === 0) start = line
      end = line
    } else if (state === LINE_HIT && start !== 0) {
      ranges.push([start, end])
      start = 0
    }
  }
  if (start !== 0) ranges.push([start, end])
  return ranges
}

interface Entry {
  suite: SuiteResult
  file: FileCoverage
  /** Anchor id: `f` and the file's index on the page. */
  id: string
  missed: number
  patch: PatchFile | undefined
  delta: number | null | undefined
  /** The rendered section, once it fits the budget. */
  section?: string
  /** Why its source is not on the page. */
  listedOnly?: boolean
}

/** The page as chunks of HTML, in order; join or write them one after another. */
export function renderPage(suites: readonly SuiteResult[], options: PageOptions): string[] {
  const budget = options.budgetBytes ?? PAGE_BUDGET_BYTES
  const perSuite = suites.map((suite) => entriesOf(suite))
  let index = 0
  for (const entries of perSuite) for (const entry of entries) entry.id = `f${index++}`

  // The room left for file sections once the header and the tables are in (an estimate from their size per row).
  const all = perSuite.flat()
  let frame = 16 * 1024
  for (const entry of all) frame += 260 + 2 * entry.file.path.length
  let room = budget - frame
  // Files with missed lines first (most missed first, across suites), then the others in table order.
  const order = all.filter((e) => e.missed > 0).sort((a, b) => b.missed - a.missed)
  for (const entry of all) if (entry.missed === 0) order.push(entry)
  let full = true
  for (const entry of order) {
    if (full) {
      const section = fileSection(entry, options.source(entry.file.path, entry.suite))
      const bytes = Buffer.byteLength(section)
      if (bytes <= room) {
        entry.section = section
        room -= bytes
        continue
      }
      full = false
    }
    entry.listedOnly = true
  }
  const listed = all.filter((e) => e.listedOnly)

  const chunks: string[] = [head(options)]
  chunks.push(cards(suites, options.minPatch ?? null, options.serverUrl ?? 'https://github.com'))
  if (listed.length > 0) {
    const withMisses = listed.filter((e) => e.missed > 0).length
    chunks.push(
      `<p class="note"><strong>This page is limited to ${escapeHtml(formatBytes(budget))}.</strong> ${all.length - listed.length} of ${all.length} files are shown with their source, those with the most missed lines first; ${listed.length} are only listed in the tables${withMisses > 0 ? ` (${withMisses} of them with missed lines)` : ' (all of them fully covered)'}.</p>\n`
    )
  }
  // Both tables first (one screen shows what to look at), then the sources, suite by suite.
  suites.forEach((suite, s) => chunks.push(suiteTable(suite, s, perSuite[s] ?? [])))
  suites.forEach((suite, s) => {
    const shown = (perSuite[s] ?? []).filter((e) => e.section)
    if (shown.length === 0) return
    chunks.push(`<section id="s${s}-sources">\n<h2>${escapeHtml(suite.label)} sources</h2>\n`)
    for (const entry of shown) chunks.push(entry.section as string)
    chunks.push('</section>\n')
  })
  chunks.push(
    '<footer><p>Legend: <span class="k h">run</span> <span class="k m">not run</span> <span class="k c">changed by the pull request and not run</span>; lines without a mark are not instrumented. Written by rust-python-coverage.</p></footer>\n</body>\n</html>\n'
  )
  return chunks
}

function entriesOf(suite: SuiteResult): Entry[] {
  const files = suite.enabled ? (suite.report?.files ?? []) : []
  const patch = new Map((suite.patch?.files ?? []).map((f) => [f.path, f] as const))
  const delta = new Map((suite.delta?.files ?? []).map((f) => [f.path, f.delta] as const))
  const entries = files.map((file): Entry => ({
    suite,
    file,
    id: '',
    missed: file.lines.total - file.lines.covered,
    patch: patch.get(file.path),
    delta: delta.has(file.path) ? (delta.get(file.path) ?? null) : undefined
  }))
  return entries.sort((a, b) => b.missed - a.missed || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0))
}

const STYLE = `
:root{color-scheme:light;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--hit:#dafbe1;--miss:#ffebe9;--missbar:#cf222e;--hitbar:#1a7f37;--chg:#0969da;--bg2:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px;font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}
a{color:var(--chg)}code,pre,.src{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.sub,.muted{color:var(--muted)}
nav{margin:8px 0 16px}nav a{margin-right:12px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:8px 14px;min-width:260px}
.card.pass{border-left-color:var(--hitbar)}.card.fail{border-left-color:var(--missbar)}
.card h2{margin:0;font-size:16px}.card .fig{font-size:28px;font-weight:600;margin:2px 0}.card p{margin:2px 0}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px}
table.files{border-collapse:collapse;margin:8px 0 16px}
.files th,.files td{border:1px solid var(--line);padding:3px 8px;text-align:right}
.files th{background:var(--bg2)}.files td:first-child,.files th:first-child{text-align:left}
.files td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
details.file{border:1px solid var(--line);border-radius:6px;margin:10px 0}
details.file>summary{background:var(--bg2);padding:6px 10px;cursor:pointer}
details.file>p{margin:6px 10px}
table.src{border-collapse:collapse;width:100%;tab-size:4}
.src td{padding:0 8px;white-space:pre-wrap;word-break:break-all;vertical-align:top}
.src td:first-child{width:1%;text-align:right;white-space:nowrap;color:var(--muted);border-right:1px solid var(--line);user-select:none}
.src td:first-child a{color:inherit;text-decoration:none}
.src tr.h td:last-child{background:var(--hit)}.src tr.m td:last-child{background:var(--miss)}
.src tr.h td:first-child{box-shadow:inset 4px 0 var(--hitbar)}.src tr.m td:first-child{box-shadow:inset 4px 0 var(--missbar)}
.src tr.c td:first-child{box-shadow:inset 4px 0 var(--chg);font-weight:700;color:var(--chg)}
.src tr:target td{outline:2px solid var(--chg)}
.k{padding:0 6px;border-radius:3px}.k.h{background:var(--hit)}.k.m{background:var(--miss)}.k.c{border-left:4px solid var(--chg)}
footer{margin-top:24px;color:var(--muted);font-size:12px}
`

function head(options: PageOptions): string {
  const title = escapeHtml(options.title)
  return (
    '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
    '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
    `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
    `<header><h1>${title}</h1>${options.subtitle ? `<p class="sub">${escapeHtml(options.subtitle)}</p>` : ''}</header>\n`
  )
}

function cards(suites: readonly SuiteResult[], minPatch: number | null, serverUrl: string): string {
  const out: string[] = ['<nav>']
  suites.forEach((suite, s) => out.push(`<a href="#s${s}">${escapeHtml(suite.label)} files</a>`))
  out.push('</nav>\n<div class="cards">\n')
  for (const suite of suites) out.push(card(suite, minPatch, serverUrl))
  out.push('</div>\n')
  return out.join('')
}

function card(suite: SuiteResult, minPatch: number | null, serverUrl: string): string {
  const label = escapeHtml(suite.label)
  const headline = suite.headline
  if (!suite.enabled) return `<div class="card"><h2>${label}</h2><p class="fig">–</p><p>Not run (disabled).</p></div>\n`
  if (!headline)
    return `<div class="card fail"><h2>${label}</h2><p class="fig">–</p><p>No figure: the report is missing, unreadable or empty.</p></div>\n`
  const passes = suite.minLines === null || headline.percent >= suite.minLines
  const lines: string[] = [
    `<p>${headline.covered} of ${headline.total} <span class="muted">(${escapeHtml(headline.basis)})</span></p>`,
    suite.minLines === null ? '<p>No threshold.</p>' : `<p>Threshold ${suite.minLines}%: <strong>${passes ? 'passes' : 'below it'}</strong></p>`
  ]
  const patch = suite.patch
  if (patch) {
    if (patch.percent === null) lines.push('<p>Patch: no changed line is instrumented.</p>')
    else {
      const verdict =
        minPatch === null ? '' : patch.percent >= minPatch ? ` — min ${minPatch}%: passes` : ` — min ${minPatch}%: <strong>below it</strong>`
      lines.push(`<p>Patch: <strong>${formatPercent(patch.percent)}</strong> (${patch.covered} of ${patch.total} changed lines run)${verdict}</p>`)
    }
  }
  const delta = suite.delta
  const costs = suiteCosts(suite)
  if ((delta && delta.delta !== null) || costs) {
    const change =
      delta && delta.delta !== null
        ? `<strong>${delta.delta < -0.005 ? '▼' : delta.delta > 0.005 ? '▲' : ''}${escapeHtml(formatDelta(delta.delta))}</strong>`
        : ''
    const rest = costs ? escapeHtml(costsText(suite, costs)) : ''
    lines.push(`<p>Since the baseline: ${change}${change && rest ? '; ' : ''}${rest}</p>`)
  }
  const html = suite.htmlArtifact
  const url = html && !html.error ? onServer(html.url, serverUrl) : null
  if (html && url) {
    const size = typeof html.size === 'number' ? ` (${escapeHtml(formatBytes(html.size))})` : ''
    lines.push(`<p>HTML report: <a href="${escapeHtml(url)}">${escapeHtml(html.name)}</a>${size}</p>`)
  }
  return `<div class="card ${passes ? 'pass' : 'fail'}"><h2>${label}</h2><p class="fig">${formatPercent(headline.percent)}</p>${lines.join('')}</div>\n`
}

/** The URL when it is https on the server's host, else null. */
function onServer(url: string | undefined, serverUrl: string): string | null {
  if (!url) return null
  try {
    const u = new URL(url)
    return u.protocol === 'https:' && u.host === new URL(serverUrl).host ? u.href : null
  } catch {
    return null
  }
}

function suiteTable(suite: SuiteResult, s: number, entries: readonly Entry[]): string {
  const open = `<section id="s${s}">\n<h2>${escapeHtml(suite.label)} files</h2>\n`
  if (!suite.enabled) return `${open}<p class="muted">Not run.</p>\n</section>\n`
  if (!suite.report) return `${open}<p class="muted">No report was read.</p>\n</section>\n`
  if (entries.length === 0) return `${open}<p class="muted">The report names no files.</p>\n</section>\n`
  const out: string[] = [open]
  const branches = entries.some((e) => e.file.branches.total > 0)
  const patch = Boolean(suite.patch)
  const delta = Boolean(suite.delta)
  out.push(
    `<p class="muted">${entries.length} files, the most missed lines first${suite.reportPath ? ` (from ${escapeHtml(suite.reportPath)})` : ''}.</p>\n<table class="files"><thead><tr><th>File</th><th>Lines</th><th>Covered</th><th>Missed</th>`,
    branches ? '<th>Branches</th>' : '',
    patch ? '<th>Changed, not run</th>' : '',
    delta ? '<th>Since baseline</th>' : '',
    '</tr></thead><tbody>\n'
  )
  for (const e of entries) {
    const path = escapeHtml(e.file.path)
    const p = percent(e.file.lines)
    out.push(
      `<tr><td>${e.section ? `<a href="#${e.id}">${path}</a>` : `${path} <span class="muted">(listed only)</span>`}</td><td>${e.file.lines.total}</td><td>${p === null ? '–' : formatPercent(p)}</td><td>${e.missed}</td>`
    )
    if (branches) {
      const b = percent(e.file.branches)
      out.push(`<td>${b === null ? '–' : `${formatPercent(b)} of ${e.file.branches.total}`}</td>`)
    }
    if (patch) out.push(`<td>${e.patch ? e.patch.total - e.patch.covered : '–'}</td>`)
    if (delta) out.push(`<td>${e.delta === undefined ? '' : e.delta === null ? 'new' : escapeHtml(formatDelta(e.delta))}</td>`)
    out.push('</tr>\n')
  }
  out.push('</tbody></table>\n</section>\n')
  return out.join('')
}

const MAX_RANGES_LISTED = 200

function fileSection(entry: Entry, source: SourceLookup): string {
  const { file, id } = entry
  const path = escapeHtml(file.path)
  const p = percent(file.lines)
  const states = file.lineStates
  const ranges = missedRanges(states)
  const figures = `${file.lines.covered} of ${file.lines.total} lines run${p === null ? '' : ` (${formatPercent(p)})`}, ${entry.missed} missed${entry.patch ? `; ${entry.patch.total - entry.patch.covered} changed line(s) not run` : ''}`
  const out: string[] = [`<details class="file" id="${id}"${entry.missed > 0 ? ' open' : ''}><summary><code>${path}</code> — ${figures}</summary>\n`]
  const text = 'text' in source ? source.text : null
  if (ranges.length > 0) {
    const shown = ranges.slice(0, MAX_RANGES_LISTED).map(([a, b]) => {
      const label = a === b ? `${a}` : `${a}–${b}`
      return text === null ? label : `<a href="#${id}-${a}">${label}</a>`
    })
    const more = ranges.length > MAX_RANGES_LISTED ? ` and ${ranges.length - MAX_RANGES_LISTED} more` : ''
    out.push(`<p>Missed: ${shown.join(', ')}${more}</p>\n`)
  }
  if (text === null) {
    out.push(`<p class="muted">Source not shown: ${escapeHtml('skipped' in source ? source.skipped : '')}</p>\n</details>\n`)
    return out.join('')
  }
  const lines = text.split('\n')
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop()
  const reported = states ? lastMarked(states) : 0
  if (reported > lines.length) {
    out.push(
      `<p class="note">The report names line ${reported} but this source has ${lines.length} lines: the file changed after the tests ran, or the report is not from this checkout.</p>\n`
    )
  }
  const changed = changedLines(entry.patch, lines.length)
  out.push('<table class="src"><tbody>\n')
  for (let n = 1; n <= lines.length; n++) {
    let line = lines[n - 1] as string
    if (line.endsWith('\r')) line = line.slice(0, -1)
    const state = states && n < states.length ? states[n] : LINE_NONE
    let cls = state === LINE_HIT ? 'h' : state === LINE_MISSED ? 'm' : ''
    if (changed?.[n]) cls += cls ? ' c' : 'c'
    out.push(`<tr id="${id}-${n}"${cls ? ` class="${cls}"` : ''}><td><a href="#${id}-${n}">${n}</a><td>${escapeHtml(line)}\n`)
  }
  out.push('</tbody></table>\n</details>\n')
  return out.join('')
}

/** The changed lines to mark, by line number: the patch gives the changed lines not run, as ranges. */
function changedLines(patch: PatchFile | undefined, count: number): Uint8Array | null {
  if (!patch || patch.uncovered.length === 0) return null
  const marks = new Uint8Array(count + 1)
  for (const [a, b] of patch.uncovered) for (let n = Math.max(1, a); n <= Math.min(b, count); n++) marks[n] = 1
  return marks
}

function lastMarked(states: Uint8Array): number {
  for (let n = states.length - 1; n > 0; n--) if (states[n] !== LINE_NONE) return n
  return 0
}
