// The one failure sink. Every problem the action meets (a tool that fails, a
// missing or unreadable report, a threshold miss, an upload error, a bug of
// our own) is recorded here as a Finding; nothing else decides pass or fail.
import * as core from '@actions/core'
import { PathOutsideWorkspace } from './errors.js'
import type { SuiteId } from './inputs.js'

export type FindingKind =
  | 'tool-failed'
  | 'tests-failed'
  | 'timed-out'
  | 'report-missing'
  | 'report-unreadable'
  | 'no-data'
  | 'threshold'
  | 'patch'
  | 'drop'
  | 'upload-failed'
  | 'internal'

export interface Finding {
  suite: SuiteId | 'action'
  kind: FindingKind
  /** One line, safe to show: never a tool's raw output. */
  message: string
}

/** Advice that is always a warning, whatever the mode (e.g. paths that match nothing in the checkout). */
export interface Advisory {
  suite: SuiteId | 'action'
  message: string
}

/** The step's outcome from its findings. */
export type Status = 'passed' | 'warned' | 'failed'

export class Findings {
  readonly findings: Finding[] = []
  readonly advisories: Advisory[] = []

  add(suite: Finding['suite'], kind: FindingKind, message: string): void {
    this.findings.push({ suite, kind, message })
  }

  advise(suite: Advisory['suite'], message: string): void {
    this.advisories.push({ suite, message })
  }

  /** An unexpected error inside a phase: kept as a finding with its message, so it is never silent. */
  internal(suite: Finding['suite'], phase: string, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    this.add(suite, 'internal', `Internal error while ${phase}: ${firstLine(message)} (please report this)`)
  }

  /**
   * Runs one phase of the pipeline: an unexpected error in it (a bug of ours)
   * becomes an internal finding, so it never loses the other suite's results,
   * the summary or the outputs. Gives undefined when the phase threw.
   */
  async guard<T>(suite: Finding['suite'], phase: string, work: () => Promise<T>): Promise<T | undefined> {
    try {
      return await work()
    } catch (error) {
      this.caught(suite, phase, error)
      return undefined
    }
  }

  /** guard() for a phase that does not wait. */
  guardSync<T>(suite: Finding['suite'], phase: string, work: () => T): T | undefined {
    try {
      return work()
    } catch (error) {
      this.caught(suite, phase, error)
      return undefined
    }
  }

  private caught(suite: Finding['suite'], phase: string, error: unknown): void {
    core.debug((error as Error)?.stack ?? String(error))
    // A path leading out of the workspace is refused, not a bug: one line naming it.
    if (error instanceof PathOutsideWorkspace) this.add(suite, 'report-unreadable', error.message)
    else this.internal(suite, phase, error)
  }

  for(suite: SuiteId): Finding[] {
    return this.findings.filter((f) => f.suite === suite)
  }
}

export function firstLine(text: string): string {
  const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? ''
  return line.length > 500 ? `${line.slice(0, 500)}…` : line
}
