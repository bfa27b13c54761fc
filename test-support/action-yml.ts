// What action.yml declares, for the tests that check the code against it.
import * as fs from 'node:fs'

/** The input names action.yml declares (the keys under `inputs:`), sorted. */
export function declaredInputs(): string[] {
  const inputs = fs.readFileSync('action.yml', 'utf8').split(/^outputs:/m)[0] ?? ''
  return [...inputs.matchAll(/^ {2}([a-z][a-z0-9-]*):$/gm)].map((m) => m[1] as string).sort()
}
