// Tool versions compared as their numbers: the least version a behaviour needs.

/** Whether a version ("7.9.2", "7.10.3b1", "0.6.9") is at least `min`; a missing or unreadable part counts as 0. */
export function versionAtLeast(version: string, min: readonly number[]): boolean {
  const parts = version.split('.').map((p) => Number.parseInt(p, 10))
  for (let i = 0; i < min.length; i++) {
    const part = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : (parts[i] as number)
    if (part !== min[i]) return part > (min[i] as number)
  }
  return true
}
