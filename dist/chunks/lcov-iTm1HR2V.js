import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import { L as LINE_HIT, a as LINE_MISSED, R as ReportError } from './pipeline-D9BOVRG8.js';
import { s as sniff, r as readHead, n as normalisePath } from './sniff-B4SnnUl7.js';
import './inputs-DfgfUpNs.js';
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
import 'node:child_process';

// Streaming lcov reader. Reads the file in 1 MiB chunks and never holds it
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
        this.warn(`${record} has an invalid execution count ${JSON.stringify(raw.slice(0, 40))}; read as 0`);
        return 0;
    }
    line(text) {
        this.lineNo++;
        if (text.endsWith('\r'))
            text = text.slice(0, -1);
        if (this.lineNo === 1 && text.charCodeAt(0) === 0xfeff)
            text = text.slice(1);
        // Hot path: DA:<line>,<count>[,<checksum>] with plain digits, read without allocating.
        if (this.current && text.charCodeAt(0) === 68 && text.charCodeAt(1) === 65 && text.charCodeAt(2) === 58) {
            let i = 3;
            let line = 0;
            let c = text.charCodeAt(i);
            while (c >= 48 && c <= 57) {
                line = line * 10 + (c - 48);
                c = text.charCodeAt(++i);
            }
            if (c === 44 && i > 3 && line > 0 && line <= MAX_LINE) {
                const start = ++i;
                let nonZero = false;
                c = text.charCodeAt(i);
                while (c >= 48 && c <= 57) {
                    if (c !== 48)
                        nonZero = true;
                    c = text.charCodeAt(++i);
                }
                if (i > start && (i === text.length || c === 44)) {
                    this.mark(this.current, line, nonZero);
                    return;
                }
            }
        }
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
                this.mark(file, line, hit);
                return;
            }
            case 'FN': {
                // FN:<line>,<name> or lcov 2.x FN:<start>,<end>,<name>; names may hold commas.
                const first = value.indexOf(',');
                let name = value.slice(first + 1);
                const second = name.indexOf(',');
                if (second > 0 && /^\d+$/.test(name.slice(0, second)))
                    name = name.slice(second + 1);
                if (/^_R|^_ZN/.test(name) && !this.producer)
                    this.producer = 'llvm-cov';
                file.functionsFound.add(name);
                return;
            }
            case 'FNDA': {
                const comma = value.indexOf(',');
                const name = value.slice(comma + 1);
                file.functionsFound.add(name);
                if (this.count(value.slice(0, comma), 'FNDA') > 0)
                    file.functionsHit.add(name);
                return;
            }
            case 'FNL': {
                const [index = ''] = value.split(',', 1);
                file.functionsFound.add(`#${index}`);
                return;
            }
            case 'FNA': {
                const [index = '', countRaw = ''] = value.split(',', 3);
                file.functionsFound.add(`#${index}`);
                if (this.count(countRaw, 'FNA') > 0)
                    file.functionsHit.add(`#${index}`);
                return;
            }
            case 'FNF':
                file.fnf += this.count(value, 'FNF');
                file.hasFnSummary = true;
                return;
            case 'FNH':
                file.fnh += this.count(value, 'FNH');
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
                file.branches.set(id, (file.branches.get(id) ?? false) || hit);
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
    mark(file, line, hit) {
        if (line >= file.lines.length) {
            let size = Math.max(64, file.lines.length * 2);
            while (size <= line)
                size *= 2;
            const grown = new Uint8Array(size);
            grown.set(file.lines);
            file.lines = grown;
        }
        const state = hit ? LINE_HIT : LINE_MISSED;
        if ((file.lines[line] ?? 0) < state)
            file.lines[line] = state;
        if (line > file.maxLine)
            file.maxLine = line;
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
                lines: new Uint8Array(0),
                maxLine: 0,
                branches: new Map(),
                functionsFound: new Set(),
                functionsHit: new Set(),
                fnf: 0,
                fnh: 0,
                hasFnSummary: false,
                lf: 0,
                lh: 0,
                allSectionsDeclared: true
            };
            this.files.set(path, file);
        }
        this.current = file;
        this.sectionHasLf = false;
        this.sections++;
    }
    endSection() {
        if (!this.current)
            return;
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
        for (const state of this.files.values()) {
            if (state.path === '')
                continue;
            const lines = sum();
            for (let i = 1; i <= state.maxLine; i++) {
                const s = state.lines[i];
                if (s) {
                    lines.total++;
                    if (s === LINE_HIT)
                        lines.covered++;
                }
            }
            const branches = { covered: [...state.branches.values()].filter(Boolean).length, total: state.branches.size };
            const functions = state.hasFnSummary
                ? { covered: state.fnh, total: state.fnf }
                : { covered: state.functionsHit.size, total: state.functionsFound.size };
            const entry = { path: state.path, lines, branches, functions };
            if (state.allSectionsDeclared)
                entry.declaredLines = { covered: state.lh, total: state.lf };
            if (this.opts.keepLineStates !== false)
                entry.lineStates = state.lines.subarray(0, state.maxLine + 1);
            files.push(entry);
            for (const key of ['lines', 'branches', 'functions']) {
                totals[key].covered += entry[key].covered;
                totals[key].total += entry[key].total;
            }
            declared.covered += state.lh;
            declared.total += state.lf;
        }
        files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return {
            format: 'lcov',
            source: this.shown,
            ...(this.producer ? { producer: this.producer } : {}),
            files,
            totals,
            declared: this.everySectionDeclared ? { lines: declared } : {},
            warnings: this.warnings
        };
    }
}
function feed(reader, state, chunk) {
    const text = state.rest + chunk;
    let start = 0;
    for (;;) {
        const nl = text.indexOf('\n', start);
        if (nl < 0)
            break;
        reader.line(text.slice(start, nl));
        start = nl + 1;
    }
    state.rest = text.slice(start);
}
function parseLcovBuffer(buf, source, opts = {}) {
    const shown = opts.displayName ?? source;
    sniff(buf.subarray(0, 65536), shown, 'lcov', buf.length);
    const reader = new LcovReader(shown, opts);
    const state = { rest: '' };
    feed(reader, state, buf.toString('utf8'));
    if (state.rest !== '')
        reader.line(state.rest);
    return reader.finish();
}
async function parseLcovFile(path, opts = {}) {
    const shown = opts.displayName ?? path;
    const head = await readHead(path, shown);
    sniff(head.bytes, shown, 'lcov', head.size);
    const reader = new LcovReader(shown, opts);
    const state = { rest: '' };
    const stream = fs.createReadStream(path, { highWaterMark: 1 << 20, encoding: 'utf8' });
    for await (const chunk of stream)
        feed(reader, state, chunk);
    if (state.rest !== '')
        reader.line(state.rest);
    return reader.finish();
}

export { parseLcovBuffer, parseLcovFile };
