import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { L as LINE_HIT, d as LINE_MISSED } from './pipeline-DQkaQd8i.js';

// Per-line state of one source file as it is read (see LINE_* in model.ts):
// one byte per source line, grown by doubling, a line's state only ever rises
// (a line hit in any record or section is hit).
class LineStates {
    /** Read directly only by the lcov hot loop (which falls back to mark() to grow). */
    states = new Uint8Array(0);
    max = 0;
    mark(line, hit) {
        if (line >= this.states.length) {
            let size = Math.max(64, this.states.length * 2);
            while (size <= line)
                size *= 2;
            const grown = new Uint8Array(size);
            grown.set(this.states);
            this.states = grown;
        }
        const state = hit ? LINE_HIT : LINE_MISSED;
        if (this.states[line] < state)
            this.states[line] = state;
        if (line > this.max)
            this.max = line;
    }
    /** Instrumented lines, and those hit. */
    tally() {
        const tally = { covered: 0, total: 0 };
        const s = this.states;
        for (let i = 1; i <= this.max; i++) {
            const state = s[i];
            if (state) {
                tally.total++;
                if (state === LINE_HIT)
                    tally.covered++;
            }
        }
        return tally;
    }
    /** The states indexed by line number (index 0 unused), without spare capacity. */
    toArray() {
        return this.states.subarray(0, this.max + 1);
    }
}

export { LineStates as L };
