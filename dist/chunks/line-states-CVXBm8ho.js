import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { L as LINE_HIT, d as LINE_MISSED } from './pipeline-B42NFajs.js';

// Per-line state of one source file as it is read (see LINE_* in model.ts):
// one byte per source line, grown by doubling, a line's state only ever rises
// (a line hit in any record or section is hit). The tally is kept as lines
// are marked, so reading a report ends without a pass over every file.
//
// Arrays are views into shared 1 MiB slabs: a report of thousands of files
// grows thousands of small arrays, and a view costs a fraction of what a new
// buffer does. A slab lives while any view into it does (at most twice the
// bytes of the views, as arrays double).
const SLAB_BYTES = 1 << 20;
let slab = new ArrayBuffer(SLAB_BYTES);
let slabUsed = 0;
function zeroedBytes(size) {
    if (size > SLAB_BYTES >> 4)
        return new Uint8Array(size);
    if (slabUsed + size > SLAB_BYTES) {
        slab = new ArrayBuffer(SLAB_BYTES);
        slabUsed = 0;
    }
    const view = new Uint8Array(slab, slabUsed, size);
    slabUsed += size;
    return view;
}
class LineStates {
    /** Read and written directly only by the lcov hot loop, which keeps max, total and covered as mark() does. */
    states = new Uint8Array(0);
    max = 0;
    /** Lines marked (instrumented), and those hit. */
    total = 0;
    covered = 0;
    mark(line, hit) {
        if (line >= this.states.length)
            this.grow(line);
        const state = hit ? LINE_HIT : LINE_MISSED;
        const was = this.states[line];
        if (was < state) {
            this.states[line] = state;
            if (was === 0)
                this.total++;
            if (state === LINE_HIT)
                this.covered++;
        }
        if (line > this.max)
            this.max = line;
    }
    /** Makes room for line (index `line` valid). */
    grow(line) {
        let size = Math.max(64, this.states.length * 2);
        while (size <= line)
            size *= 2;
        const grown = zeroedBytes(size);
        grown.set(this.states);
        this.states = grown;
    }
    /** Instrumented lines, and those hit. */
    tally() {
        return { covered: this.covered, total: this.total };
    }
    /** The states indexed by line number (index 0 unused), without spare capacity. */
    toArray() {
        return this.states.subarray(0, this.max + 1);
    }
}

export { LineStates as L };
