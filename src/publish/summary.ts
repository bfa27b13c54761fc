// Renders the job summary (markdown) from the run's results. Pure: no I/O.
// Every value the action did not write (paths, names, branches, messages
// that quote them) goes through safety/markdown.ts, capped; links are only
// the https URLs on the server's host. GitHub drops a step summary over
// 1 MiB entirely: each value is capped, the lists are capped, and the file
// tables, then the lists, shrink until the whole text fits.
import type { Finding, Advisory, Status } from '../model/findings.js'
import { formatPercent } from '../reports/headline.js'
import { percent, type CoverageReport, type FileCoverage, type Tally } from '../reports/model.js'
import { formatDelta } from '../pr/baseline/delta.js'
import { costsText, formatBytes, suiteCosts } from './costs.js'
import type { ArtifactInfo, SuiteResult } from '../model/suite.js'
import { describe } from './verdict.js'
import type { BaselineOutcome, MergeOutcome, PatchOutcome } from '../model/outcomes.js'
import { link, untrusted } from '../safety/markdown.js'

export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Room left for anything else appended to the same step summary. */
const BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 64 * 1024

/** Caps, in characters, of one untrusted value of each sort (bytes: at most 16 per character). */
export const MAX_PATH_CHARS = 200
export const MAX_MESSAGE_CHARS = 400
export const MAX_NAME_CHARS = 100
/** Findings and warnings listed before "N more"; the rest are in the annotations and the log. */
export const MAX_LISTED = 50
/** Shard artifact names listed per suite in merge mode. */
const MAX_SHARD_NAMES = 20

export interface SummaryInput {
  suites: SuiteResult[]
  findings: readonly Finding[]
  advisories: readonly Advisory[]
  status: Status
  nonBlocking: boolean
  /** How many lowest-covered files to list per suite. */
  filesPerSuite: number
  /** How patch coverage was measured; null or absent when it was not attempted. */
  patch?: PatchOutcome | null
  /** The run compared with; null or absent when none was looked for. */
  baseline?: BaselineOutcome | null
  /** The shards merged (merge mode). */
  merge?: MergeOutcome | null
  /** GITHUB_SERVER_URL: links (artifacts, the baseline run) are made only to https URLs on its host. */
  serverUrl?: string
  /** The coverage page's unzipped artifact on the run page, when uploaded. */
  page?: { name: string; url: string } | null
  /** Masks secrets; applied to each untrusted value before it is escaped (escaping would hide a secret from a later pass). */
  redact?: (text: string) => string
}

/** How one render shows untrusted values. */
interface Show {
  text(value: string, maxChars: number): string
  code(value: string, maxChars: number): string
  link(label: string, url: string | null | undefined): string
}

/** Values up to this long are escaped once for all the renders of one renderSummary call (longer ones cost more to hash than to cap). */
const CACHED_CHARS = 8192

/** How one renderSummary call shows untrusted values (the shrinking loop renders again: escaped values are kept). */
function show(input: SummaryInput): Show {
  const redact = input.redact ?? ((t: string) => t)
  const server = input.serverUrl || 'https://github.com'
  const seen = new Map<number, Map<string, string>>()
  const text = (value: string, maxChars: number): string => {
    let byValue = seen.get(maxChars)
    if (!byValue) seen.set(maxChars, (byValue = new Map()))
    let shown = byValue.get(value)
    if (shown !== undefined) return shown
    // Redacted whole, before the cap could cut a secret in two and the escaping split it.
    shown = untrusted(redact(String(value)), maxChars)
    if (value.length <= CACHED_CHARS) byValue.set(value, shown)
    return shown
  }
  return {
    text,
    code: (value, maxChars) => `<code>${text(value, maxChars)}</code>`,
    link: (label, url) => link(label, url, server)
  }
}

const STATUS_LINE: Record<Status, string> = {
  passed: '✅ Coverage passed.',
  warned: '⚠️ Coverage has findings; non-blocking mode is on, so the step succeeded.',
  failed: '❌ Coverage failed.'
}

/** The summary, its file tables shrunk until it fits `budgetBytes` (the step summary's limit by default). */
export function renderSummary(input: SummaryInput, budgetBytes = BUDGET_BYTES): string {
  let files = input.filesPerSuite
  let listed = MAX_LISTED
  const s = show(input)
  for (;;) {
    const text = render(input, files, listed, s)
    if (Buffer.byteLength(text) <= budgetBytes || (files === 0 && listed === 0)) return text
    if (files > 0) files = Math.floor(files / 2)
    else listed = Math.floor(listed / 2)
  }
}

function render(input: SummaryInput, filesPerSuite: number, listed: number, s: Show): string {
  const out: string[] = []
  out.push('## Coverage', '', STATUS_LINE[input.status], '')
  if (input.page) {
    out.push(`📄 ${s.link('Open the coverage page in the browser', input.page.url)}: both suites, file by file, with the lines run and missed.`, '')
  }
  out.push('| Suite | Coverage | Threshold | Result | Duration | Artifact |')
  out.push('| --- | --- | --- | --- | --- | --- |')
  for (const suite of input.suites) out.push(suiteRow(suite, input, s))
  out.push('')
  const withPackages = input.suites.find((suite) => suite.packages)
  if (withPackages?.packages) out.push(packagesLine(withPackages, withPackages.packages, s), '')
  const fromPython = input.suites.find((suite) => suite.fromPython)
  if (fromPython?.fromPython) out.push(fromPythonLine(fromPython, fromPython.fromPython), '')
  if (input.merge) out.push(mergeLine(input.merge, Math.min(listed, MAX_SHARD_NAMES), s), '')
  if (input.baseline) out.push(baselineLine(input.baseline, s), '')
  const since = sinceBaselineLine(input.suites)
  if (since) out.push(since, '')
  if (input.patch) out.push(...patchSection(input.patch, input.suites, filesPerSuite, s))

  if (input.findings.length > 0) {
    out.push(input.nonBlocking ? '### Findings (warnings: non-blocking mode)' : '### Findings', '')
    // The message is untrusted; what describe() adds after it is ours.
    const lines = input.findings
      .slice(0, listed)
      .map((finding) => `${s.text(finding.message, MAX_MESSAGE_CHARS)}${describe({ ...finding, message: '' }, input.nonBlocking)}`)
    out.push(...listItems(lines, input.findings.length, 'finding(s), in the annotations and the log'), '')
  }
  if (input.advisories.length > 0) {
    out.push('### Warnings', '')
    const lines = input.advisories.slice(0, listed).map((advisory) => s.text(advisory.message, MAX_MESSAGE_CHARS))
    out.push(...listItems(lines, input.advisories.length, 'warning(s), in the annotations and the log'), '')
  }

  for (const suite of input.suites) {
    const report = suite.report
    if (!report || filesPerSuite === 0) continue
    const unit = suite.headline?.unit ?? 'lines'
    const lines = (f: FileCoverage): Tally => fileCount(f, report, unit)
    const tallies = report.files.map(lines)
    const withMisses = tallies.filter((t) => t.covered < t.total).length
    const rows = lowestCovered(report.files, filesPerSuite, lines)
    if (rows.length === 0) continue
    const shown = rows.length < withMisses ? `the ${rows.length} lowest-covered of ` : ''
    // Only files with missed lines are listed: say how many others there are, and why they are not.
    const full = tallies.filter((t) => t.total > 0 && t.covered === t.total).length
    const empty = tallies.filter((t) => t.total === 0).length
    const leftOut = [...(full > 0 ? [`${full} fully covered`] : []), ...(empty > 0 ? [`${empty} with no ${unit}`] : [])]
    out.push(
      `<details><summary>${suite.label}: ${shown}${withMisses} file(s) with missed ${unit}${leftOut.length > 0 ? ` (${leftOut.join(', ')} left out)` : ''}</summary>`,
      ''
    )
    out.push(`| File | ${capitalise(unit)} | Covered | Missed |`, '| --- | ---: | ---: | ---: |')
    for (const file of rows) {
      const t = lines(file)
      const p = percent(t)
      out.push(`| ${s.code(file.path, MAX_PATH_CHARS)} | ${t.total} | ${p === null ? '–' : formatPercent(p)} | ${t.total - t.covered} |`)
    }
    out.push('', '</details>', '')
  }
  for (const suite of input.suites) {
    const files = suite.delta?.files ?? []
    if (files.length === 0 || filesPerSuite === 0) continue
    const rows = files.slice(0, filesPerSuite)
    out.push(
      `<details><summary>${suite.label}: ${files.length} file(s) changed coverage since the baseline${rows.length < files.length ? ` (${rows.length} shown)` : ''}</summary>`,
      ''
    )
    out.push('| File | Before | After | Change |', '| --- | ---: | ---: | ---: |')
    for (const f of rows) {
      const change = f.delta !== null ? formatDelta(f.delta) : f.before === null ? 'new' : 'removed'
      out.push(
        `| ${s.code(f.path, MAX_PATH_CHARS)} | ${f.before === null ? '–' : formatPercent(f.before)} | ${f.after === null ? '–' : formatPercent(f.after)} | ${change} |`
      )
    }
    out.push('', '</details>', '')
  }

  const notes = input.suites
    .filter((suite) => suite.headline)
    .map((suite) => `${suite.label}: ${s.text(suite.headline?.basis ?? '', MAX_MESSAGE_CHARS)}.`)
  const rust = input.suites.find((suite) => suite.suite === 'rust')
  const da = rust?.report?.totals.lines
  if (rust?.headline && da && da.total > 0 && rust.report?.declared.lines) {
    const daPercent = percent(da)
    if (daPercent !== null && Math.abs(daPercent - rust.headline.percent) >= 0.005) {
      notes.push(
        `Rust by DA lines (genhtml, Codecov): ${formatPercent(daPercent)} (${da.covered}/${da.total}); llvm-cov counts lines shared by nested functions once per function.`
      )
    }
  }
  if (notes.length > 0) out.push(`<sub>${notes.join(' ')}</sub>`, '')
  return out.join('\n')
}

/** Which cargo packages the Rust figure covers (a workspace, or a narrowed selection). */
function packagesLine(suite: SuiteResult, p: NonNullable<SuiteResult['packages']>, s: Show): string {
  const names = p.names.map((name) => s.code(name, 100)).join(', ')
  return `**${suite.label} packages measured**: ${names}${p.wholeWorkspace ? ' (the whole cargo workspace)' : ''}.`
}

/** rust-from-python: what the Rust tests alone run, and what only the Python tests reach. */
function fromPythonLine(suite: SuiteResult, f: NonNullable<SuiteResult['fromPython']>): string {
  const alone = f.rustTestsOnly ? `${formatPercent(f.rustTestsOnly.percent)} (${f.rustTestsOnly.covered}/${f.rustTestsOnly.total})` : 'no data'
  const all = suite.headline ? ` (${formatPercent(suite.headline.percent)} with them)` : ''
  return `**${suite.label} from the Python tests too**: the Rust tests alone run ${alone}; ${f.linesOnlyPython} line(s) only the Python tests reach${all}. The instrumented extension build took ${f.buildSeconds.toFixed(1)} s.`
}

/** Markdown list items of the lines shown out of `total`, then one saying how many more there are. */
function listItems(shown: readonly string[], total: number, more: string): string[] {
  const items = shown.map((line) => `- ${line}`)
  if (total > shown.length) items.push(`- … and ${total - shown.length} more ${more}.`)
  return items
}

function mergeLine(merge: MergeOutcome, listed: number, s: Show): string {
  const names = (suite: 'rust' | 'python'): string => {
    const all = merge.shards.filter((shard) => shard.suite === suite)
    const shown = all.slice(0, listed).map((shard) => s.text(shard.artifact, MAX_NAME_CHARS))
    if (all.length > shown.length) shown.push(`${shown.length > 0 ? 'and ' : ''}${all.length - shown.length} more`)
    return shown.join(', ') || 'none'
  }
  return `<sub>Merged from ${merge.shards.length} shard artifact(s) of this run. Rust: ${names('rust')}. Python: ${names('python')}. A line counts as run when any shard ran it.</sub>`
}

function baselineLine(baseline: BaselineOutcome, s: Show): string {
  if (!baseline.run) return `<sub>No baseline to compare with: ${s.text(baseline.unavailable ?? 'unknown reason', MAX_MESSAGE_CHARS)}.</sub>`
  const run = baseline.run
  // The run's html_url comes from the API (or a stand-in for it): a link only when it is on this server.
  const runText = s.link(`run ${s.text(String(run.runId), 20)}`, run.url)
  const commit = !run.commit ? 'unknown' : /^[0-9a-f]{7,64}$/i.test(run.commit) ? `\`${run.commit.slice(0, 12)}\`` : s.code(run.commit, 20)
  const gate = baseline.maxDrop === null ? '' : `; max-drop ${baseline.maxDrop} pp`
  return `<sub>Changes are against ${s.text(run.branch, MAX_NAME_CHARS)} (${runText}, commit ${commit})${gate}.</sub>`
}

/** Per suite with a baseline: the coverage change beside the runtime's and the artifacts' size's; null without one. */
function sinceBaselineLine(suites: readonly SuiteResult[]): string | null {
  const parts: string[] = []
  for (const suite of suites) {
    const costs = suiteCosts(suite)
    if (!costs) continue
    const delta = suite.delta?.delta
    parts.push(`${suite.label}${delta === null || delta === undefined ? '' : ` ${formatDelta(delta)}`}, ${costsText(suite, costs)}`)
  }
  return parts.length > 0 ? `<sub>Since the baseline: ${parts.join('; ')}.</sub>` : null
}

/** Changed lines per suite: the figure, the gate and where the uncovered ones are. */
function patchSection(patch: PatchOutcome, suites: readonly SuiteResult[], filesPerSuite: number, s: Show): string[] {
  if (patch.base === null) return [`**Patch coverage** was not measured: ${s.text(patch.unavailable ?? 'unknown reason', MAX_MESSAGE_CHARS)}.`, '']
  const out = [
    `### Patch coverage`,
    '',
    `Lines changed since ${s.text(patch.how, MAX_MESSAGE_CHARS)}; ${patch.changedFiles} changed file(s).`,
    '',
    '| Suite | Changed lines run | Gate | Not run |',
    '| --- | --- | --- | --- |'
  ]
  for (const suite of suites) {
    if (!suite.enabled || !suite.report) continue
    const p = suite.patch
    const gate = patch.minPatch === null ? 'none' : `≥ ${patch.minPatch}%`
    if (!p || p.percent === null) {
      out.push(`| ${suite.label} | no instrumented ${suite.report.producer === 'coverage.py' ? 'statement' : 'line'} changed | ${gate} | – |`)
      continue
    }
    const withMisses = p.files.filter((f) => f.uncovered.length > 0)
    const shown = withMisses.slice(0, Math.max(filesPerSuite, 1))
    const notRun = shown.map((f) => `${s.code(f.path, MAX_PATH_CHARS)} ${rangesText(f.uncovered, 10)}`)
    const more = withMisses.length - shown.length
    if (more > 0) notRun.push(`and ${more} more file(s)`)
    out.push(`| ${suite.label} | **${formatPercent(p.percent)}** (${p.covered}/${p.total}) | ${gate} | ${notRun.join('<br>') || '–'} |`)
  }
  out.push('')
  return out
}

function rangesText(ranges: ReadonlyArray<readonly [number, number]>, limit: number): string {
  const text = ranges.slice(0, limit).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`))
  if (ranges.length > limit) text.push(`… (${ranges.length - limit} more)`)
  return text.join(', ')
}

function suiteRow(suite: SuiteResult, input: SummaryInput, s: Show): string {
  if (!suite.enabled) return `| ${suite.label} | – | – | disabled | – | – |`
  const headline = suite.headline
  const delta = suite.delta?.delta
  const change = delta === null || delta === undefined ? '' : ` ${delta < -0.005 ? '▼' : delta > 0.005 ? '▲' : ''}${formatDelta(delta)}`
  const printed = headline?.toolGate ? `; ${headline.toolGate.tool} prints ${headline.toolGate.printed}` : ''
  const partial = suite.partial ? ' · partial' : ''
  const coverage = headline
    ? `**${formatPercent(headline.percent)}** (${headline.covered}/${headline.total} ${headline.unit}${printed})${change}${partial}`
    : 'no data'
  const threshold = suite.minLines === null ? 'none' : `≥ ${suite.minLines}%`
  const own = input.findings.filter((f) => f.suite === suite.suite)
  let result: string
  if (own.length === 0) result = '✅ passed'
  else {
    const kinds = [...new Set(own.map((f) => KIND_LABEL[f.kind]))].join(', ')
    result = input.nonBlocking ? `⚠️ ${kinds} (would fail)` : `❌ ${kinds}`
  }
  const duration = `${(suite.durationMs / 1000).toFixed(1)} s`
  return `| ${suite.label} | ${coverage} | ${threshold} | ${result} | ${duration} | ${artifactCell(suite, s)} |`
}

const KIND_LABEL: Record<Finding['kind'], string> = {
  'tool-failed': 'tool failed',
  'tests-failed': 'tests failed',
  'timed-out': 'timed out',
  'report-missing': 'report missing',
  'report-unreadable': 'report unreadable',
  'no-data': 'no data',
  threshold: 'below threshold',
  patch: 'patch coverage',
  drop: 'coverage dropped',
  'upload-failed': 'upload failed',
  internal: 'internal error'
}

/** The suite's artifacts (Rust: the reports, then the zipped HTML report), linked, with their sizes. */
function artifactCell(suite: SuiteResult, s: Show): string {
  const artifacts = [suite.artifact, suite.htmlArtifact].filter((a) => a !== undefined)
  const first = artifacts[0]
  if (!first) return '–'
  // One reason for all of them (no artifact service here) is said once.
  if (first.error && artifacts.every((a) => a.error === first.error)) return `not uploaded: ${s.text(first.error, MAX_MESSAGE_CHARS)}`
  return artifacts.map((a) => oneArtifact(a, s, artifacts.length > 1)).join('<br>')
}

function oneArtifact(artifact: ArtifactInfo, s: Show, named: boolean): string {
  const name = s.text(artifact.name, MAX_NAME_CHARS)
  if (artifact.error) return `${named ? `${name} ` : ''}not uploaded: ${s.text(artifact.error, MAX_MESSAGE_CHARS)}`
  const size = typeof artifact.size === 'number' ? ` (${formatBytes(artifact.size)})` : ''
  return `${s.link(name, artifact.url)}${size}`
}

/** A file's lines as the suite's headline counts them: LF/LH when the headline is cargo-llvm-cov's LF/LH figure, else the line records. */
export function fileLines(file: FileCoverage, report: Pick<CoverageReport, 'declared'>): Tally {
  return report.declared.lines && file.declaredLines ? file.declaredLines : file.lines
}

/**
 * A file in the unit of its suite's headline: coverage.py's total with branch
 * coverage counts statements plus branches, per file too (its Cover column);
 * otherwise the lines (fileLines).
 */
export function fileCount(file: FileCoverage, report: Pick<CoverageReport, 'declared'>, unit: string): Tally {
  const lines = fileLines(file, report)
  if (unit !== 'statements + branches') return lines
  return { covered: lines.covered + file.branches.covered, total: lines.total + file.branches.total }
}

/** Files with missed lines, the lowest covered first (then the most missed), at most `count`. */
export function lowestCovered(files: readonly FileCoverage[], count: number, lines: (f: FileCoverage) => Tally = (f) => f.lines): FileCoverage[] {
  return files
    .filter((f) => lines(f).total > 0 && lines(f).covered < lines(f).total)
    .sort((a, b) => {
      const la = lines(a)
      const lb = lines(b)
      const pa = la.covered / la.total
      const pb = lb.covered / lb.total
      if (pa !== pb) return pa - pb
      const missed = lb.total - lb.covered - (la.total - la.covered)
      return missed !== 0 ? missed : a.path < b.path ? -1 : 1
    })
    .slice(0, count)
}

const capitalise = (word: string): string => `${word.charAt(0).toUpperCase()}${word.slice(1)}`
