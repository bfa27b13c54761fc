import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { L as LineStates } from './line-states-je2iYOBT.js';
import { L as LINE_HIT, d as LINE_MISSED, R as ReportError } from './pipeline-DQkaQd8i.js';
import { s as sniff, a as scanBuffer, r as readHead, b as scanFile, c as rethrowAs, n as normalisePath } from './sniff-DBWsv42T.js';
import './inputs-Dkac57oQ.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:path';
import 'node:fs';
import 'node:zlib';
import 'node:child_process';

// Streaming lcov reader. Scans the bytes of 1 MiB chunks (DA lines, the bulk
// of a report, are read without making a string) and never holds the file
// whole; memory follows the number of source lines (one byte per line), not
// the size of the report. Handles lcov 1.x and 2.x records, CRLF, a BOM,
// Windows paths, names with commas, repeated SF sections (merged) and a last
// record without end_of_record (kept, with a warning).
const MAX_LINE = 10_000_000;
const MAX_WARNINGS = 20;
class LcovReader {
    shown;
    opts;
    files = new Map();
    current = null;
    sectionHasLf = false;
    sectionHasFnf = false;
    sectionFnf = 0;
    sectionFnh = 0;
    /** FN/FNDA names of the open section; kept only if the section has no FNF (see endSection). */
    sectionFunctions = [];
    sectionFunctionsHit = [];
    sectionStarted = false;
    /** False when a look ahead saw the section's FNF, so its function names need not be kept. */
    namesNeeded = true;
    /** Stops looking ahead once a section had no FNF (a producer that does not write them). */
    lookAhead = true;
    lineNo = 0;
    warnings = [];
    extraWarnings = 0;
    everySectionDeclared = true;
    sections = 0;
    producer;
    constructor(shown, opts) {
        this.shown = shown;
        this.opts = opts;
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
        let pos = 0;
        while (pos < end) {
            // Hot path: a run of DA:<line>,<count>\n lines with plain digits, read straight from the bytes.
            const file = this.current;
            if (file !== null) {
                const lines = file.lines;
                let read = 0;
                while (pos + 3 < end && buf[pos] === 68 && buf[pos + 1] === 65 && buf[pos + 2] === 58) {
                    let i = pos + 3;
                    let line = 0;
                    let c = 0;
                    for (; i < end; i++) {
                        c = buf[i];
                        if (c < 48 || c > 57)
                            break;
                        line = line * 10 + (c - 48);
                    }
                    if (c !== 44 || i === pos + 3 || line === 0 || line > MAX_LINE)
                        break;
                    const from = ++i;
                    let nonZero = false;
                    for (; i < end; i++) {
                        c = buf[i];
                        if (c < 48 || c > 57)
                            break;
                        if (c !== 48)
                            nonZero = true;
                    }
                    if (i === from || i >= end || !(c === 10 || (c === 13 && i + 1 < end && buf[i + 1] === 10)))
                        break;
                    // LineStates.mark, inlined for the common case of a line within the array.
                    const states = lines.states;
                    const state = nonZero ? LINE_HIT : LINE_MISSED;
                    if (line < states.length) {
                        if (states[line] < state)
                            states[line] = state;
                        if (line > lines.max)
                            lines.max = line;
                    }
                    else
                        lines.mark(line, nonZero);
                    read++;
                    pos = c === 10 ? i + 1 : i + 2;
                }
                // Second hot path: a run of BRDA:<line>,<block>,<branch>,<taken> lines with plain numbers
                // (anything else, e.g. text ids, takes the general path).
                while (pos + 5 < end && buf[pos] === 66 && buf[pos + 1] === 82 && buf[pos + 2] === 68 && buf[pos + 3] === 65 && buf[pos + 4] === 58) {
                    let i = pos + 5;
                    let c = 0;
                    let start = i;
                    let line = 0;
                    for (; i < end; i++) {
                        c = buf[i];
                        if (c < 48 || c > 57)
                            break;
                        line = line * 10 + (c - 48);
                    }
                    if (c !== 44 || i === start)
                        break;
                    start = ++i;
                    let block = 0;
                    for (; i < end; i++) {
                        c = buf[i];
                        if (c < 48 || c > 57)
                            break;
                        block = block * 10 + (c - 48);
                    }
                    if (c !== 44 || i === start)
                        break;
                    start = ++i;
                    let branch = 0;
                    for (; i < end; i++) {
                        c = buf[i];
                        if (c < 48 || c > 57)
                            break;
                        branch = branch * 10 + (c - 48);
                    }
                    if (c !== 44 || i === start)
                        break;
                    start = ++i;
                    let hit = false;
                    if (i < end && buf[i] === 45) {
                        i++;
                        c = i < end ? buf[i] : 0;
                    }
                    else {
                        for (; i < end; i++) {
                            c = buf[i];
                            if (c < 48 || c > 57)
                                break;
                            if (c !== 48)
                                hit = true;
                        }
                        if (i === start)
                            break;
                    }
                    if (i >= end || !(c === 10 || (c === 13 && i + 1 < end && buf[i + 1] === 10)))
                        break;
                    addBranch(file, line, block, branch, hit);
                    read++;
                    pos = c === 10 ? i + 1 : i + 2;
                }
                this.lineNo += read;
                if (pos >= end)
                    break;
            }
            let nl = buf.indexOf(10, pos);
            if (nl < 0 || nl >= end) {
                if (!final)
                    break;
                nl = end;
            }
            // FN:/FNDA: of a section whose FNF/FNH were seen ahead carry nothing we need.
            if (!this.namesNeeded && file !== null && this.producer !== undefined && buf[pos] === 70 && buf[pos + 1] === 78 && (buf[pos + 2] === 58 || buf[pos + 2] === 68)) {
                this.lineNo++;
                pos = nl + 1;
                continue;
            }
            this.lineAt(buf, pos, nl);
            pos = nl + 1;
            if (this.sectionStarted) {
                this.sectionStarted = false;
                this.namesNeeded = !(this.lookAhead && sectionDeclaresFunctions(buf, pos, end));
            }
        }
        return Math.min(pos, end);
    }
    /** One line, buf[start, stop) without its '\n'. DA and BRDA are read from the bytes; the rest is decoded. */
    lineAt(buf, start, stop) {
        this.lineNo++;
        if (stop > start && buf[stop - 1] === 13)
            stop--;
        if (this.lineNo === 1 && buf[start] === 0xef && buf[start + 1] === 0xbb && buf[start + 2] === 0xbf)
            start += 3;
        const file = this.current;
        if (file !== null && buf[start + 1] === 65 && buf[start + 2] === 58 && buf[start] === 68) {
            // DA:<line>,<count>[,<checksum>] with plain digits.
            let i = start + 3;
            let line = 0;
            let c = buf[i];
            while (c >= 48 && c <= 57 && i < stop) {
                line = line * 10 + (c - 48);
                c = buf[++i];
            }
            if (c === 44 && i > start + 3 && line > 0 && line <= MAX_LINE && i < stop) {
                const from = ++i;
                let nonZero = false;
                for (; i < stop; i++) {
                    c = buf[i];
                    if (c < 48 || c > 57)
                        break;
                    if (c !== 48)
                        nonZero = true;
                }
                if (i > from && (i === stop || c === 44)) {
                    file.lines.mark(line, nonZero);
                    return;
                }
            }
        }
        else if (file !== null && buf[start] === 66 && buf[start + 1] === 82 && buf[start + 2] === 68 && buf[start + 3] === 65 && buf[start + 4] === 58) {
            if (this.brdaAt(file, buf, start + 5, stop))
                return;
        }
        else if (file !== null && buf[start] === 70 && buf[start + 1] === 78) {
            if (buf[start + 2] === 58 ? this.fnAt(buf, start + 3, stop) : buf[start + 2] === 68 && buf[start + 3] === 65 && buf[start + 4] === 58 && this.fndaAt(buf, start + 5, stop))
                return;
        }
        this.line(buf.toString('utf8', start, stop));
    }
    /** Index after the digits starting at i (i itself when there are none); their value in this.number. */
    number = 0;
    digitsAt(buf, i, stop) {
        let n = 0;
        for (; i < stop; i++) {
            const c = buf[i];
            if (c < 48 || c > 57)
                break;
            n = n * 10 + (c - 48);
        }
        this.number = n;
        return i;
    }
    /** BRDA:<line>,<block>,<branch>,<taken> with plain numbers (taken may be '-'); false to take the slow path. */
    brdaAt(file, buf, i, stop) {
        let j = this.digitsAt(buf, i, stop);
        const line = this.number;
        if (j === i || buf[j] !== 44)
            return false;
        i = j + 1;
        j = this.digitsAt(buf, i, stop);
        const block = this.number;
        if (j === i || buf[j] !== 44)
            return false;
        i = j + 1;
        j = this.digitsAt(buf, i, stop);
        const branch = this.number;
        if (j === i || buf[j] !== 44)
            return false;
        i = j + 1;
        let hit = false;
        if (buf[i] === 45 && i + 1 === stop)
            hit = false;
        else {
            j = this.digitsAt(buf, i, stop);
            if (j === i || j !== stop)
                return false;
            for (let k = i; k < j; k++)
                if (buf[k] !== 48)
                    hit = true;
        }
        addBranch(file, line, block, branch, hit);
        return true;
    }
    /** FN:<line>,<name> or lcov 2.x FN:<start>,<end>,<name>. */
    fnAt(buf, i, stop) {
        let j = this.digitsAt(buf, i, stop);
        if (j === i || buf[j] !== 44)
            return false;
        i = j + 1;
        j = this.digitsAt(buf, i, stop);
        if (j > i && buf[j] === 44 && j + 1 < stop)
            i = j + 1;
        if (i >= stop)
            return false;
        if (this.namesNeeded || !this.producer)
            this.functionFound(buf.toString('latin1', i, stop));
        return true;
    }
    /** FNDA:<count>,<name> with a plain count. */
    fndaAt(buf, i, stop) {
        const j = this.digitsAt(buf, i, stop);
        if (j === i || buf[j] !== 44 || j + 1 >= stop)
            return false;
        if (!this.namesNeeded)
            return true;
        let hit = false;
        for (let k = i; k < j; k++)
            if (buf[k] !== 48)
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
                compactAt: 256,
                otherBranches: null,
                functionsFound: null,
                functionsHit: null,
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
        this.sectionStarted = true;
        this.namesNeeded = true;
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
        // Functions come from FNF/FNH when the section has them; names are only needed without.
        if (!this.sectionHasFnf) {
            this.lookAhead = false;
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
    finish() {
        if (this.current) {
            this.warn('the last section has no end_of_record (truncated file?); kept');
            this.endSection();
        }
        if (this.sections === 0)
            throw new ReportError(this.shown, 'no coverage data (no SF records)');
        if (this.extraWarnings > 0)
            this.warnings.push(`${this.shown}: … and ${this.extraWarnings} more problem(s)`);
        const files = [];
        const sum = () => ({ covered: 0, total: 0 });
        const totals = { lines: sum(), branches: sum(), functions: sum() };
        const declared = sum();
        let repeated = 0;
        for (const state of this.files.values()) {
            if (state.path === '')
                continue;
            const lines = state.lines.tally();
            const branches = branchTally(state);
            const functions = state.hasFnSummary
                ? { covered: state.fnh, total: state.fnf }
                : { covered: state.functionsHit?.size ?? 0, total: state.functionsFound?.size ?? 0 };
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
            warnings: this.warnings
        };
    }
}
const END_OF_RECORD = Buffer.from('\nend_of_record');
const FNF_RECORD = Buffer.from('\nFNF:');
const SF_RECORD = Buffer.from('\nSF:');
/**
 * Whether the section starting at buf[pos] has an FNF record, decided only when
 * the whole section is in buf[0, end): FNF is found before end_of_record and
 * before any next SF (a section missing its end_of_record).
 */
function sectionDeclaresFunctions(buf, pos, end) {
    const rest = buf.subarray(pos - 1, end);
    const fnf = rest.indexOf(FNF_RECORD);
    if (fnf < 0)
        return false;
    const before = rest.subarray(0, fnf);
    return before.indexOf(END_OF_RECORD) < 0 && before.indexOf(SF_RECORD) < 0 && rest.indexOf(END_OF_RECORD, fnf) >= 0;
}
/** Records one BRDA; ids whose parts are small (almost all) pack into one small integer. */
function addBranch(file, line, block, branch, hit) {
    if (line < 2 ** 20 && block < 16 && branch < 64) {
        file.branchCodes.push((line * 1024 + block * 64 + branch) * 2 + (hit ? 1 : 0));
        if (file.branchCodes.length >= file.compactAt)
            compactBranches(file);
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
    file.compactAt = Math.max(256, kept.length * 2);
}
/** Distinct branches, and those taken in any record (repeated sections merged). */
function branchTally(file) {
    compactBranches(file);
    const tally = { covered: 0, total: file.branchCodes.length };
    for (const code of file.branchCodes)
        if (code & 1)
            tally.covered++;
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
    const reader = new LcovReader(shown, opts);
    scanBuffer(reader, buf);
    return reader.finish();
}
async function parseLcovFile(path, opts = {}) {
    const shown = opts.displayName ?? path;
    const head = await readHead(path, shown);
    sniff(head.bytes, shown, 'lcov', head.size);
    const reader = new LcovReader(shown, opts);
    await scanFile(path, reader).catch(rethrowAs(shown));
    return reader.finish();
}

export { parseLcovBuffer, parseLcovFile };
