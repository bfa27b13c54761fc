// Renders the job summary (markdown) from the run's results. Pure: no I/O.
// GitHub drops a step summary over 1 MiB entirely, so the file tables shrink
// until the whole text fits.
import type { Finding, Advisory, Status } from '../model/findings.js'
import { formatPercent } from '../reports/headline.js'
import { percent, type FileCoverage } from '../reports/model.js'
import { formatDelta } from '../pr/baseline/delta.js'
import type { SuiteResult } from '../model/suite.js'
import { describe } from './verdict.js'
import type { BaselineOutcome, MergeOutcome, PatchOutcome } from '../model/outcomes.js'

export const SUMMARY_LIMIT_BYTES = 1024 * 1024
/** Room left for anything else appended to the same step summary. */
const BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 64 * 1024

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
}

const STATUS_LINE: Record<Status, string> = {
  passed: '✅ Coverage passed.',
  warned: '⚠️ Coverage has findings; non-blocking mode is on, so the step succeeded.',
  failed: '❌ Coverage failed.'
}

/** The summary, its file tables shrunk until it fits `budgetBytes` (the step summary's limit by default). */
export function renderSummary(input: SummaryInput, budgetBytes = BUDGET_BYTES): string {
  let files = input.filesPerSuite
  for (;;) {
    const text = render(input, files)
    if (Buffer.byteLength(text) <= budgetBytes || files === 0) return text
    files = Math.floor(files / 2)
  }
}

function render(input: SummaryInput, filesPerSuite: number): string {
  const out: string[] = []
  out.push('## Coverage', '', STATUS_LINE[input.status], '')
  out.push('| Suite | Coverage | Threshold | Result | Duration | Artifact |')
  out.push('| --- | --- | --- | --- | --- | --- |')
  for (const suite of input.suites) out.push(suiteRow(suite, input))
  out.push('')
  const fromPython = input.suites.find((s) => s.fromPython)
  if (fromPython?.fromPython) out.push(fromPythonLine(fromPython, fromPython.fromPython), '')
  if (input.merge) out.push(mergeLine(input.merge), '')
  if (input.baseline) out.push(baselineLine(input.baseline), '')
  if (input.patch) out.push(...patchSection(input.patch, input.suites, filesPerSuite))

  if (input.findings.length > 0) {
    out.push(input.nonBlocking ? '### Findings (warnings: non-blocking mode)' : '### Findings', '')
    for (const finding of input.findings) out.push(`- ${escapeText(describe(finding, input.nonBlocking))}`)
    out.push('')
  }
  if (input.advisories.length > 0) {
    out.push('### Warnings', '')
    for (const advisory of input.advisories) out.push(`- ${escapeText(advisory.message)}`)
    out.push('')
  }

  for (const suite of input.suites) {
    const report = suite.report
    if (!report || filesPerSuite === 0) continue
    const rows = lowestCovered(report.files, filesPerSuite)
    if (rows.length === 0) continue
    out.push(`<details><summary>${suite.label}: ${rows.length} lowest-covered of ${report.files.length} files</summary>`, '')
    out.push('| File | Lines | Covered | Missed |', '| --- | ---: | ---: | ---: |')
    for (const file of rows) {
      const p = percent(file.lines)
      out.push(`| ${codeCell(file.path)} | ${file.lines.total} | ${p === null ? '–' : formatPercent(p)} | ${file.lines.total - file.lines.covered} |`)
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
        `| ${codeCell(f.path)} | ${f.before === null ? '–' : formatPercent(f.before)} | ${f.after === null ? '–' : formatPercent(f.after)} | ${change} |`
      )
    }
    out.push('', '</details>', '')
  }

  const notes = input.suites.filter((s) => s.headline).map((s) => `${s.label}: ${s.headline?.basis}.`)
  const rust = input.suites.find((s) => s.suite === 'rust')
  const da = rust?.report?.totals.lines
  if (rust?.headline && da && da.total > 0 && rust.report?.declared.lines) {
    const daPercent = percent(da)
    if (daPercent !== null && Math.abs(daPercent - rust.headline.percent) >= 0.005) {
      notes.push(
        `Rust by DA lines (genhtml, Codecov): ${formatPercent(daPercent)} (${da.covered}/${da.total}); llvm-cov counts lines shared by nested functions once per function.`
      )
    }
  }
  if (notes.length > 0) out.push(`<sub>${notes.map(escapeText).join(' ')}</sub>`, '')
  return out.join('\n')
}

/** rust-from-python: what the Rust tests alone run, and what only the Python tests reach. */
function fromPythonLine(suite: SuiteResult, f: NonNullable<SuiteResult['fromPython']>): string {
  const alone = f.rustTestsOnly ? `${formatPercent(f.rustTestsOnly.percent)} (${f.rustTestsOnly.covered}/${f.rustTestsOnly.total})` : 'no data'
  const all = suite.headline ? ` (${formatPercent(suite.headline.percent)} with them)` : ''
  return `**${suite.label} from the Python tests too**: the Rust tests alone run ${alone}; ${f.linesOnlyPython} line(s) only the Python tests reach${all}. The instrumented extension build took ${f.buildSeconds.toFixed(1)} s.`
}

function mergeLine(merge: MergeOutcome): string {
  const names = (suite: 'rust' | 'python'): string =>
    merge.shards
      .filter((s) => s.suite === suite)
      .map((s) => escapeText(s.artifact))
      .join(', ') || 'none'
  return `<sub>Merged from ${merge.shards.length} shard artifact(s) of this run. Rust: ${names('rust')}. Python: ${names('python')}. A line counts as run when any shard ran it.</sub>`
}

function baselineLine(baseline: BaselineOutcome): string {
  if (!baseline.run) return `<sub>No baseline to compare with: ${escapeText(baseline.unavailable ?? 'unknown reason')}.</sub>`
  const run = baseline.run
  const runText = run.url ? `[run ${run.runId}](${run.url})` : `run ${run.runId}`
  const gate = baseline.maxDrop === null ? '' : `; max-drop ${baseline.maxDrop} pp`
  return `<sub>Changes are against ${escapeText(run.branch)} (${runText}, commit ${run.commit ? `\`${run.commit.slice(0, 12)}\`` : 'unknown'})${gate}.</sub>`
}

/** Changed lines per suite: the figure, the gate and where the uncovered ones are. */
function patchSection(patch: PatchOutcome, suites: readonly SuiteResult[], filesPerSuite: number): string[] {
  if (patch.base === null) return [`**Patch coverage** was not measured: ${escapeText(patch.unavailable ?? 'unknown reason')}.`, '']
  const out = [
    `### Patch coverage`,
    '',
    `Lines changed since ${escapeText(patch.how)}; ${patch.changedFiles} changed file(s).`,
    '',
    '| Suite | Changed lines run | Gate | Not run |',
    '| --- | --- | --- | --- |'
  ]
  for (const suite of suites) {
    if (!suite.enabled || !suite.report) continue
    const p = suite.patch
    const gate = patch.minPatch === null ? 'none' : `≥ ${patch.minPatch}%`
    if (!p || p.percent === null) {
      out.push(`| ${suite.label} | no instrumented line changed | ${gate} | – |`)
      continue
    }
    const withMisses = p.files.filter((f) => f.uncovered.length > 0)
    const shown = withMisses.slice(0, Math.max(filesPerSuite, 1))
    const notRun = shown.map((f) => `${codeCell(f.path)} ${rangesText(f.uncovered, 10)}`)
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

function suiteRow(suite: SuiteResult, input: SummaryInput): string {
  if (!suite.enabled) return `| ${suite.label} | – | – | disabled | – | – |`
  const headline = suite.headline
  const delta = suite.delta?.delta
  const change = delta === null || delta === undefined ? '' : ` ${delta < -0.005 ? '▼' : delta > 0.005 ? '▲' : ''}${formatDelta(delta)}`
  const coverage = headline ? `**${formatPercent(headline.percent)}** (${headline.covered}/${headline.total})${change}` : 'no data'
  const threshold = suite.minLines === null ? 'none' : `≥ ${suite.minLines}%`
  const own = input.findings.filter((f) => f.suite === suite.suite)
  let result: string
  if (own.length === 0) result = '✅ passed'
  else {
    const kinds = [...new Set(own.map((f) => KIND_LABEL[f.kind]))].join(', ')
    result = input.nonBlocking ? `⚠️ ${kinds} (would fail)` : `❌ ${kinds}`
  }
  const duration = `${(suite.durationMs / 1000).toFixed(1)} s`
  return `| ${suite.label} | ${coverage} | ${threshold} | ${result} | ${duration} | ${artifactCell(suite)} |`
}

const KIND_LABEL: Record<Finding['kind'], string> = {
  'tool-failed': 'tool failed',
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

function artifactCell(suite: SuiteResult): string {
  const artifact = suite.artifact
  if (!artifact) return '–'
  if (artifact.error) return `not uploaded: ${escapeText(artifact.error)}`
  const size = artifact.size === undefined ? '' : ` (${formatBytes(artifact.size)})`
  const name = escapeText(artifact.name)
  return artifact.url ? `[${name}](${artifact.url})${size}` : `${name}${size}`
}

export function lowestCovered(files: readonly FileCoverage[], count: number): FileCoverage[] {
  return files
    .filter((f) => f.lines.total > 0 && f.lines.covered < f.lines.total)
    .sort((a, b) => {
      const pa = a.lines.covered / a.lines.total
      const pb = b.lines.covered / b.lines.total
      if (pa !== pb) return pa - pb
      const missed = b.lines.total - b.lines.covered - (a.lines.total - a.lines.covered)
      return missed !== 0 ? missed : a.path < b.path ? -1 : 1
    })
    .slice(0, count)
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', '|': '&#124;' }

/** Text that must not become markdown or HTML: tags, table pipes, links. */
const escapeHtml = (text: string): string => text.replace(/[&<>"|]/g, (c) => HTML_ESCAPES[c] ?? c)

export function escapeText(text: string): string {
  return escapeHtml(text).replace(/([\\`*_[\]])/g, '\\$1')
}

function codeCell(path: string): string {
  const shown = path.length > 200 ? `…${path.slice(-199)}` : path
  return `<code>${escapeHtml(shown)}</code>`
}
