// The action's own log lines and annotations. Every line is redacted, and a
// plain log line (info) can never become a workflow command: a value with a
// newline (a working-directory, a file name, a tool's message) is shown on one
// line with `⏎` where the line breaks were, and a line that would start with
// `::` is shown as `: :`. Annotations (notice, warning, error) go through the
// toolkit, which escapes their message (%0A, %0D, %25), and are counted per
// type: GitHub shows 10 per type per step, so past 9 the rest go to the log and
// flushAnnotations() adds one annotation saying how many and where to look.
import * as core from '@actions/core'
import { redact } from './redact.js'

export type AnnotationType = 'notice' | 'warning' | 'error'

// Named one by one, not core[type]: a computed member of the toolkit's namespace makes the bundler keep all of it
// (its OIDC client, undici), which the skip path of every other matrix entry would then load.
const ANNOTATE: Record<AnnotationType, (message: string, properties?: core.AnnotationProperties) => void> = {
  notice: core.notice,
  warning: core.warning,
  error: core.error
}

/** GitHub shows at most this many annotations of each type per step. */
export const ANNOTATIONS_PER_TYPE = 10

/** One line, safe for the log: redacted, line breaks shown as ⏎, no leading workflow command. */
export function oneLine(text: string): string {
  const flat = redact(String(text)).replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎')
  return /^\s*::/.test(flat) ? flat.replace('::', ': :') : flat
}

/** A log line (never a workflow command). */
export function info(message: string): void {
  core.info(oneLine(message))
}

const shown: Record<AnnotationType, number> = { notice: 0, warning: 0, error: 0 }
const heldBack: Record<AnnotationType, number> = { notice: 0, warning: 0, error: 0 }
/** Slots kept free: one error for the failed step's own message (core.setFailed is an error annotation). */
const reserved: Record<AnnotationType, number> = { notice: 0, warning: 0, error: 1 }

function annotate(type: AnnotationType, message: string, properties: core.AnnotationProperties = {}): boolean {
  const text = redact(String(message))
  const props = { ...properties, ...(properties.title ? { title: redact(properties.title) } : {}) }
  // One slot per type stays free for the line that says how many were left out.
  if (shown[type] < ANNOTATIONS_PER_TYPE - 1 - reserved[type]) {
    shown[type]++
    ANNOTATE[type](text, props)
    return true
  }
  heldBack[type]++
  const where = props.file ? `${props.file}${props.startLine ? `:${props.startLine}` : ''}: ` : ''
  core.info(oneLine(`${type}: ${where}${props.title ? `${props.title}: ` : ''}${text}`))
  return false
}

/** A notice annotation (counted); gives false when it went to the log instead. */
export const notice = (message: string, properties?: core.AnnotationProperties): boolean => annotate('notice', message, properties)
/** A warning annotation (counted); gives false when it went to the log instead. */
export const warning = (message: string, properties?: core.AnnotationProperties): boolean => annotate('warning', message, properties)
/** An error annotation (counted); gives false when it went to the log instead. */
export const error = (message: string, properties?: core.AnnotationProperties): boolean => annotate('error', message, properties)

/** Fails the step with one redacted message (its error annotation uses the reserved slot). */
export function setFailed(message: string): void {
  core.setFailed(redact(String(message)))
}

/**
 * One annotation per type for those left out (how many, where to look); call
 * once after the last annotation of the step.
 */
export function flushAnnotations(): void {
  for (const type of ['error', 'warning', 'notice'] as const) {
    const count = heldBack[type]
    if (count === 0) continue
    heldBack[type] = 0
    shown[type]++
    ANNOTATE[type](
      `${count} more ${type}(s) not shown as annotations (GitHub shows ${ANNOTATIONS_PER_TYPE} per type per step); see the job summary and the log.`
    )
  }
}

/** How many annotations of each type were shown and held back so far (for tests). */
export function annotationCounts(): { shown: Record<AnnotationType, number>; heldBack: Record<AnnotationType, number> } {
  return { shown: { ...shown }, heldBack: { ...heldBack } }
}

/** Back to no annotations (for tests). */
export function resetAnnotations(): void {
  for (const type of ['notice', 'warning', 'error'] as const) {
    shown[type] = 0
    heldBack[type] = 0
  }
}

/** A step output, redacted. */
export function setOutput(name: string, value: string): void {
  core.setOutput(name, redact(value))
}
