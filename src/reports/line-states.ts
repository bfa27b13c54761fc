// Per-line state of one source file as it is read (see LINE_* in model.ts):
// one byte per source line, grown by doubling, a line's state only ever rises
// (a line hit in any record or section is hit).
import { LINE_HIT, LINE_MISSED, type Tally } from './model.js'

export class LineStates {
  /** Read directly only by the lcov hot loop (which falls back to mark() to grow). */
  states = new Uint8Array(0)
  max = 0

  mark(line: number, hit: boolean): void {
    if (line >= this.states.length) {
      let size = Math.max(64, this.states.length * 2)
      while (size <= line) size *= 2
      const grown = new Uint8Array(size)
      grown.set(this.states)
      this.states = grown
    }
    const state = hit ? LINE_HIT : LINE_MISSED
    if ((this.states[line] as number) < state) this.states[line] = state
    if (line > this.max) this.max = line
  }

  /** Instrumented lines, and those hit. */
  tally(): Tally {
    const tally = { covered: 0, total: 0 }
    const s = this.states
    for (let i = 1; i <= this.max; i++) {
      const state = s[i]
      if (state) {
        tally.total++
        if (state === LINE_HIT) tally.covered++
      }
    }
    return tally
  }

  /** The states indexed by line number (index 0 unused), without spare capacity. */
  toArray(): Uint8Array {
    return this.states.subarray(0, this.max + 1)
  }
}
