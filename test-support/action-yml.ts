// What action.yml declares, for the tests that check the code against it, and
// the defaults the runner turns into INPUT_* variables for inputs a step leaves out.
import * as fs from 'node:fs'
import * as path from 'node:path'
import { parse } from 'yaml'

interface ActionYml {
  inputs?: Record<string, { default?: unknown } | null>
}

const actionYml = (): ActionYml => parse(fs.readFileSync(path.resolve('action.yml'), 'utf8')) as ActionYml

/** The input names action.yml declares (the keys under `inputs:`), sorted. */
export function declaredInputs(): string[] {
  return Object.keys(actionYml().inputs ?? {}).sort()
}

/**
 * Each declared input's default as the runner passes it: a string (YAML's `true`
 * or `30` as written), '' when none is declared. The runner sets INPUT_<NAME> to it
 * for every input the step does not give.
 */
export function declaredDefaults(): Record<string, string> {
  const defaults: Record<string, string> = {}
  for (const [name, spec] of Object.entries(actionYml().inputs ?? {})) {
    const value = spec?.default
    defaults[name] = value === undefined || value === null ? '' : String(value)
  }
  return defaults
}

/**
 * INPUT_* variables as the runner sets them: every declared default, then what the step gives. A default that is an
 * expression (`${{ github.token }}`) is left out: the runner would evaluate it, a test gives its own value.
 */
export function runnerInputEnv(given: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [name, value] of Object.entries({ ...literalDefaults(), ...given })) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value
  return env
}

/** The declared defaults that are not expressions. */
export function literalDefaults(): Record<string, string> {
  return Object.fromEntries(Object.entries(declaredDefaults()).filter(([, value]) => !value.includes('${{')))
}
