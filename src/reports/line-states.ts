// Per-line state of one source file as it is read (see LINE_* in model.ts):
// one byte per source line, grown by doubling, a line's state only ever rises
// (a line hit in any record or section is hit). The tally is kept as lines
// are marked, so reading a report ends without a pass over every file.
//
// Arrays are views into shared 1 MiB slabs: a report of thousands of files
// grows thousands of small arrays, and a view costs a fraction of what a new
// buffer does. A slab lives while any view into it does (at most twice the
// bytes of the views, as arrays double).
import { LineStateBudgetExceeded } from '../model/errors.js'
import { LINE_HIT, LINE_MISSED, type Tally } from './model.js'

/**
 * Bytes of line states one report may hold in all. Memory follows the largest
 * line number of each file, which a report states as it likes: a 100 KB report
 * of files each claiming line 9,999,999 would otherwise ask for gigabytes. Real
 * projects stay far below (10,000 files of 25,000 lines is 256 MiB).
 */
export const LINE_STATE_BUDGET = 512 * 1024 * 1024
let budgetLeft = LINE_STATE_BUDGET

/** A report starts with the whole budget (the readers call it first). */
export function startLineStateBudget(): void {
  budgetLeft = LINE_STATE_BUDGET
}

const SLAB_BYTES = 1 << 20
let slab = new ArrayBuffer(SLAB_BYTES)
let slabUsed = 0

function zeroedBytes(size: number): Uint8Array {
  if (size > SLAB_BYTES >> 4) return new Uint8Array(size)
  if (slabUsed + size > SLAB_BYTES) {
    slab = new ArrayBuffer(SLAB_BYTES)
    slabUsed = 0
  }
  const view = new Uint8Array(slab, slabUsed, size)
  slabUsed += size
  return view
}

export class LineStates {
  /** Read and written directly only by the lcov hot loop, which keeps max, total and covered as mark() does. */
  states: Uint8Array = new Uint8Array(0)
  max = 0
  /** Lines marked (instrumented), and those hit. */
  total = 0
  covered = 0

  mark(line: number, hit: boolean): void {
    if (line >= this.states.length) this.grow(line)
    const state = hit ? LINE_HIT : LINE_MISSED
    const was = this.states[line] as number
    if (was < state) {
      this.states[line] = state
      if (was === 0) this.total++
      if (state === LINE_HIT) this.covered++
    }
    if (line > this.max) this.max = line
  }

  /** Makes room for line (index `line` valid). */
  grow(line: number): void {
    let size = Math.max(64, this.states.length * 2)
    while (size <= line) size *= 2
    budgetLeft -= size - this.states.length
    if (budgetLeft < 0) {
      throw new LineStateBudgetExceeded(
        `line numbers run far beyond the lines recorded (line ${line} among others): their states would take more than ${LINE_STATE_BUDGET >> 20} MiB, which no real project's sources need; not read`
      )
    }
    const grown = zeroedBytes(size)
    grown.set(this.states)
    this.states = grown
  }

  /** Instrumented lines, and those hit. */
  tally(): Tally {
    return { covered: this.covered, total: this.total }
  }

  /** The states indexed by line number (index 0 unused), without spare capacity. */
  toArray(): Uint8Array {
    return this.states.subarray(0, this.max + 1)
  }
}
