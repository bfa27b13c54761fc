import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { s as sniff, a as scanBuffer, b as startLineStateBudget, r as rethrowAs, c as readHead, d as scanFile, t as trimEnd, h as hasBomAt, D as Digits, n as normalisePath, L as LineStates, e as bytesOf } from './bytes-CPztFWii.js';
import { L as LINE_HIT, d as LINE_MISSED, e as emptyTally } from './pipeline-DIPvzHFK.js';
import { R as ReportError } from './workspace-fs-DBwuGUFX.js';
import 'node:fs';
import 'node:path';
import './core-D1rfoYfl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './read-DmC-2hCo.js';
import 'node:zlib';
import 'node:child_process';
import 'node:util';
import 'node:os';
import 'node:stream/promises';
import './command-DninvAs8.js';
import 'node:stream';
import 'node:string_decoder';
import './cancel-Cw6omMz6.js';
import './lock-CSQ57us7.js';

// Streaming lcov reader. Scans the bytes of 1 MiB chunks and never holds the
// file whole; memory follows the number of source lines (one byte per line),
// not the size of the report. DA and BRDA runs (the bulk of a report) and the
// per-section totals are read without making a string, and a section's
// FN/FNDA names are passed over when FNF follows them (they count nothing). Handles lcov 1.x and 2.x records, CRLF, a BOM,
// Windows paths, names with commas, repeated SF sections (merged) and a last
// record without end_of_record (kept, with a warning).
const MAX_LINE = 10_000_000;
const MAX_WARNINGS = 20;
const END_OF_RECORD = bytesOf('end_of_record');
class LcovReader {
    shown;
    opts;
    keepAllNames;
    files = new Map();
    current = null;
    sectionHasLf = false;
    sectionHasFnf = false;
    sectionFnf = 0;
    sectionFnh = 0;
    /** FN/FNDA names of the open section; kept only if the section has no FNF (see endSection). */
    sectionFunctions = [];
    sectionFunctionsHit = [];
    /** The open section's FN/FNDA names are read (its FN block was not followed by FNF, see skipFunctionNames). */
    keepNames = false;
    /** False once a section had no FNF: a producer that does not write them, so names are always read. */
    producerWritesFnf = true;
    /** The open section's FN/FNDA block was passed over unread. */
    sectionSkippedNames = false;
    lineNo = 0;
    warnings = [];
    extraWarnings = 0;
    everySectionDeclared = true;
    sections = 0;
    producer;
    /** The report ends inside a section (no end_of_record after the last one). */
    truncated = false;
    /**
     * keepAllNames: read every FN/FNDA name, none passed over, so that the
     * functions of a file repeated in several sections merge by name.
     */
    constructor(shown, opts, keepAllNames) {
        this.shown = shown;
        this.opts = opts;
        this.keepAllNames = keepAllNames;
    }
    warn(text) {
        if (this.warnings.length < MAX_WARNINGS)
            this.warnings.push(`${this.shown}:${this.lineNo}: ${text}`);
        else
            this.extraWarnings++;
    }
    count(raw, record) {
        if (/^\d+$/.test(raw))
            return Number(raw);
        const value = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(raw) ? Number(raw) : NaN;
        if (value < 0)
            this.warn(`${record} has a negative execution count ${raw}; read as 0`);
        else if (value >= 0) {
            this.warn(`${record} has a count that is not a whole number (${raw}); read as ${value > 0 ? 'run' : '0'}`);
            return value;
        }
        else
            this.warn(`${record} has an invalid execution count ${JSON.stringify(raw.slice(0, 40))}; read as 0`);
        return 0;
    }
    /** ByteScanner: every complete line of buf[0, end); the last one too when final. */
    scan(buf, end, final) {
        // buf[0, whole) are whole lines, each ending in '\n': the runs below stop at a '\n' without checking bounds.
        const whole = end > 0 ? buf.lastIndexOf(10 /* Byte.LineFeed */, end - 1) + 1 : 0;
        let pos = 0;
        while (pos < end) {
            const file = this.current;
            if (file !== null && pos < whole) {
                // Runs of the records that make up most of a report, read straight from the bytes.
                const first = buf[pos];
                let next = pos;
                if (first === 68 /* Byte.D */)
                    next = this.dataRun(file.lines, buf, pos, whole);
                else if (first === 66 /* Byte.B */)
                    next = this.branchRun(file, buf, pos, whole);
                else if (first === 70 /* Byte.F */ && !this.keepNames) {
                    next = this.skipFunctionNames(buf, pos, end, final);
                    if (next < 0)
                        return pos;
                }
                if (next > pos) {
                    pos = next;
                    continue;
                }
            }
            let nl = buf.indexOf(10 /* Byte.LineFeed */, pos);
            if (nl < 0 || nl >= end) {
                if (!final)
                    break;
                nl = end;
            }
            this.lineAt(buf, pos, nl);
            pos = nl + 1;
        }
        return pos < end ? pos : end;
    }
    /**
     * A run of DA:<line>,<count> lines with plain digits from buf[pos], which
     * is before `whole` (see scan); returns where it stopped (anything else is
     * left to the general path).
     */
    dataRun(lines, buf, pos, whole) {
        // The hottest loop of the reader: the digit loops and LineStates.mark are written out here on purpose, for speed.
        let states = lines.states;
        let max = lines.max;
        let total = lines.total;
        let covered = lines.covered;
        let read = 0;
        // Every byte read is at or before the '\n' ending the line at pos, which is before `whole`.
        while (pos < whole && buf[pos] === 68 /* Byte.D */ && buf[pos + 1] === 65 /* Byte.A */ && buf[pos + 2] === 58 /* Byte.Colon */) {
            let i = pos + 3;
            // digit = byte - '0', and (digit >>> 0) > 9 for any byte that is not a digit.
            let digit = buf[i] - 48 /* Byte.Digit0 */;
            if (digit >>> 0 > 9)
                break;
            let line = digit;
            while ((digit = buf[++i] - 48 /* Byte.Digit0 */) >>> 0 <= 9)
                line = line * 10 + digit;
            if (digit !== 44 /* Byte.Comma */ - 48 /* Byte.Digit0 */ || line === 0 || line > MAX_LINE)
                break;
            const from = ++i;
            // Any digit other than 0: the line ran.
            let ran = 0;
            while ((digit = buf[i] - 48 /* Byte.Digit0 */) >>> 0 <= 9) {
                ran |= digit;
                i++;
            }
            if (i === from)
                break;
            if (digit === 10 /* Byte.LineFeed */ - 48 /* Byte.Digit0 */)
                pos = i + 1;
            else if (digit === 13 /* Byte.CarriageReturn */ - 48 /* Byte.Digit0 */ && buf[i + 1] === 10 /* Byte.LineFeed */)
                pos = i + 2;
            else
                break;
            if (line >= states.length) {
                lines.grow(line);
                states = lines.states;
            }
            const was = states[line];
            if (ran !== 0) {
                if (was !== LINE_HIT) {
                    states[line] = LINE_HIT;
                    covered++;
                    if (was === 0)
                        total++;
                }
            }
            else if (was === 0) {
                states[line] = LINE_MISSED;
                total++;
            }
            if (line > max)
                max = line;
            read++;
        }
        lines.max = max;
        lines.total = total;
        lines.covered = covered;
        this.lineNo += read;
        return pos;
    }
    /**
     * A run of BRDA:<line>,<block>,<branch>,<taken> lines with plain numbers
     * (taken may be '-') from buf[pos], which is before `whole` (see scan);
     * returns where it stopped (text ids and the like take the general path).
     */
    branchRun(file, buf, pos, whole) {
        const digits = this.digits;
        let read = 0;
        // 'BRDA:' compared byte by byte on purpose, for speed (after DA, the most frequent record).
        while (pos < whole &&
            buf[pos] === 66 /* Byte.B */ &&
            buf[pos + 1] === 82 /* Byte.R */ &&
            buf[pos + 2] === 68 /* Byte.D */ &&
            buf[pos + 3] === 65 /* Byte.A */ &&
            buf[pos + 4] === 58 /* Byte.Colon */) {
            let from = pos + 5;
            let i = digits.at(buf, from, whole);
            const line = digits.value;
            if (i === from || buf[i] !== 44 /* Byte.Comma */)
                break;
            from = i + 1;
            i = digits.at(buf, from, whole);
            const block = digits.value;
            if (i === from || buf[i] !== 44 /* Byte.Comma */)
                break;
            from = i + 1;
            i = digits.at(buf, from, whole);
            const branch = digits.value;
            if (i === from || buf[i] !== 44 /* Byte.Comma */)
                break;
            from = i + 1;
            let taken = false;
            if (buf[from] === 45 /* Byte.Minus */)
                i = from + 1;
            else {
                i = digits.at(buf, from, whole);
                if (i === from)
                    break;
                taken = digits.value > 0;
            }
            const c = buf[i];
            if (c === 10 /* Byte.LineFeed */)
                pos = i + 1;
            else if (c === 13 /* Byte.CarriageReturn */ && buf[i + 1] === 10 /* Byte.LineFeed */)
                pos = i + 2;
            else
                break;
            addBranch(file, line, block, branch, taken);
            read++;
        }
        this.lineNo += read;
        return pos;
    }
    /**
     * A block of FN:/FNDA: lines from buf[pos] followed by FNF: carries nothing
     * the figures need (FNF/FNH count the functions), so it is passed over
     * without decoding a name. Returns where the block ends; pos itself when the
     * names must be read (no FNF right after the block: the rest of the section
     * keeps them); -1 to be called again with more bytes (the block is not
     * whole in buf, and fits once the buffer is refilled from pos).
     */
    skipFunctionNames(buf, pos, end, final) {
        if (this.producer === undefined)
            return pos;
        let i = pos;
        let lines = 0;
        let decided = true;
        for (;;) {
            // FNDA: takes 5 bytes to tell, FNF:<n> as many.
            if (i + 5 > end) {
                decided = final;
                break;
            }
            // 'FN:' or 'FNDA:', compared byte by byte on purpose, for speed (as in branchRun); FNF: below too.
            if (buf[i] !== 70 /* Byte.F */ || buf[i + 1] !== 78 /* Byte.N */)
                break;
            const kind = buf[i + 2];
            if (kind !== 58 /* Byte.Colon */ && !(kind === 68 /* Byte.D */ && buf[i + 3] === 65 /* Byte.A */ && buf[i + 4] === 58 /* Byte.Colon */))
                break;
            const nl = buf.indexOf(10 /* Byte.LineFeed */, i);
            if (nl < 0 || nl >= end) {
                decided = final;
                break;
            }
            i = nl + 1;
            lines++;
        }
        if (!decided && pos > 0)
            return -1;
        if (lines === 0 && decided)
            return pos;
        if (decided && i + 5 <= end && buf[i] === 70 /* Byte.F */ && buf[i + 1] === 78 /* Byte.N */ && buf[i + 2] === 70 /* Byte.F */ && buf[i + 3] === 58 /* Byte.Colon */) {
            this.lineNo += lines;
            this.sectionSkippedNames = true;
            return i;
        }
        this.keepNames = true;
        return pos;
    }
    /**
     * One line, buf[start, stop) without its '\n', that no run in scan took
     * (SF, FN/FNDA whose names are kept, the per-section records, and DA/BRDA
     * with checksums, text ids or bad numbers, which line() reads). FN/FNDA and
     * the per-section records are read from the bytes; the rest is decoded.
     */
    lineAt(buf, start, stop) {
        this.lineNo++;
        // Blanks at the end of a record are not part of its value (lcov and genhtml accept them).
        stop = trimEnd(buf, start, stop);
        if (this.lineNo === 1 && hasBomAt(buf, start))
            start += 3;
        const file = this.current;
        // FN: or FNDA:, told apart byte by byte like the other records (see sectionRecordAt).
        if (file !== null && buf[start] === 70 /* Byte.F */ && buf[start + 1] === 78 /* Byte.N */) {
            if (buf[start + 2] === 58 /* Byte.Colon */
                ? this.fnAt(buf, start + 3, stop)
                : buf[start + 2] === 68 /* Byte.D */ && buf[start + 3] === 65 /* Byte.A */ && buf[start + 4] === 58 /* Byte.Colon */ && this.fndaAt(buf, start + 5, stop))
                return;
        }
        if (file !== null && stop - start > 3 && this.sectionRecordAt(file, buf, start, stop))
            return;
        this.line(buf.toString('utf8', start, stop));
    }
    /**
     * LF, LH, FNF, FNH, BRF, BRH with a plain number, and end_of_record, read
     * from the bytes. The records here and in lineAt are told apart byte by byte
     * on purpose, for speed: matched against their names (startsWithAt), the
     * whole reader ran 3-8 % slower, though these lines are few (bench/RESULTS.md).
     */
    sectionRecordAt(file, buf, start, stop) {
        const a = buf[start];
        const b = buf[start + 1];
        const c = buf[start + 2];
        if (a === 101 /* Byte.LowerE */) {
            if (stop - start !== END_OF_RECORD.length)
                return false;
            for (let k = 1; k < END_OF_RECORD.length; k++)
                if (buf[start + k] !== END_OF_RECORD[k])
                    return false;
            this.endSection();
            return true;
        }
        // LF: or LH:, else FNF:, FNH:, BRF: or BRH:.
        const lines = a === 76 /* Byte.L */ && (b === 70 /* Byte.F */ || b === 72 /* Byte.H */) && c === 58 /* Byte.Colon */;
        const fnOrBr = (a === 70 /* Byte.F */ && b === 78 /* Byte.N */) || (a === 66 /* Byte.B */ && b === 82 /* Byte.R */);
        if (!lines && !(fnOrBr && (c === 70 /* Byte.F */ || c === 72 /* Byte.H */) && buf[start + 3] === 58 /* Byte.Colon */))
            return false;
        const from = lines ? start + 3 : start + 4;
        const to = this.digits.at(buf, from, stop);
        if (to === from || to !== stop)
            return false;
        const n = this.digits.value;
        if (lines) {
            if (b === 70 /* Byte.F */) {
                file.lf += n;
                this.sectionHasLf = true;
            }
            else
                file.lh += n;
        }
        else if (a === 70 /* Byte.F */) {
            if (c === 70 /* Byte.F */) {
                this.sectionFnf += n;
                file.hasFnSummary = true;
                this.sectionHasFnf = true;
            }
            else
                this.sectionFnh += n;
        }
        // BRF/BRH are read and dropped: branches are counted from the BRDA records.
        return true;
    }
    digits = new Digits();
    /** FN:<line>,<name> or lcov 2.x FN:<start>,<end>,<name>, from buf[i] after 'FN:'. */
    fnAt(buf, i, stop) {
        let j = this.digits.at(buf, i, stop);
        if (j === i || buf[j] !== 44 /* Byte.Comma */)
            return false;
        i = j + 1;
        j = this.digits.at(buf, i, stop);
        if (j > i && buf[j] === 44 /* Byte.Comma */ && j + 1 < stop)
            i = j + 1;
        if (i >= stop)
            return false;
        this.functionFound(buf.toString('latin1', i, stop));
        return true;
    }
    /** FNDA:<count>,<name> with a plain count, from buf[i] after 'FNDA:'. */
    fndaAt(buf, i, stop) {
        const j = this.digits.at(buf, i, stop);
        if (j === i || buf[j] !== 44 /* Byte.Comma */ || j + 1 >= stop)
            return false;
        let hit = false;
        for (let k = i; k < j; k++)
            if (buf[k] !== 48 /* Byte.Digit0 */)
                hit = true;
        const name = buf.toString('latin1', j + 1, stop);
        this.functionFound(name);
        if (hit)
            this.sectionFunctionsHit.push(name);
        return true;
    }
    functionFound(name) {
        if (!this.producer && /^_R|^_ZN/.test(name))
            this.producer = 'llvm-cov';
        this.sectionFunctions.push(name);
    }
    line(text) {
        if (text === '' || text.startsWith('#'))
            return;
        if (text === 'end_of_record')
            return this.endSection();
        const colon = text.indexOf(':');
        const key = colon < 0 ? text : text.slice(0, colon);
        const value = colon < 0 ? '' : text.slice(colon + 1);
        if (key === 'SF')
            return this.startSection(value);
        if (key === 'TN') {
            if (value === 'GCOVR_report')
                this.producer = 'gcovr';
            return;
        }
        if (key === 'VER')
            return;
        const file = this.current;
        if (!file) {
            this.warn(`${key} record outside an SF section; ignored`);
            return;
        }
        switch (key) {
            case 'DA': {
                const [lineRaw = '', countRaw = ''] = value.split(',', 3);
                if (!/^\d+$/.test(lineRaw) || lineRaw === '0')
                    return this.warn(`DA has an invalid line number ${JSON.stringify(lineRaw)}; ignored`);
                const line = Number(lineRaw);
                if (line > MAX_LINE)
                    return this.warn(`DA line number ${line} is beyond ${MAX_LINE}; ignored`);
                const hit = this.count(countRaw, 'DA') > 0;
                file.lines.mark(line, hit);
                return;
            }
            case 'FN': {
                // FN:<line>,<name> or lcov 2.x FN:<start>,<end>,<name>; names may hold commas.
                const first = value.indexOf(',');
                let name = value.slice(first + 1);
                const second = name.indexOf(',');
                if (second > 0 && /^\d+$/.test(name.slice(0, second)))
                    name = name.slice(second + 1);
                this.functionFound(Buffer.from(name, 'utf8').toString('latin1'));
                return;
            }
            case 'FNDA': {
                const comma = value.indexOf(',');
                const name = Buffer.from(value.slice(comma + 1), 'utf8').toString('latin1');
                this.functionFound(name);
                if (this.count(value.slice(0, comma), 'FNDA') > 0)
                    this.sectionFunctionsHit.push(name);
                return;
            }
            case 'FNL': {
                const [index = ''] = value.split(',', 1);
                this.functionFound(`#${index}`);
                return;
            }
            case 'FNA': {
                const [index = '', countRaw = ''] = value.split(',', 3);
                this.functionFound(`#${index}`);
                if (this.count(countRaw, 'FNA') > 0)
                    this.sectionFunctionsHit.push(`#${index}`);
                return;
            }
            case 'FNF':
                this.sectionFnf += this.count(value, 'FNF');
                file.hasFnSummary = true;
                this.sectionHasFnf = true;
                return;
            case 'FNH':
                this.sectionFnh += this.count(value, 'FNH');
                return;
            case 'BRDA': {
                // BRDA:<line>,<block>,<branch>,<taken>; the branch id may hold commas.
                const firstComma = value.indexOf(',');
                const secondComma = value.indexOf(',', firstComma + 1);
                const lastComma = value.lastIndexOf(',');
                if (firstComma < 0 || secondComma < 0 || lastComma <= secondComma)
                    return this.warn('BRDA record is malformed; ignored');
                const id = value.slice(0, lastComma);
                const taken = value.slice(lastComma + 1);
                const hit = taken !== '-' && this.count(taken, 'BRDA') > 0;
                const parts = /^(\d+),(\d+),(\d+)$/.exec(id);
                if (parts)
                    addBranch(file, Number(parts[1]), Number(parts[2]), Number(parts[3]), hit);
                else
                    addOtherBranch(file, id, hit);
                return;
            }
            case 'LF':
                file.lf += this.count(value, 'LF');
                this.sectionHasLf = true;
                return;
            case 'LH':
                file.lh += this.count(value, 'LH');
                return;
            case 'BRF':
            case 'BRH':
            case 'MCDC':
            case 'MCF':
            case 'MCH':
                return;
            default:
                this.warn(`unknown record ${JSON.stringify(key.slice(0, 20))}; ignored`);
        }
    }
    startSection(raw) {
        if (this.current) {
            this.warn('SF record before end_of_record of the previous section; previous section closed');
            this.endSection();
        }
        const path = normalisePath(raw.trim(), this.opts.root);
        if (path === '') {
            this.warn('empty SF path; section ignored');
        }
        let file = this.files.get(path);
        if (!file) {
            file = {
                path,
                lines: new LineStates(),
                branchCodes: [],
                branchesInOrder: true,
                compactAt: 256,
                otherBranches: null,
                functionsFound: null,
                functionsHit: null,
                namesSkipped: false,
                fnf: 0,
                fnh: 0,
                sections: 0,
                hasFnSummary: false,
                lf: 0,
                lh: 0,
                allSectionsDeclared: true
            };
            this.files.set(path, file);
        }
        this.current = file;
        this.sectionHasLf = false;
        this.sectionHasFnf = false;
        this.sectionFnf = 0;
        this.sectionFnh = 0;
        this.keepNames = this.keepAllNames || !this.producerWritesFnf;
        this.sectionSkippedNames = false;
        this.sections++;
    }
    endSection() {
        if (!this.current)
            return;
        this.current.sections++;
        if (this.sectionFnf > this.current.fnf || (this.sectionFnf === this.current.fnf && this.sectionFnh > this.current.fnh)) {
            this.current.fnf = this.sectionFnf;
            this.current.fnh = this.sectionFnh;
        }
        if (!this.sectionHasFnf)
            this.producerWritesFnf = false;
        if (this.sectionSkippedNames)
            this.current.namesSkipped = true;
        if (this.sectionFunctions.length > 0) {
            const found = (this.current.functionsFound ??= new Set());
            const hit = (this.current.functionsHit ??= new Set());
            for (const name of this.sectionFunctions)
                found.add(name);
            for (const name of this.sectionFunctionsHit)
                hit.add(name);
        }
        this.sectionFunctions = [];
        this.sectionFunctionsHit = [];
        if (!this.sectionHasLf) {
            this.current.allSectionsDeclared = false;
            this.everySectionDeclared = false;
        }
        this.current = null;
    }
    /** At the end of the input: closes a last section that has no end_of_record. */
    endOfInput() {
        if (this.current) {
            this.warn('the last section has no end_of_record (truncated file?); kept');
            this.truncated = true;
            this.endSection();
        }
    }
    /**
     * A file appears in several sections and the names of some were passed over:
     * its functions can only be merged by name if the report is read again with
     * every name kept (keepAllNames).
     */
    namesNeeded() {
        this.endOfInput();
        for (const file of this.files.values())
            if (file.sections > 1 && file.namesSkipped)
                return true;
        return false;
    }
    finish() {
        this.endOfInput();
        if (this.sections === 0)
            throw new ReportError(this.shown, 'no coverage data (no SF records)');
        if (this.extraWarnings > 0)
            this.warnings.push(`${this.shown}: … and ${this.extraWarnings} more problem(s)`);
        const files = [];
        const totals = { lines: emptyTally(), branches: emptyTally(), functions: emptyTally() };
        const declared = emptyTally();
        let repeated = 0;
        for (const state of this.files.values()) {
            if (state.path === '')
                continue;
            const lines = state.lines.tally();
            const branches = branchTally(state);
            // A file in one section: FNF/FNH when the section has them, else its names. In
            // several sections: merged by name (a function is hit when hit in any), as lcov does.
            const byName = { covered: state.functionsHit?.size ?? 0, total: state.functionsFound?.size ?? 0 };
            const functions = state.hasFnSummary && (state.sections === 1 || byName.total === 0) ? { covered: state.fnh, total: state.fnf } : byName;
            const entry = { path: state.path, lines, branches, functions };
            // LF/LH of repeated sections cannot be added up (the same lines would count twice); DA lines merge exactly.
            if (state.sections > 1)
                repeated++;
            else if (state.allSectionsDeclared)
                entry.declaredLines = { covered: state.lh, total: state.lf };
            if (this.opts.keepLineStates !== false)
                entry.lineStates = state.lines.toArray();
            files.push(entry);
            for (const key of ['lines', 'branches', 'functions']) {
                totals[key].covered += entry[key].covered;
                totals[key].total += entry[key].total;
            }
            declared.covered += state.lh;
            declared.total += state.lf;
        }
        files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        if (repeated > 0 && !this.opts.repeatedFilesExpected) {
            this.warnings.push(`${this.shown}: ${repeated} source file(s) appear in more than one section (merged line by line); their LF/LH cannot be added up, so line figures come from the DA records`);
        }
        return {
            format: 'lcov',
            source: this.shown,
            ...(this.producer ? { producer: this.producer } : {}),
            files,
            totals,
            declared: this.everySectionDeclared && repeated === 0 ? { lines: declared } : {},
            warnings: this.warnings,
            ...(this.truncated ? { truncated: true } : {})
        };
    }
}
/** Records one BRDA; ids whose parts are small (almost all) pack into one small integer. */
function addBranch(file, line, block, branch, hit) {
    if (line < 1048576 /* Packed.Lines */ && block < 16 /* Packed.Blocks */ && branch < 64 /* Packed.Branches */) {
        const code = ((line * 16 /* Packed.Blocks */ + block) * 64 /* Packed.Branches */ + branch) * 2 + (hit ? 1 : 0);
        // Compacting leaves the list in order, so the order is checked after it, against the list the code joins.
        if (!file.branchesInOrder && file.branchCodes.length >= file.compactAt)
            compactBranches(file);
        const codes = file.branchCodes;
        if (file.branchesInOrder && codes.length > 0 && codes[codes.length - 1] >> 1 >= code >> 1)
            file.branchesInOrder = false;
        codes.push(code);
    }
    else
        addOtherBranch(file, `${line},${block},${branch}`, hit);
}
function addOtherBranch(file, id, hit) {
    const other = (file.otherBranches ??= new Map());
    other.set(id, (other.get(id) ?? false) || hit);
}
/**
 * Sorts branchCodes and keeps one entry per branch (taken if any record was),
 * so a file repeated in many sections costs memory for its branches, not its records.
 */
function compactBranches(file) {
    const codes = Int32Array.from(file.branchCodes).sort();
    const kept = [];
    for (let i = 0; i < codes.length; i++) {
        const code = codes[i];
        // Sorted, so a branch's "taken" record (odd) comes last among its records.
        if (i + 1 < codes.length && codes[i + 1] >> 1 === code >> 1)
            continue;
        kept.push(code);
    }
    file.branchCodes = kept;
    file.branchesInOrder = true;
    file.compactAt = Math.max(256, kept.length * 2);
}
/** Distinct branches, and those taken in any record (repeated sections merged). */
function branchTally(file) {
    if (!file.branchesInOrder)
        compactBranches(file);
    const codes = file.branchCodes;
    const tally = { covered: 0, total: codes.length };
    for (let i = 0; i < codes.length; i++)
        tally.covered += codes[i] & 1;
    for (const taken of file.otherBranches?.values() ?? []) {
        tally.total++;
        if (taken)
            tally.covered++;
    }
    return tally;
}
function parseLcovBuffer(buf, source, opts = {}) {
    const shown = opts.displayName ?? source;
    sniff(buf.subarray(0, 65536), shown, 'lcov', buf.length);
    startLineStateBudget();
    let reader = new LcovReader(shown, opts, opts.repeatedFilesExpected === true);
    try {
        scanBuffer(reader, buf);
        if (reader.namesNeeded()) {
            startLineStateBudget();
            reader = new LcovReader(shown, opts, true);
            scanBuffer(reader, buf);
        }
    }
    catch (error) {
        rethrowAs(shown)(error);
    }
    return reader.finish();
}
async function parseLcovFile(path, opts = {}) {
    const shown = opts.displayName ?? path;
    const head = await readHead(path, shown);
    sniff(head.bytes, shown, 'lcov', head.size);
    startLineStateBudget();
    let reader = new LcovReader(shown, opts, opts.repeatedFilesExpected === true);
    await scanFile(path, reader).catch(rethrowAs(shown));
    if (reader.namesNeeded()) {
        startLineStateBudget();
        reader = new LcovReader(shown, opts, true);
        await scanFile(path, reader).catch(rethrowAs(shown));
    }
    return reader.finish();
}

export { parseLcovBuffer, parseLcovFile };
