// The Rust report commands over the profiles of a run: the lcov first (it
// merges the raw profiles), then the HTML and the Cobertura reports, side by
// side when cargo-llvm-cov can read the merged profiles without merging them
// again (profiles-aside.ts), else one after the other. Side by side, the first
// one's log streams and the other's is shown after it.
import * as path from 'node:path'
import * as log from '../safety/log.js'
import type { Inputs } from '../model/inputs.js'
import type { CommandResult } from '../model/suite.js'
import type { RunState } from '../model/run-state.js'
import type { CargoWorkspace } from './cargo-scope.js'
import { commandOk } from './command.js'
import { type DeferredLog, runLogged, runSideBySide } from './logged-command.js'
import { profilesPlace, type ProfilesPlace } from './llvm-cov-folders.js'
import { lockedTarget } from './lock.js'
import { readsProfdataAlone, setProfilesAside } from './profiles-aside.js'
import { liesInside } from '../safety/workspace-fs.js'
import { shellQuote } from './shell.js'
import { rustCoberturaPath } from './suite-files.js'

/**
 * The report commands over the profiles: lcov, HTML, and Cobertura when asked for.
 * `crateArgs`: the manifest and package selection of the default report command
 * (report-side flags moved from rust-command follow them).
 */
export function rustReportSteps(inputs: Inputs, crateArgs: string): string[] {
  const rust = inputs.rust
  const report = rust.reportCommand + (rust.customReportCommand ? '' : crateArgs + rust.reportArgs)
  return [
    `${report} --lcov --output-path ${shellQuote(rust.lcov)}`,
    `${report} --html --output-dir ${shellQuote(path.dirname(rust.htmlDir))}`,
    ...(rust.cobertura ? [`${report} --cobertura --output-path ${shellQuote(rustCoberturaPath(inputs))}`] : [])
  ]
}

export interface LaterReports {
  /** The report commands after the one that merged the profiles. */
  commands: string[]
  /** Where cargo-llvm-cov keeps the profiles; null (one after the other) for a report command of one's own. */
  place: ProfilesPlace | null
  /** When the report that merged the profiles started (ms). */
  mergedSince: number
  /** cargo-llvm-cov's version, when known. */
  cargoLlvmCovVersion: string | undefined
  /** The cargo target folder this run locked (lock.ts lockedTarget): the profiles are moved only inside it, so inside the workspace. */
  held: string | null
}

/**
 * Runs the reports after the lcov one, side by side when it is safe (two or more, the default report command, a
 * cargo-llvm-cov that reads its profdata file as it is, that file written by the merging report, and its folder inside
 * the cargo target folder this run holds: no other run of the action moves or cleans those profiles meanwhile), else
 * one after the other up to the first failure. `runOne` runs a command, its log kept in `deferred` when given. The results come
 * in the commands' order.
 */
export async function runLaterReports(
  later: LaterReports,
  runOne: (command: string, deferred?: DeferredLog) => Promise<CommandResult>
): Promise<CommandResult[]> {
  const [first, ...rest] = later.commands
  if (first === undefined) return []
  const place = later.place
  const held = place !== null && later.held !== null && insideHeld(place.dir, later.held)
  const aside = rest.length > 0 && place && held && readsProfdataAlone(later.cargoLlvmCovVersion) ? setProfilesAside(place, later.mergedSince) : null
  if (!aside) {
    const results: CommandResult[] = []
    for (const command of later.commands) {
      const result = await runOne(command)
      results.push(result)
      if (!commandOk(result)) break
    }
    return results
  }
  log.info(`The other Rust reports run side by side, from the profiles the lcov report merged; the second one's log follows the first one's.`)
  try {
    // A cancelled run goes no further: its cleanups show the kept log and put the profiles back.
    return await runSideBySide(
      () => runOne(first),
      rest.map((command) => (deferred: DeferredLog) => runOne(command, deferred))
    )
  } finally {
    const problem = aside.putBack()
    if (problem) log.warning(`The raw profiles set aside while the reports ran were not all put back in ${later.place?.dir}: ${problem}`)
  }
}

/**
 * The Rust suite's reports after the lcov one (runLaterReports), each with what is left of the suite's time: where
 * the profiles are, from the environment of the commands and cargo metadata's workspace; the folder this run holds.
 */
export async function runLaterRustReports(
  run: RunState,
  commands: string[],
  context: {
    env: NodeJS.ProcessEnv
    workspace: CargoWorkspace | null | undefined
    mergedSince: number
    tools: Promise<Record<string, string>>
    remainingMs: () => number
  }
): Promise<CommandResult[]> {
  const { inputs } = run
  const later: LaterReports = {
    commands,
    place: inputs.rust.customReportCommand ? null : profilesPlace(context.workspace, context.env, inputs.workingDirectory),
    mergedSince: context.mergedSince,
    cargoLlvmCovVersion: (await context.tools)['cargo-llvm-cov'],
    held: lockedTarget()
  }
  return runLaterReports(later, (command, deferred) => runLogged('Rust', command, inputs, context.env, context.remainingMs(), undefined, deferred))
}

/** Whether the profiles' folder really lies inside a held folder (links followed; false when that cannot be told). */
function insideHeld(dir: string, folder: string): boolean {
  try {
    return liesInside(dir, folder)
  } catch {
    return false
  }
}
