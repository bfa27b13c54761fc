import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { L as LineStateBudgetExceeded, T as TokenTooLongError, R as ReportError } from './workspace-fs-DBwuGUFX.js';
import { L as LINE_HIT, d as LINE_MISSED } from './pipeline-DIPvzHFK.js';
import * as fs from 'node:fs';
import * as path from 'node:path';

// Per-line state of one source file as it is read (see LINE_* in model.ts):
// one byte per source line, grown by doubling, a line's state only ever rises
// (a line hit in any record or section is hit). The tally is kept as lines
// are marked, so reading a report ends without a pass over every file.
//
// Arrays are views into shared 1 MiB slabs: a report of thousands of files
// grows thousands of small arrays, and a view costs a fraction of what a new
// buffer does. A slab lives while any view into it does (at most twice the
// bytes of the views, as arrays double).
/**
 * Bytes of line states one report may hold in all. Memory follows the largest
 * line number of each file, which a report states as it likes: a 100 KB report
 * of files each claiming line 9,999,999 would otherwise ask for gigabytes. Real
 * projects stay far below (10,000 files of 25,000 lines is 256 MiB).
 */
const LINE_STATE_BUDGET = 512 * 1024 * 1024;
let budgetLeft = LINE_STATE_BUDGET;
/** A report starts with the whole budget (the readers call it first). */
function startLineStateBudget() {
    budgetLeft = LINE_STATE_BUDGET;
}
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
        budgetLeft -= size - this.states.length;
        if (budgetLeft < 0) {
            throw new LineStateBudgetExceeded(`line numbers run far beyond the lines recorded (line ${line} among others): their states would take more than ${LINE_STATE_BUDGET >> 20} MiB, which no real project's sources need; not read`);
        }
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

// Feeds a file to a byte scanner in 1 MiB chunks through one reused buffer.
// The scanner consumes what it can and returns how far it got; the rest (an
// unfinished line or tag) moves to the front and the next read appends to it.
// Memory stays at the buffer size whatever the size of the file.
const CHUNK = 1 << 20;
/** A single line or tag longer than this is not a coverage report. */
const MAX_TOKEN = 64 << 20;
/** Runs the scanner over the whole buffer (reports already in memory). */
function scanBuffer(scanner, buf) {
    scanner.scan(buf, buf.length, true);
}
/** Streams the file through the scanner. */
async function scanFile(path, scanner) {
    const handle = await fs.promises.open(path, 'r');
    try {
        let buf = Buffer.allocUnsafe(CHUNK);
        let end = 0;
        for (;;) {
            if (end === buf.length) {
                if (buf.length >= MAX_TOKEN)
                    throw new TokenTooLongError(`a single line or tag is longer than ${MAX_TOKEN >> 20} MiB`);
                const grown = Buffer.allocUnsafe(buf.length * 2);
                buf.copy(grown, 0, 0, end);
                buf = grown;
            }
            const bytesRead = fs.readSync(handle.fd, buf, end, buf.length - end, null);
            end += bytesRead;
            const final = bytesRead === 0;
            const used = scanner.scan(buf, end, final);
            if (final)
                return;
            if (used > 0) {
                buf.copy(buf, 0, used, end);
                end -= used;
            }
        }
    }
    finally {
        await handle.close();
    }
}
/** A read failure in the middle of a report, as the one-line ReportError the parsers throw. */
function rethrowAs(shown) {
    return (error) => {
        if (error instanceof TokenTooLongError || error instanceof LineStateBudgetExceeded)
            throw new ReportError(shown, error.message);
        const code = error.code;
        if (code)
            throw new ReportError(shown, `cannot be read (${code})`);
        throw error;
    };
}

// Recognises files that are not the expected report at all, so the user gets
// one clear line ("is a Git LFS pointer") instead of "0 %" or a parser error.
function sniff(head, shown, expected, size) {
    if (size === 0)
        throw new ReportError(shown, 'empty file');
    if (head.includes(0))
        throw new ReportError(shown, `binary file, not ${expected === 'lcov' ? 'an lcov report' : 'Cobertura XML'}`);
    const text = head
        .toString('utf8')
        .replace(/^\uFEFF/, '')
        .trimStart();
    if (text === '')
        throw new ReportError(shown, 'empty file (only whitespace)');
    if (text.startsWith('version https://git-lfs.github.com/spec/')) {
        throw new ReportError(shown, 'is a Git LFS pointer, not the report (fetch LFS objects or fix the path)');
    }
    const looksXml = text.startsWith('<');
    const looksJson = text.startsWith('{') || text.startsWith('[');
    const looksLcov = /^(TN|SF|VER):/m.test(text.slice(0, 4096));
    if (expected === 'lcov') {
        if (looksXml)
            throw new ReportError(shown, 'is XML (Cobertura?), not lcov');
        if (looksJson)
            throw new ReportError(shown, 'is JSON (llvm-cov export?), not lcov');
    }
    else {
        if (looksLcov && !looksXml)
            throw new ReportError(shown, 'is lcov, not Cobertura XML');
        if (looksJson)
            throw new ReportError(shown, 'is JSON (coverage json?), not Cobertura XML');
        if (!looksXml)
            throw new ReportError(shown, 'is not XML, so not a Cobertura report');
    }
}
/** '\' to '/', and absolute paths under root made relative (drive letters compared case-insensitively). */
function normalisePath(raw, root) {
    let p = raw.replace(/\\/g, '/');
    if (!root)
        return p;
    const r = root.replace(/\\/g, '/').replace(/\/+$/, '');
    const windows = /^[a-zA-Z]:\//.test(p);
    const under = windows ? p.toLowerCase().startsWith(`${r.toLowerCase()}/`) : p.startsWith(`${r}/`);
    if (under)
        p = p.slice(r.length + 1);
    else if (!windows && path.isAbsolute(p))
        p = path.posix.normalize(p);
    return p;
}
/** The first 64 KiB and the size, or a one-line ReportError for a missing file or a folder. */
async function readHead(path, shown) {
    let stat;
    try {
        stat = await fs.promises.stat(path);
    }
    catch (error) {
        const code = error.code;
        throw new ReportError(shown, code === 'ENOENT' ? 'not found' : `cannot be read (${code})`);
    }
    if (stat.isDirectory())
        throw new ReportError(shown, 'is a directory, not a report file');
    const handle = await fs.promises.open(path, 'r');
    try {
        const bytes = Buffer.alloc(Math.min(65536, stat.size));
        await handle.read(bytes, 0, bytes.length, 0);
        return { bytes, size: stat.size };
    }
    finally {
        await handle.close();
    }
}

// Byte codes and small helpers shared by the readers that work on the bytes of
// a report (lcov.ts, xml-scanner.ts), so that their loops read as the text they
// look for: `buf[i] === Byte.Colon`, not `buf[i] === 58`.
/** Whitespace in XML: space, tab, CR or LF. */
const isSpace = (c) => c === 32 /* Byte.Space */ || c === 10 /* Byte.LineFeed */ || c === 9 /* Byte.Tab */ || c === 13 /* Byte.CarriageReturn */;
/** Space, tab or CR: what may trail a value before the end of its line (and, with LF counted apart, XML whitespace). */
const isBlank = (c) => c === 32 /* Byte.Space */ || c === 9 /* Byte.Tab */ || c === 13 /* Byte.CarriageReturn */;
/** Whether buf[i] starts the UTF-8 byte order mark, EF BB BF. */
const hasBomAt = (buf, i) => buf[i] === 0xef && buf[i + 1] === 0xbb && buf[i + 2] === 0xbf;
/** The end of buf[from, to) with trailing spaces, tabs and CRs left off. */
function trimEnd(buf, from, to) {
    while (to > from && isBlank(buf[to - 1]))
        to--;
    return to;
}
/**
 * Reads plain decimal digits: at() returns the index after them and leaves
 * their value in `value` (a double: exact up to 15 digits). A reader holds its
 * own, so that the value is stored to an object of one shape only.
 */
class Digits {
    value = 0;
    /** The index after the digits at buf[i, stop) (i itself when there are none); their value in this.value. */
    at(buf, i, stop) {
        let n = 0;
        for (; i < stop; i++) {
            const c = buf[i];
            if (c < 48 /* Byte.Digit0 */ || c > 57 /* Byte.Digit9 */)
                break;
            n = n * 10 + (c - 48 /* Byte.Digit0 */);
        }
        this.value = n;
        return i;
    }
}
/** An ASCII keyword as bytes, for equalsAt and startsWithAt. */
const bytesOf = (ascii) => Uint8Array.from(Buffer.from(ascii));
/** Whether buf[from, to) is exactly the bytes of word. */
function equalsAt(buf, from, to, word) {
    if (to - from !== word.length)
        return false;
    for (let k = 0; k < word.length; k++)
        if (buf[from + k] !== word[k])
            return false;
    return true;
}
/** Whether buf[i, end) starts with the bytes of word. */
function startsWithAt(buf, i, end, word) {
    if (end - i < word.length)
        return false;
    for (let k = 0; k < word.length; k++)
        if (buf[i + k] !== word[k])
            return false;
    return true;
}
/**
 * A fixed byte string compared four bytes at a time through a DataView of the
 * buffer, the rest byte by byte: for the hottest matches (see bench/RESULTS.md).
 */
class FixedBytes {
    length;
    words;
    tail;
    constructor(text) {
        const bytes = Buffer.from(text);
        const whole = bytes.length & -4;
        this.length = bytes.length;
        this.words = new Int32Array(whole / 4);
        for (let k = 0; k < whole; k += 4)
            this.words[k / 4] = bytes.readInt32LE(k);
        this.tail = Uint8Array.from(bytes.subarray(whole));
    }
    /** Whether the bytes are at buf[i]; the caller has checked that i + length is within the data. */
    at(view, buf, i) {
        const words = this.words;
        for (let k = 0; k < words.length; k++, i += 4)
            if (view.getInt32(i, true) !== words[k])
                return false;
        const tail = this.tail;
        for (let k = 0; k < tail.length; k++, i++)
            if (buf[i] !== tail[k])
                return false;
        return true;
    }
}

export { Digits as D, FixedBytes as F, LineStates as L, scanBuffer as a, startLineStateBudget as b, readHead as c, scanFile as d, bytesOf as e, startsWithAt as f, equalsAt as g, hasBomAt as h, isSpace as i, normalisePath as n, rethrowAs as r, sniff as s, trimEnd as t };
