// The baseline's coverage-summary.json comes from another run's artifact: it is
// read as untrusted input. Only the fields the deltas use are taken, each
// checked for its type and range (percentages finite from 0 to 100, counts
// and artifact sizes non-negative safe integers, covered <= total, runtimes
// finite from 0 to a year, paths short strings without control characters, a
// bounded number of files); runtime and sizes may be absent (older summaries
// lack them) and then show no change; anything else makes the whole baseline
// ignored with one line saying which field and why. Pure.
import { SUMMARY_SCHEMA } from '../../model/coverage-summary.js'
import type { SuiteId } from '../../model/inputs.js'
import type { Tally } from '../../reports/model.js'
import { InvalidSummary } from '../../model/errors.js'

/** What a baseline suite must give the deltas (a SuiteSummary is one). */
export interface BaselineSuite {
  enabled: boolean
  headline: { percent: number } | null
  files: Array<{ path: string; lines: Tally }>
  /** Absent or null in baselines that did not record them. */
  durationSeconds?: number | null
  artifact?: { size: number | null } | null
  /** Rust: the zipped HTML report's own artifact (before it had one, it was inside `artifact`). */
  htmlArtifact?: { size: number | null } | null
}

export interface BaselineSummary {
  commit: string | null
  suites: Partial<Record<SuiteId, BaselineSuite>>
}

/** More files than any real project's report holds; a baseline beyond it is not read. */
export const MAX_BASELINE_FILES = 200_000
/** A suite's runtime beyond a year is no runtime. */
export const MAX_BASELINE_SECONDS = 366 * 24 * 3600
export const MAX_BASELINE_PATH = 4096

const show = (value: unknown): string => {
  const text = JSON.stringify(value) ?? String(value)
  return text.length > 40 ? `${text.slice(0, 40)}…` : text
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

function object(value: unknown, where: string): Record<string, unknown> {
  if (!isObject(value)) throw new InvalidSummary(`${where} must be an object, got ${show(value)}`)
  return value
}

function count(value: unknown, where: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidSummary(`${where} must be a whole number from 0, got ${show(value)}`)
  }
  return value
}

function tally(value: unknown, where: string): Tally {
  const t = object(value, where)
  const covered = count(t['covered'], `${where}.covered`)
  const total = count(t['total'], `${where}.total`)
  if (covered > total) throw new InvalidSummary(`${where}.covered (${covered}) is more than ${where}.total (${total})`)
  return { covered, total }
}

function suite(value: unknown, where: string): BaselineSuite {
  const s = object(value, where)
  if (typeof s['enabled'] !== 'boolean') throw new InvalidSummary(`${where}.enabled must be true or false, got ${show(s['enabled'])}`)
  let headline: BaselineSuite['headline'] = null
  if (s['headline'] !== null && s['headline'] !== undefined) {
    const h = object(s['headline'], `${where}.headline`)
    const percent = h['percent']
    if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw new InvalidSummary(`${where}.headline.percent must be a number from 0 to 100, got ${show(percent)}`)
    }
    tally(h, `${where}.headline`)
    headline = { percent }
  }
  const rawFiles = s['files'] ?? []
  if (!Array.isArray(rawFiles)) throw new InvalidSummary(`${where}.files must be a list, got ${show(rawFiles)}`)
  if (rawFiles.length > MAX_BASELINE_FILES) {
    throw new InvalidSummary(`${where}.files holds ${rawFiles.length} files, more than ${MAX_BASELINE_FILES}`)
  }
  const files = rawFiles.map((raw: unknown, i) => {
    const f = object(raw, `${where}.files[${i}]`)
    const path = f['path']
    if (typeof path !== 'string' || path === '' || path.length > MAX_BASELINE_PATH || /[\u0000-\u001f\u007f]/.test(path)) {
      throw new InvalidSummary(`${where}.files[${i}].path must be a path of 1 to ${MAX_BASELINE_PATH} characters, got ${show(path)}`)
    }
    return { path, lines: tally(f['lines'], `${where}.files[${i}].lines`) }
  })
  let durationSeconds: number | null = null
  const seconds = s['durationSeconds']
  if (seconds !== null && seconds !== undefined) {
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_BASELINE_SECONDS) {
      throw new InvalidSummary(`${where}.durationSeconds must be a number of seconds from 0 to ${MAX_BASELINE_SECONDS}, got ${show(seconds)}`)
    }
    durationSeconds = seconds
  }
  return {
    enabled: s['enabled'],
    headline,
    files,
    durationSeconds,
    artifact: artifactSize(s['artifact'], `${where}.artifact`),
    htmlArtifact: artifactSize(s['htmlArtifact'], `${where}.htmlArtifact`)
  }
}

/** An artifact's recorded size (null: not uploaded); the artifact itself null when absent. */
function artifactSize(value: unknown, where: string): { size: number | null } | null {
  if (value === null || value === undefined) return null
  const a = object(value, where)
  const size = a['size']
  return { size: size === null || size === undefined ? null : count(size, `${where}.size`) }
}

/** The checked baseline from a coverage-summary.json's text; an InvalidSummary names the first field that is wrong. */
export function parseBaselineSummary(text: string): BaselineSummary {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new InvalidSummary('it is not JSON')
  }
  const root = object(data, 'the summary')
  if (root['schema'] !== SUMMARY_SCHEMA) {
    throw new InvalidSummary(`it is not a coverage-summary.json of this action (schema ${show(root['schema'] ?? null)})`)
  }
  const suites = object(root['suites'], 'suites')
  const out: BaselineSummary['suites'] = {}
  for (const id of ['rust', 'python'] as const) {
    if (suites[id] !== undefined && suites[id] !== null) out[id] = suite(suites[id], `suites.${id}`)
  }
  const run = isObject(root['run']) ? root['run'] : {}
  const commit = typeof run['commit'] === 'string' && /^[0-9a-f]{40,64}$/.test(run['commit']) ? run['commit'] : null
  return { commit, suites: out }
}
