import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { d as debug, s as setOutput, b as startGroup, e as endGroup, c as summary, n as notice$1, i as info$1 } from './core-D1rfoYfl.js';
import { P as PathOutsideWorkspace, r as resolveInside, a as removeInside, w as workspaceOf, l as liesInside, i as isInside, o as openRegularFile, b as realLocation, m as mkdirInside, A as ApiError, c as InvalidSummary, B as BaselineUnavailable, U as UploadError, d as PatchUnavailable, e as writeFileAtomic, R as ReportError, f as writeThroughTemp, s as shellQuote, g as readMaturinProject, h as manifestArgument } from './workspace-fs-DBwuGUFX.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { i as info, n as notice, a as artifactNameProblem, w as warning, f as flushAnnotations, s as setFailed, b as setOutput$1, e as error, c as redactDeep, d as inferPythonPackage, m as makeRedactor } from './read-DmC-2hCo.js';
import * as zlib from 'node:zlib';
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import * as os from 'node:os';
import { pipeline as pipeline$1 } from 'node:stream/promises';
import { r as runCommand, d as describeFailures, c as commandOk, a as childEnv, s as shellFor } from './command-DninvAs8.js';
import { onCancel, isCancelled, halted } from './cancel-Cw6omMz6.js';
import { l as lockedTarget, p as profilesPlace, r as readCargoWorkspace, c as cargoScope, d as droppedDefaultFeatures, s as showEnvFolders, n as namesTheSameFolders } from './lock-CSQ57us7.js';

// The one failure sink. Every problem the action meets (a tool that fails, a
// missing or unreadable report, a threshold miss, an upload error, a bug of
// our own) is recorded here as a Finding; nothing else decides pass or fail.
class Findings {
    findings = [];
    advisories = [];
    add(suite, kind, message) {
        this.findings.push({ suite, kind, message });
    }
    advise(suite, message) {
        this.advisories.push({ suite, message });
    }
    /** An unexpected error inside a phase: kept as a finding with its message, so it is never silent. */
    internal(suite, phase, error) {
        const message = error instanceof Error ? error.message : String(error);
        this.add(suite, 'internal', `Internal error while ${phase}: ${firstLine(message)} (please report this)`);
    }
    /**
     * Runs one phase of the pipeline: an unexpected error in it (a bug of ours)
     * becomes an internal finding, so it never loses the other suite's results,
     * the summary or the outputs. Gives undefined when the phase threw.
     */
    async guard(suite, phase, work) {
        try {
            return await work();
        }
        catch (error) {
            this.caught(suite, phase, error);
            return undefined;
        }
    }
    /** guard() for a phase that does not wait. */
    guardSync(suite, phase, work) {
        try {
            return work();
        }
        catch (error) {
            this.caught(suite, phase, error);
            return undefined;
        }
    }
    caught(suite, phase, error) {
        debug(error?.stack ?? String(error));
        // A path leading out of the workspace is refused, not a bug: one line naming it.
        if (error instanceof PathOutsideWorkspace)
            this.add(suite, 'report-unreadable', error.message);
        else
            this.internal(suite, phase, error);
    }
    for(suite) {
        return this.findings.filter((f) => f.suite === suite);
    }
}
function firstLine(text) {
    const line = text.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
    return line.length > 500 ? `${line.slice(0, 500)}…` : line;
}

/** Both suites, Rust first, as every table shows them. */
const suitesOf = (run) => [run.rust, run.python];

function formatBytes(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    if (bytes < 1024 * 1024)
        return `${(bytes / 1024).toFixed(1)} KiB`;
    return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
/** Milliseconds as the seconds recorded and shown: to a tenth. */
const tenthsOfSeconds = (ms) => Math.round(ms / 100) / 10;
/** The bytes of the given artifacts together, or null when one of them has no size (not uploaded) or there is none. */
function artifactsBytes(artifacts) {
    const present = artifacts.filter((a) => a !== null && a !== undefined);
    if (present.length === 0)
        return null;
    let sum = 0;
    for (const a of present) {
        if (a.error || typeof a.size !== 'number')
            return null;
        sum += a.size;
    }
    return sum;
}
/** The suite's runtime and size now and in the baseline run; null without a baseline. */
function suiteCosts(suite) {
    const base = suite.delta?.base;
    if (!suite.enabled || !base)
        return null;
    const seconds = tenthsOfSeconds(suite.durationMs);
    const bytes = artifactsBytes([suite.artifact, suite.htmlArtifact]);
    return {
        durationSeconds: {
            before: base.durationSeconds,
            after: seconds,
            delta: base.durationSeconds === null ? null : Math.round((seconds - base.durationSeconds) * 10) / 10
        },
        artifactBytes: bytes === null ? null : { before: base.artifactBytes, after: bytes, delta: base.artifactBytes === null ? null : bytes - base.artifactBytes }
    };
}
/** "12.3 s (+1.2 s), artifacts 1.4 MiB (+0.1 MiB)"; the change in brackets only when the baseline has the figure. */
function costsText(suite, costs) {
    const d = costs.durationSeconds;
    const parts = [`${d.after.toFixed(1)} s${d.delta === null ? '' : ` (${signed(d.delta, (v) => `${v.toFixed(1)} s`)})`}`];
    const b = costs.artifactBytes;
    if (b) {
        const label = [suite.artifact, suite.htmlArtifact].filter(Boolean).length > 1 ? 'artifacts' : 'artifact';
        parts.push(`${label} ${formatBytes(b.after)}${b.delta === null ? '' : ` (${signed(b.delta, formatBytes)})`}`);
    }
    return parts.join(', ');
}
/** "+1.2 s", "−0.3 s" (the minus sign), "±0.0 s": the sign of what `show` prints for the size of the change. */
function signed(value, show) {
    const text = show(Math.abs(value));
    if (text === show(0))
        return `±${text}`;
    return `${value > 0 ? '+' : '−'}${text}`;
}

const SUITE_LABELS = { rust: 'Rust', python: 'Python' };

// Where each suite's files are: the reports the inputs name, the files the
// action derives next to them, the ones removed before a run (so a stale
// report is never shown as new) and the ones each artifact holds.
function rustCoberturaPath(inputs) {
    return path.join(path.dirname(inputs.rust.lcov), 'rust.cobertura.xml');
}
/** The zipped HTML report, named after its artifact (rust-html-artifact-name): it is uploaded unzipped, as this file. */
function rustHtmlZipPath(inputs) {
    return path.join(path.dirname(inputs.rust.lcov), inputs.rust.htmlArtifactName);
}
/** Everything the Python command printed. */
function pythonOutputPath(inputs) {
    return path.join(path.dirname(inputs.python.xml), 'python-output.txt');
}
/** pytest-cov's terminal table, cut out of the output. */
function pythonTermPath(inputs) {
    return path.join(path.dirname(inputs.python.xml), 'python-coverage.txt');
}
/** The suite's main report (absolute). */
function reportPath(inputs, suite) {
    return suite === 'rust' ? inputs.rust.lcov : inputs.python.xml;
}
const relativeToWorkspace = (inputs, file) => path.relative(inputs.workspace, file).split(path.sep).join('/') || '.';
/**
 * Removes last run's files before a run. Never through a folder that leads out
 * of the workspace (PathOutsideWorkspace, nothing removed) and never what a
 * symlink points to (the link itself goes). The workspace defaults to the one
 * the inputs were read against (GITHUB_WORKSPACE, else the current folder).
 */
function removeStale(paths, workspace = workspaceOf()) {
    const shown = (p) => path.relative(workspace, p).split(path.sep).join('/') || '.';
    // All checked first, so a refused path removes nothing at all.
    for (const p of paths)
        resolveInside(p, workspace, { followLast: false, shown: shown(p) });
    for (const p of paths)
        removeInside(p, workspace, shown(p));
}
/** A suite that has not run (yet): disabled, or its phase failed. */
function emptySuite(inputs, suite) {
    return {
        suite,
        label: SUITE_LABELS[suite],
        enabled: inputs[suite].enabled,
        commands: [],
        durationMs: 0,
        reportPath: relativeToWorkspace(inputs, reportPath(inputs, suite)),
        minLines: inputs[suite].minLines,
        tools: {}
    };
}
/**
 * The files the suite's artifact holds: those that exist, are regular files and lie inside the workspace.
 * The zipped HTML report is not among them: it is its own artifact, uploaded unzipped (htmlArtifactFile).
 */
function artifactFiles(inputs, suite) {
    const candidates = suite === 'rust' ? [inputs.rust.lcov, ...(inputs.rust.cobertura ? [rustCoberturaPath(inputs)] : [])] : [inputs.python.xml, pythonTermPath(inputs)];
    return candidates.filter((f) => uploadable(inputs, f));
}
/** The zipped HTML report when it can be uploaded (it exists, is a regular file inside the workspace), else null. */
function htmlArtifactFile(inputs) {
    const file = rustHtmlZipPath(inputs);
    return uploadable(inputs, file) ? file : null;
}
// Never upload what lies outside the workspace (a report replaced by a symlink leading out).
const uploadable = (inputs, file) => fs.existsSync(file) && fs.statSync(file).isFile() && liesInside(file, inputs.workspace);

// The one coverage model every parser produces and every consumer (summary,
// verdict, outputs, coverage-summary.json, patch coverage, shard merge) reads.
// Pure data: no I/O here.
const emptyTally = () => ({ covered: 0, total: 0 });
/** Unrounded percentage, or null when there is nothing to measure (never 100 % of nothing). */
function percent(t) {
    return t.total > 0 ? (t.covered * 100) / t.total : null;
}
/**
 * Per-line state of one source file, indexed by line number (index 0 unused).
 * LINE_NONE = not instrumented, LINE_MISSED = instrumented and never run,
 * LINE_HIT = run at least once. Kept as bytes so memory follows the number of
 * source lines, not the size of the report (flat on a 1 GB report).
 */
const LINE_NONE = 0;
const LINE_MISSED = 1;
const LINE_HIT = 2;

// Deltas between this run and the baseline's coverage-summary.json, per suite
// (the judged headline figure) and per file (line coverage). Pure.
function suiteDelta(current, base) {
    if (!base || !base.enabled || !current.enabled)
        return null;
    const before = base.headline?.percent ?? null;
    const after = current.headline?.percent ?? null;
    const delta = before !== null && after !== null ? after - before : null;
    const old = new Map((base.files ?? []).map((f) => [f.path, f.lines]));
    const files = [];
    const seen = new Set();
    for (const file of current.report?.files ?? []) {
        seen.add(file.path);
        const was = old.get(file.path);
        const a = percent(file.lines);
        if (!was) {
            if (a !== null)
                files.push({ path: file.path, before: null, after: a, delta: null });
            continue;
        }
        const b = percent(was);
        if (!sameTally(was, file.lines) && a !== b)
            files.push({ path: file.path, before: b, after: a, delta: a !== null && b !== null ? a - b : null });
    }
    if (current.report) {
        for (const [path, was] of old) {
            if (!seen.has(path) && percent(was) !== null)
                files.push({ path, before: percent(was), after: null, delta: null });
        }
    }
    const rank = (f) => (f.delta !== null ? 0 : f.before === null ? 1 : 2);
    files.sort((x, y) => rank(x) - rank(y) || (x.delta ?? 0) - (y.delta ?? 0) || (x.path < y.path ? -1 : 1));
    return { before, after, delta, files, base: { durationSeconds: base.durationSeconds ?? null, artifactBytes: baselineBytes(base) } };
}
/** The bytes of the baseline suite's artifacts together (the Rust one and its HTML report's), or null when not all were recorded. */
function baselineBytes(base) {
    if (!base.artifact)
        return null;
    const parts = [base.artifact, ...(base.htmlArtifact ? [base.htmlArtifact] : [])];
    return parts.every((a) => a.size !== null) ? parts.reduce((sum, a) => sum + a.size, 0) : null;
}
const sameTally = (a, b) => a.covered === b.covered && a.total === b.total;
/** "+1.25 pp", "−0.40 pp", "±0.00 pp" (two decimals, the minus sign). */
function formatDelta(pp) {
    const rounded = Math.round(pp * 100) / 100;
    if (rounded === 0)
        return '±0.00 pp';
    return `${rounded > 0 ? '+' : '−'}${Math.abs(rounded).toFixed(2)} pp`;
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function getLineColFromPtr(string, ptr) {
    let lines = string.slice(0, ptr).split(/\r?\n/);
    return [lines.length, lines.pop().length + 1];
}
function makeCodeBlock(string, line, column) {
    let lines = string.split(/\r?\n/);
    let codeblock = '';
    let numberLen = (Math.log10(line + 1) | 0) + 1;
    for (let i = line - 1; i <= line + 1; i++) {
        let l = lines[i - 1];
        if (!l)
            continue;
        codeblock += i.toString().padEnd(numberLen, ' ');
        codeblock += ':  ';
        codeblock += l;
        codeblock += '\n';
        if (i === line) {
            codeblock += ' '.repeat(numberLen + column + 2);
            codeblock += '^\n';
        }
    }
    return codeblock;
}
class TomlError extends Error {
    line;
    column;
    codeblock;
    constructor(message, options) {
        const [line, column] = getLineColFromPtr(options.toml, options.ptr);
        const codeblock = makeCodeBlock(options.toml, line, column);
        super(`Invalid TOML document: ${message}\n\n${codeblock}`, options);
        this.line = line;
        this.column = column;
        this.codeblock = codeblock;
    }
    /** @internal */
    static x(message, ctx, ptr) {
        throw new TomlError(message, { toml: ctx.s, ptr: ptr ?? ctx.p });
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseString(ctx) {
    let startPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p++);
    let first = c;
    let isLiteral = c === 0x27; /* ' */
    let isMultiline = c === ctx.s.charCodeAt(ctx.p) && c === ctx.s.charCodeAt(ctx.p + 1);
    if (isMultiline) {
        // Trim initial newline
        if ((c = ctx.s.charCodeAt(ctx.p += 2)) === 0xa /* \n */)
            ctx.p++;
        else if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)
            ctx.p += 2;
    }
    // For the record: it is not worth it to use a fast-path for literal strings using `indexOf`.
    // Doing a char-by-char iteration ends up dispatching less instructions, for the same wall-clock runtime.
    let parsed = '';
    let sliceStart = ctx.p;
    // states:
    //   0 - decoding
    //   1 - decoding escape
    //   2 - whitespace escape (no newline encountered yet, must fail on non-whitespace)
    //   3 - whitespace escape (newline encountered, allowed to transition back to normal decode)
    let state = 0;
    for (; ctx.p < ctx.s.length; ctx.p++) {
        c = ctx.s.charCodeAt(ctx.p);
        // Deal with newlines first, since that simplifies control character checking and handling across all states
        if (isMultiline && (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */))) {
            state = state && 3;
        }
        // Control characters are banned in TOML, so we throw an error if we encounter them
        else if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in strings', ctx);
        }
        // The string might terminate while we're parsing through a newline escape.
        // It must have encountered a newline; otherwise, it'll simply fail in another branch.
        else if ((!state || state === 3) && c === first && (!isMultiline || (ctx.s.charCodeAt(ctx.p + 1) === first && ctx.s.charCodeAt(ctx.p + 2) === first))) {
            if (isMultiline) {
                // If the string ends with 4-5 quotes, then the first 1-2 are part of the string
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
                if (ctx.s.charCodeAt(ctx.p + 3) === first)
                    ctx.p++;
            }
            // If we're in a newline escape still, then there's nothing to add.
            if (!state) {
                // Avoid a useless concat operation if the string can be used as-is.
                let s = ctx.s.slice(sliceStart, ctx.p);
                parsed = parsed ? parsed + s : s;
            }
            ctx.p += isMultiline ? 3 : 1;
            return parsed;
        }
        // Baseline state; keep moving forward unless an escape sequence starts
        else if (!state) {
            if (!isLiteral && c === 0x5c /* \ */) {
                parsed += ctx.s.slice(sliceStart, (sliceStart = ctx.p));
                state = 1;
            }
        }
        else if (state === 1) {
            if (c === 0x78 /* x */ || c === 0x75 /* u */ || c === 0x55 /* U */) { // Unicode escape
                let errPtr = ctx.p++ - 1;
                let value = 0;
                let len = c === 0x78 /* x */ ? 2 : c === 0x75 /* u */ ? 4 : 8;
                for (let j = 0; j < len; j++, ctx.p++) {
                    let hex = ctx.s.charCodeAt(ctx.p);
                    let digit = 
                    /* 0-9 */ hex >= 0x30 && hex <= 0x39 ? hex - 0x30 :
                        /* A-F */ hex >= 0x41 && hex <= 0x46 ? hex - 0x41 + 10 :
                            /* a-f */ hex >= 0x61 && hex <= 0x66 ? hex - 0x61 + 10 : -1;
                    if (digit < 0)
                        TomlError.x('invalid non-hex character in unicode escape', ctx);
                    value = (value << 4) | digit;
                }
                // Because JS does bitwise on signed 32bit integers, all 0xfzzzzzzz values are actually seen as negative
                if (value < 0 || value > 0x10ffff || (value >= 0xd800 && value <= 0xdfff)) {
                    TomlError.x('invalid unicode escape', ctx, errPtr);
                }
                parsed += String.fromCodePoint(value);
                sliceStart = ctx.p--;
                state = 0;
            }
            // Newline escape sequence. We only need to care about spaces and tabs; newlines are dealt with earlier
            else if (isMultiline && (c === 0x20 || c === 0x9 /* \t */)) {
                state = 2;
            }
            // Basic escape sequence
            else {
                if (c === 0x62 /* b */)
                    parsed += '\b';
                else if (c === 0x74 /* t */)
                    parsed += '\t';
                else if (c === 0x6e /* n */)
                    parsed += '\n';
                else if (c === 0x66 /* f */)
                    parsed += '\f';
                else if (c === 0x72 /* r */)
                    parsed += '\r';
                else if (c === 0x65 /* e */)
                    parsed += '\x1b';
                else if (c === 0x22 /* " */)
                    parsed += '"';
                else if (c === 0x5c /* \ */)
                    parsed += '\\';
                else
                    TomlError.x('unrecognised escape sequence', ctx);
                sliceStart = ctx.p + 1;
                state = 0;
            }
        }
        // Newline escape continuation: keep moving forward until the first non-whitespace char
        else if (c !== 0x20 && c !== 0x9 /* \t */) {
            if (state === 2)
                TomlError.x('invalid escape: only line-ending whitespace may be escaped', ctx, sliceStart);
            // State cannot be zero, or we'd have branched earlier already.
            // If it's a backslash, immediately transition to the escape state so it can be processed.
            state = !isLiteral && c === 0x5c /* \ */ ? 1 : 0;
            sliceStart = ctx.p;
        }
    }
    TomlError.x('unfinished string', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
let DATE_TIME_RE = /^(\d{4}-\d{2}-\d{2})?[Tt ]?(?:(\d{2}):\d{2}(?::\d{2}(?:\.\d+)?)?)?(Z|z|[-+]\d{2}:\d{2})?$/i;
class TomlDate extends Date {
    #hasDate = false;
    #hasTime = false;
    #offset = null;
    constructor(date, fasttype, unsafeDelim) {
        let hasDate = true;
        let hasTime = true;
        let offset = 'Z';
        let c;
        if (typeof date === 'string') {
            if (fasttype)
                prep: {
                    // Date-time
                    if (fasttype < 3) {
                        if (+date.slice(11, 13) > 23) {
                            date = '';
                            break prep;
                        }
                        // Local
                        if (fasttype === 2) {
                            offset = null;
                            date += 'Z';
                        }
                        // Offset; keep track of offset if not Z
                        else if ((c = date.charCodeAt(date.length - 1)) !== 0x5a /* Z */ && c !== 0x7a /* z */) {
                            offset = date.slice(date.length - 6);
                        }
                        if (unsafeDelim)
                            date = date.slice(0, 10) + 'T' + date.slice(11);
                    }
                    // Time
                    else if (fasttype === 4) {
                        date = +date.slice(0, 2) > 23 ? '' : `0000-01-01T${date}Z`;
                    }
                    hasDate = fasttype !== 4;
                    hasTime = fasttype !== 3;
                }
            else {
                let match = date.match(DATE_TIME_RE);
                if (match) {
                    if (!match[1]) {
                        hasDate = false;
                        date = `0000-01-01T${date}`;
                    }
                    hasTime = !!match[2];
                    // Make sure to use T instead of a space. Breaks in case of extreme values otherwise.
                    hasTime && date[10] === ' ' && (date = date.replace(' ', 'T'));
                    // Do not allow rollover hours.
                    if (match[2] && +match[2] > 23) {
                        date = '';
                    }
                    else {
                        offset = match[3] || null;
                        if (!offset && hasTime)
                            date += 'Z';
                    }
                }
                else {
                    date = '';
                }
            }
        }
        super(date);
        if (!isNaN(this.getTime())) {
            this.#hasDate = hasDate;
            this.#hasTime = hasTime;
            this.#offset = offset;
        }
    }
    isDateTime() {
        return this.#hasDate && this.#hasTime;
    }
    isLocal() {
        return !this.#hasDate || !this.#hasTime || !this.#offset;
    }
    isDate() {
        return this.#hasDate && !this.#hasTime;
    }
    isTime() {
        return this.#hasTime && !this.#hasDate;
    }
    isValid() {
        return this.#hasDate || this.#hasTime;
    }
    toISOString() {
        let iso = super.toISOString();
        // Local Date
        if (this.isDate())
            return iso.slice(0, 10);
        // Local Time
        if (this.isTime())
            return iso.slice(11, 23);
        // Local DateTime
        if (this.#offset === null)
            return iso.slice(0, -1);
        // Offset DateTime
        if (this.#offset === 'Z' || this.#offset === 'z')
            return iso;
        // This part is quite annoying: JS strips the original timezone from the ISO string representation
        // Instead of using a "modified" date and "Z", we restore the representation "as authored"
        let offset = (+(this.#offset.slice(1, 3)) * 60) + +(this.#offset.slice(4, 6));
        offset = this.#offset[0] === '-' ? offset : -offset;
        let offsetDate = new Date(this.getTime() - (offset * 60e3));
        return offsetDate.toISOString().slice(0, -1) + this.#offset;
    }
    static wrapAsOffsetDateTime(jsDate, offset = 'Z') {
        let date = new TomlDate(jsDate);
        date.#offset = offset;
        return date;
    }
    static wrapAsLocalDateTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#offset = null;
        return date;
    }
    static wrapAsLocalDate(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasTime = false;
        date.#offset = null;
        return date;
    }
    static wrapAsLocalTime(jsDate) {
        let date = new TomlDate(jsDate);
        date.#hasDate = false;
        date.#offset = null;
        return date;
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function isDigit(char, base = 10) {
    return base === 16
        ? (char > 0x2f && char < 0x3a) || (char > 0x40 && char < 0x47) || (char > 0x60 && char < 0x67)
        : (char > 0x2f && char < 0x30 + base);
}
function isEndOfValue(char, delim) {
    // Whitespace -- we're permissive on `\r` for performance; it'll be dealt with later anyway
    return char === 0x20 || char === 0x9 /* \t */ || char === 0xa /* \n */ || char === 0xd /* \r */ ||
        // Structure end or next value delimiter
        (delim && (char === delim || char === 0x2c /* , */)) ||
        // Comment
        char === 0x23; /* # */
}
/** @internal */
function extractValue(ctx, end) {
    let errPtr = ctx.p;
    let c = ctx.s.charCodeAt(ctx.p);
    // Structs
    if (c === 0x5b /* [ */ || c === 0x7b /* { */) {
        ctx.d-- || TomlError.x('document contains excessively nested structures. aborting.', ctx);
        let value = c === 0x5b /* [ */
            ? parseArray(ctx)
            : parseInlineTable(ctx);
        ctx.d++;
        return value;
    }
    // Strings
    if (c === 0x22 /* " */ || c === 0x27 /* ' */) {
        return parseString(ctx);
    }
    // Booleans
    // We can fast-path because the first character is enough to know the only possible value
    if (c === 0x74 /* t */) { // Only possible valid value is `true`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x72 || ctx.s.charCodeAt(++ctx.p) !== 0x75 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, true;
    }
    if (c === 0x66 /* f */) { // Only possible valid value is `false`
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6c || ctx.s.charCodeAt(++ctx.p) !== 0x73 || ctx.s.charCodeAt(++ctx.p) !== 0x65)
            TomlError.x('invalid value', ctx, errPtr);
        return ctx.p++, false;
    }
    if (c === 0x2b /* + */ || c === 0x2d /* - */) {
        return parseNumber(ctx, ctx.p, ctx.s.charCodeAt(++ctx.p), 0x2c - c, end);
    }
    // Rough heuristic, but `parseDate` falls back to number parsing if it's a false positive.
    // e.g.: `a = 1\n-------------- = 1` would match this heuristic, but gracefully fallback to numbers.
    if (ctx.s.charCodeAt(ctx.p + 4) === 0x2d /* - */ && ctx.s.charCodeAt(ctx.p + 7) === 0x2d /* - */) {
        return parseDate(ctx, c, end);
    }
    // Same logic as above; `parseTime` falls back to number parsing if it's a false positive.
    if (ctx.s.charCodeAt(ctx.p + 2) === 0x3a /* : */) {
        return parseTime(ctx, c, end);
    }
    return parseNumber(ctx, ctx.p, c, 0, end);
}
// State:
// 0: init
// 1: integer
// 2: fractional dot
// 3: fractional
// 4: exponent letter
// 5: exponent
// 6: exponent sign
// 7: exponent with sign
// >9: underscore; see below
//     -> 12: was integer
//     -> 14: was fractional
//     -> 16: was exponent
// states 2-5, 14, 16 are ONLY permitted iif base === 10
function parseNumber(ctx, startPtr, startChr, sign, endChr) {
    let c = startChr;
    let state = 0;
    let hasUnderscores = false;
    // (+/-)inf
    if (c === 0x69 /* i */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x6e || ctx.s.charCodeAt(++ctx.p) !== 0x66)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, (sign || 1) / 0;
    }
    // (+/-)nan
    if (c === 0x6e /* n */) {
        if (ctx.s.charCodeAt(++ctx.p) !== 0x61 || ctx.s.charCodeAt(++ctx.p) !== 0x6e)
            TomlError.x('invalid value', ctx, startPtr);
        return ctx.p++, NaN;
    }
    // Leading zero
    // Only allowed cases: `0<EOV>`, `0.(...)`, `0e(...)`, `0x(...)`, `0b(...)`, `0o(...)`
    // FWIW, `0e(...)` is a stupid case, but it's not banned per-se so we have to parse it
    if (c === 0x30 /* 0 */) {
        if (++ctx.p >= ctx.s.length || isEndOfValue(c = ctx.s.charCodeAt(ctx.p), endChr))
            return ctx.bi === true ? 0n : 0; // note: conveniently deals with `-0`
        if (!sign) {
            if (c === 0x78 /* x */)
                return parseIntegerBaseN(ctx, startPtr, 16, endChr);
            else if (c === 0x62 /* b */)
                return parseIntegerBaseN(ctx, startPtr, 2, endChr);
            else if (c === 0x6f /* o */)
                return parseIntegerBaseN(ctx, startPtr, 8, endChr);
        }
        if (c === 0x2e /* . */)
            state = 2;
        else if (c === 0x65 /* e */ || c === 0x45 /* E */)
            state = 4;
        else
            TomlError.x('illegal leading zero', ctx, startPtr);
    }
    // If the 1st char is not a digit by now, then it's not a valid TOML value at all
    else if (!isDigit(c))
        TomlError.x('invalid value', ctx, startPtr);
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (!state)
            state = 1; // Detects single-digit numbers we can use a fast parse path for
        // The way the states are numbered is not random: underscores are always permitted in odd-numbered states and
        // never permitted in even-numbered ones.
        if (c === 0x5f /* _ */) {
            if (!(state & 1))
                TomlError.x('illegal underscore', ctx);
            state += 11; // 11 is a marker that makes the state even and greater than 9; see the numbering + rationale above
            hasUnderscores = true;
        }
        // Transition to fractional part.
        else if (state === 1 && c === 0x2e /* . */)
            state = 2;
        // Transition to exponent part.
        else if ((state === 1 || state === 3) && (c === 0x65 /* e */ || c === 0x45 /* E */))
            state = 4;
        // + and - are permitted in state 4 only (handled before entering the function for state 0)
        else if (state === 4 && (c === 0x2b /* + */ || c === 0x2d /* - */)) {
            state = 6;
        }
        // All special cases have been handled; only digits are allowed here
        else if (!isDigit(c))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear state flags
        else if (state > 9)
            state -= 11;
        else if (!(state & 1))
            state++;
    }
    // Single-char number; we can fast-path these very easily.
    if (!state) {
        let val = (startChr - 0x30 /* 0 */) * (sign || 1);
        return ctx.bi === true ? BigInt(val) : val;
    }
    // Even-numbered states absolutely require a digit next; not even end of value is permitted
    if (!(state & 1))
        TomlError.x('unfinished numeric value', ctx, startPtr);
    let str = ctx.s.slice(startPtr, ctx.p);
    if (hasUnderscores)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return state > 1
        ? parseFloat(str)
        : parseInteger(ctx, str, 10, startPtr);
}
function parseIntegerBaseN(ctx, startPtr, base, endChr) {
    let c, underscore = 1;
    while (++ctx.p < ctx.s.length && (c = ctx.s.charCodeAt(ctx.p), !isEndOfValue(c, endChr))) {
        if (c === 0x5f /* _ */) {
            if (underscore & 1)
                TomlError.x('illegal underscore', ctx);
            underscore = 3;
        }
        // We only need to check if the number is a valid digit, nothing else is permitted
        else if (!isDigit(c, base))
            TomlError.x(`illegal character in numeric literal`, ctx);
        // Clear underscore flag
        else if (underscore & 1)
            underscore--;
    }
    // Trailing underscore is not allowed
    if (underscore & 1)
        TomlError.x('unfinished numeric value', ctx);
    let str = ctx.s.slice(startPtr + 2, ctx.p);
    if (underscore)
        str = str.replaceAll('_', ''); // perf: replaceAll 1.25x faster than replace with a regex
    return parseInteger(ctx, str, base, startPtr);
}
function parseInteger(ctx, str, base, startPtr) {
    if (ctx.bi !== true)
        int: {
            let val = parseInt(str, base);
            if (!Number.isSafeInteger(val)) {
                if (ctx.bi)
                    break int;
                TomlError.x('integer value cannot be represented losslessly', ctx, startPtr);
            }
            return val;
        }
    return base === 10 ? BigInt(str) : BigInt((base === 2 ? '0b' : base === 8 ? '0o' : '0x') + str);
}
function parseDate(ctx, c, endChr) {
    let startPtr = ctx.p++, unsafeSeparator;
    if (!isDigit(c) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++)) ||
        !isDigit(ctx.s.charCodeAt(ctx.p++))) {
        return parseNumber(ctx, ctx.p = startPtr, c, 0, endChr);
    }
    ctx.p += 5;
    if (!isDigit(ctx.s.charCodeAt(ctx.p++)))
        TomlError.x('invalid date-time: date part is malformed', ctx, startPtr);
    if (ctx.p >= ctx.s.length || (((c = ctx.s.charCodeAt(ctx.p)) !== 0x20 || (unsafeSeparator = true, !isDigit(ctx.s.charCodeAt(ctx.p + 1)))) && c !== 0x54 /* T */ && c !== 0x74 /* t */)) {
        let t = ctx.s.slice(startPtr, ctx.p);
        return readDate(ctx, t, 3, false, startPtr);
    }
    if (ctx.s.charCodeAt(ctx.p += 3) !== 0x3a /* : */)
        TomlError.x('invalid date-time: time part is malformed', ctx, startPtr);
    if (ctx.s.charCodeAt(ctx.p += 3) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    if (c = ctx.s.charCodeAt(ctx.p)) {
        if (c === 0x5a /* Z */ || c === 0x7a /* z */) {
            let t = ctx.s.slice(startPtr, ++ctx.p);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, '[+00:00]');
        }
        if (c === 0x2b /* + */ || c === 0x2d /* - */) {
            // Temporal's ZonedDateTime is weird asf when it comes to dealing with traditional offsets...
            // It's 1.2x faster to allocate a new string to pass to ZDT than use Instant.toZonedDateTimeISO
            let t = ctx.s.slice(startPtr, ctx.p += 6);
            return readDate(ctx, t, 1, unsafeSeparator, startPtr, !ctx.ld && ('[' + ctx.s.slice(ctx.p - 6, ctx.p) + ']'));
        }
    }
    let t = ctx.s.slice(startPtr, ctx.p);
    return readDate(ctx, t, 2, unsafeSeparator, startPtr);
}
function parseTime(ctx, c, endChr) {
    let start = ctx.p;
    if (!isDigit(c) || !isDigit(ctx.s.charCodeAt(++ctx.p))) {
        return parseNumber(ctx, --ctx.p, c, 0, endChr);
    }
    if (ctx.s.charCodeAt(ctx.p += 4) === 0x3a /* : */)
        ctx.p += 3;
    if (ctx.s.charCodeAt(ctx.p) === 0x2e /* . */)
        while (isDigit(ctx.s.charCodeAt(++ctx.p)))
            ;
    let t = ctx.s.slice(start, ctx.p);
    return readDate(ctx, t, 4, false, start);
}
function readDate(ctx, str, type, unsafeDelim, errPtr, temporalSuffix) {
    if (ctx.ld) {
        let date = new TomlDate(str, type, unsafeDelim);
        if (!date.isValid())
            TomlError.x('invalid date', ctx, errPtr);
        return date;
    }
    try {
        if (temporalSuffix)
            str += temporalSuffix;
        switch (type) {
            case 1: return Temporal.ZonedDateTime.from(str);
            case 2: return Temporal.PlainDateTime.from(str);
            case 3: return Temporal.PlainDate.from(str);
            case 4: return Temporal.PlainTime.from(str);
        }
    }
    catch (e) {
        TomlError.x(e instanceof Error ? e.message : '' + e, ctx, errPtr);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function skipComment(ctx) {
    for (; ctx.p < ctx.s.length; ctx.p++) {
        let c = ctx.s.charCodeAt(ctx.p);
        if (c === 0xa /* \n */)
            break;
        if (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */) {
            ctx.p++;
            break;
        }
        if ((c < 0x20 && c !== 0x9 /* \t */) || c === 0x7f) {
            TomlError.x('control characters are not allowed in comments', ctx);
        }
    }
}
/** @internal */
function skipVoid(ctx, banNewLines, banComments) {
    let c;
    while (ctx.p < ctx.s.length) {
        while (ctx.p < ctx.s.length && ((c = ctx.s.charCodeAt(ctx.p)) === 0x20 ||
            c === 0x9 /* \t */ ||
            (!banNewLines &&
                (c === 0xa /* \n */ || (c === 0xd /* \r */ && ctx.s.charCodeAt(ctx.p + 1) === 0xa /* \n */)))))
            ctx.p++;
        if (banComments || c !== 0x23 /* # */)
            break;
        skipComment(ctx);
    }
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
/** @internal */
function parseKey(ctx, end = 0x3d /* = */) {
    // States:
    // 0: before first char
    // 1: parsing bare key
    // 2: after key component
    let startPtr;
    let state = 0;
    let parsed = [];
    let sliceStart;
    let c = ctx.s.charCodeAt(startPtr = ctx.p);
    do {
        // End of key
        if (c === end) {
            if (!state)
                TomlError.x('unexpected end of key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            return ctx.p++, parsed;
        }
        // Dotted key separator
        else if (c === 0x2e /* . */) {
            if (!state)
                TomlError.x('illegal empty bare key', ctx);
            if (state === 1)
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
            state = 0;
        }
        // Quoted key
        else if (!state && (c === 0x22 /* " */ || c === 0x27 /* ' */)) {
            if (c === ctx.s.charCodeAt(ctx.p + 1) && c === ctx.s.charCodeAt(ctx.p + 2))
                TomlError.x('illegal quoted key: multiline strings are not allowed', ctx);
            parsed.push(parseString(ctx));
            state = 2;
            ctx.p--;
        }
        // Whitespace; no-op in state 0 and 2, end of bare key in state 1
        else if (c === 0x20 || c === 0x9 /* \t */) {
            if (state === 1) {
                parsed.push(ctx.s.slice(sliceStart, ctx.p));
                state = 2;
            }
        }
        // If state is post-key, no character is allowed; otherwise ensure it's a bare-key component
        else if (state === 2 || (c < 0x30 && c !== 0x2d /* - */) || (c > 0x39 && c < 0x41) || (c > 0x5a && c < 0x61 && c !== 0x5f /* _ */) || c > 0x7a) {
            TomlError.x('illegal character in key', ctx);
        }
        // Illegal character
        else if (!state) {
            state = 1;
            sliceStart = ctx.p;
        }
    } while (c = ctx.s.charCodeAt(++ctx.p));
    TomlError.x('incomplete key-value: cannot find end of key', ctx, startPtr);
}
/** @internal */
function parseInlineTable(ctx) {
    let startPtr = ctx.p++;
    let res = Object.create(null);
    let seen = new Set();
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x7d /* } */) {
            ctx.p++;
            return res;
        }
        let k;
        let t = res;
        let hasOwn = false;
        let errPtr = ctx.p;
        let key = parseKey(ctx);
        for (let i = 0; i < key.length; i++) {
            if (i)
                t = hasOwn ? t[k] : (t[k] = Object.create(null));
            k = key[i];
            if ((hasOwn = Object.hasOwn(t, k)) && (typeof t[k] !== 'object' || seen.has(t[k]))) {
                TomlError.x('trying to redefine an already defined value', ctx, errPtr);
            }
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor')) {
                t = ctx.uk !== 1 && TomlError.x('document contains an unsafe property', ctx, errPtr);
                break;
            }
            if (!hasOwn && unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
            }
        }
        if (hasOwn) {
            TomlError.x('trying to redefine an already defined value', ctx, errPtr);
        }
        skipVoid(ctx, true, true);
        let value = extractValue(ctx, 0x7d /* } */);
        if (t && typeof (t[k] = value) === 'object')
            seen.add(value);
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x7d /* } */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished table', ctx, startPtr);
}
/** @internal */
function parseArray(ctx) {
    let startPtr = ctx.p++;
    let res = [];
    let c;
    while (ctx.p < ctx.s.length) {
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p)) === 0x5d /* ] */) {
            ctx.p++;
            return res;
        }
        res.push(extractValue(ctx, 0x5d /* ] */));
        skipVoid(ctx);
        if ((c = ctx.s.charCodeAt(ctx.p++)) === 0x5d /* ] */) {
            return res;
        }
        if (c !== 0x2c /* , */)
            TomlError.x('expected comma or end of structure', ctx, ctx.p - 1);
    }
    TomlError.x('unfinished array', ctx, startPtr);
}

/*!
 * Copyright (c) Squirrel Chat et al., All rights reserved.
 * SPDX-License-Identifier: BSD-3-Clause
 *
 * Redistribution and use in source and binary forms, with or without
 * modification, are permitted provided that the following conditions are met:
 *
 * 1. Redistributions of source code must retain the above copyright notice, this
 *    list of conditions and the following disclaimer.
 * 2. Redistributions in binary form must reproduce the above copyright notice,
 *    this list of conditions and the following disclaimer in the
 *    documentation and/or other materials provided with the distribution.
 * 3. Neither the name of the copyright holder nor the names of its contributors
 *    may be used to endorse or promote products derived from this software without
 *    specific prior written permission.
 *
 * THIS SOFTWARE IS PROVIDED BY THE COPYRIGHT HOLDERS AND CONTRIBUTORS "AS IS" AND
 * ANY EXPRESS OR IMPLIED WARRANTIES, INCLUDING, BUT NOT LIMITED TO, THE IMPLIED
 * WARRANTIES OF MERCHANTABILITY AND FITNESS FOR A PARTICULAR PURPOSE ARE
 * DISCLAIMED. IN NO EVENT SHALL THE COPYRIGHT HOLDER OR CONTRIBUTORS BE LIABLE
 * FOR ANY DIRECT, INDIRECT, INCIDENTAL, SPECIAL, EXEMPLARY, OR CONSEQUENTIAL
 * DAMAGES (INCLUDING, BUT NOT LIMITED TO, PROCUREMENT OF SUBSTITUTE GOODS OR
 * SERVICES; LOSS OF USE, DATA, OR PROFITS; OR BUSINESS INTERRUPTION) HOWEVER
 * CAUSED AND ON ANY THEORY OF LIABILITY, WHETHER IN CONTRACT, STRICT LIABILITY,
 * OR TORT (INCLUDING NEGLIGENCE OR OTHERWISE) ARISING IN ANY WAY OUT OF THE USE
 * OF THIS SOFTWARE, EVEN IF ADVISED OF THE POSSIBILITY OF SUCH DAMAGE.
 */
function peekTable(ctx, key, table, meta, type) {
    let t = table;
    let m = meta;
    let k;
    let hasOwn = false;
    let state;
    for (let i = 0; i < key.length; i++) {
        if (i) {
            t = hasOwn ? t[k] : (t[k] = Object.create(null));
            m = (state = m[k]).c;
            if (type === 0 /* Type.DOTTED */ && (state.t === 1 /* Type.EXPLICIT */ || state.t === 2 /* Type.ARRAY */)) {
                return null;
            }
            if (state.t === 2 /* Type.ARRAY */) {
                let l = t.length - 1;
                t = t[l];
                m = m[l].c;
            }
        }
        k = key[i];
        if ((hasOwn = Object.hasOwn(t, k)) && m[k]?.t === 0 /* Type.DOTTED */ && m[k]?.d) {
            return null;
        }
        if (!hasOwn) {
            let unsafe = k === '__proto__';
            if (ctx.uk && (unsafe || k === 'constructor'))
                return false;
            if (unsafe) {
                Object.defineProperty(t, k, { enumerable: true, configurable: true, writable: true });
                Object.defineProperty(m, k, { enumerable: true, configurable: true, writable: true });
            }
            m[k] = {
                t: i < key.length - 1 && type === 2 /* Type.ARRAY */
                    ? 3 /* Type.ARRAY_DOTTED */ : type,
                d: false,
                i: 0,
                c: Object.create(null),
            };
        }
    }
    state = m[k];
    if (state.t !== type && !(type === 1 /* Type.EXPLICIT */ && state.t === 3 /* Type.ARRAY_DOTTED */)) {
        // Bad key type!
        return null;
    }
    if (type === 2 /* Type.ARRAY */) {
        if (!state.d) {
            state.d = true;
            t[k] = [];
        }
        t[k].push(t = Object.create(null));
        state.c[state.i++] = (state = { t: 1 /* Type.EXPLICIT */, d: false, i: 0, c: Object.create(null) });
    }
    if (state.d) {
        // Redefining a table!
        return null;
    }
    state.d = true;
    if (type === 1 /* Type.EXPLICIT */) {
        t = hasOwn ? t[k] : (t[k] = Object.create(null));
    }
    else if (type === 0 /* Type.DOTTED */ && hasOwn) {
        return null;
    }
    return [k, t, state.c];
}
function validateTablePeek(ctx, peek, ptr) {
    if (peek === null || ctx.uk === 2)
        TomlError.x(peek === null
            ? 'trying to redefine an already defined table or value'
            : 'document contains an unsafe property', ctx, ptr);
}
function parse(toml, options = {}) {
    let ctx = {
        s: toml,
        p: 0,
        d: options.maxDepth ?? 1000,
        bi: options.integersAsBigInt ?? false,
        ld: options.useLegacyDate ?? true,
        uk: options.unsafeKeyBehaviour === 'throw' ? 2 : options.unsafeKeyBehaviour === 'drop' ? 1 : 0,
    };
    let res = Object.create(null);
    let meta = Object.create(null);
    let tmp;
    let skipping = false;
    let tbl = res;
    let m = meta;
    // BOM is allowed, skip.
    // JS is UTF-16, so we have to check for the UTF-16 BOM instead of the UTF-8 BOM sequence!
    if (toml.charCodeAt(0) === 0xfeff)
        ctx.p++;
    skipVoid(ctx);
    while (ctx.p < toml.length) {
        if (toml.charCodeAt(ctx.p) === 0x5b /* [ */) {
            let isTableArray = toml.charCodeAt(++ctx.p) === 0x5b; /* [ */
            tmp = ctx.p += +isTableArray;
            skipping = false;
            let k = parseKey(ctx, 0x5d /* ] */);
            if (isTableArray) {
                if (toml.charCodeAt(ctx.p) !== 0x5d /* ] */) {
                    TomlError.x('expected end of table array declaration', ctx);
                }
                ctx.p++;
            }
            let p = peekTable(ctx, k, res, meta, isTableArray ? 2 /* Type.ARRAY */ : 1 /* Type.EXPLICIT */);
            if (!p) {
                validateTablePeek(ctx, p, tmp);
                skipping = true;
            }
            else {
                m = p[2];
                tbl = p[1];
            }
        }
        else {
            tmp = ctx.p;
            let k = parseKey(ctx);
            let p = peekTable(ctx, k, tbl, m, 0 /* Type.DOTTED */);
            if (!p && !skipping)
                validateTablePeek(ctx, p, tmp);
            skipVoid(ctx, true, true);
            let v = extractValue(ctx, void 0);
            if (p && !skipping)
                p[1][p[0]] = v;
        }
        skipVoid(ctx, true);
        if (ctx.p < toml.length && (tmp = toml.charCodeAt(ctx.p)) !== 0xa /* \n */ && (tmp !== 0xd /* \r */ || toml.charCodeAt(ctx.p + 1) !== 0xa /* \n */)) {
            TomlError.x('each key-value declaration must be followed by an end-of-line', ctx);
        }
        skipVoid(ctx);
    }
    return res;
}

// How coverage.py judges its total against fail_under, so the action judges
// python-min-lines the same way: `round(total, digits) < fail_under` fails, where
// digits is the precision or the threshold's own decimals if more, and
// fail_under = 100 needs exactly 100 (coverage.py's should_fail_under; the
// gate pytest-cov's --cov-fail-under uses). The precision comes from the
// config file coverage.py itself reads. Pure except for reading that file.
/**
 * Python's round(x, digits) for a float: the exact binary value rounded to
 * `digits` decimals, a tie going to the even digit. JavaScript's toFixed(100)
 * gives that exact value's digits for any percentage (at most ~60 are needed).
 */
function roundLikePython(x, digits) {
    if (!Number.isFinite(x))
        return x;
    const negative = x < 0;
    const [whole = '0', fraction = ''] = Math.abs(x).toFixed(100).split('.');
    const kept = `${whole}${fraction.slice(0, digits)}`;
    const rest = fraction.slice(digits);
    const first = rest.charCodeAt(0) - 48;
    const tail = rest.slice(1).replace(/0+$/, '');
    const lastKept = kept.charCodeAt(kept.length - 1) - 48;
    const up = first > 5 || (first === 5 && (tail !== '' || lastKept % 2 === 1));
    let digitsText = kept;
    if (up)
        digitsText = (BigInt(kept) + 1n).toString().padStart(kept.length, '0');
    const cut = digitsText.length - digits;
    const text = digits > 0 ? `${digitsText.slice(0, cut) || '0'}.${digitsText.slice(cut)}` : digitsText;
    return (negative ? -1 : 1) * Number(text);
}
/** Whether coverage.py would pass `total` against `failUnder` at this precision. */
function passesLikeCoveragePy(total, failUnder, precision) {
    if (failUnder === 100)
        return total === 100;
    return roundLikePython(total, Math.max(precision, decimalsOf(failUnder))) >= failUnder;
}
/** The decimals a threshold is written with (72.5 -> 1): coverage.py rounds the total to at least that many. */
function decimalsOf(value) {
    if (Number.isInteger(value))
        return 0;
    const [mantissa = '', exponent = '0'] = String(value).split('e');
    return Math.max(0, (mantissa.split('.')[1] ?? '').length - Number(exponent));
}
/** The total as coverage.py prints it (display_covered): never 0 unless nothing, never 100 unless all. */
function printedLikeCoveragePy(total, precision) {
    const near0 = 1 / 10 ** precision;
    let shown;
    if (total > 0 && total < near0)
        shown = near0;
    else if (total > 100 - near0 && total < 100)
        shown = 100 - near0;
    else
        shown = roundLikePython(total, precision);
    return `${shown.toFixed(precision)}%`;
}
/**
 * The precision from the file coverage.py reads in `dir`: `--cov-config`/COVERAGE_RCFILE
 * when given, else .coveragerc, else the first of setup.cfg, tox.ini (section
 * [coverage:report]) and pyproject.toml ([tool.coverage.report]) that holds any
 * coverage settings, as coverage.py picks them.
 */
function readCoverageGate(dir, explicitFile) {
    const found = readCoverageSection(dir, 'report', explicitFile);
    if (!found)
        return { precision: 0, source: null };
    const raw = found.settings.get('precision');
    const precision = raw !== undefined && /^\d+$/.test(raw.trim()) ? Number(raw.trim()) : 0;
    return { precision, source: found.source };
}
/**
 * One section ([run], [report], ...) of the config file coverage.py reads in `dir`, picked as coverage.py picks
 * it (see readCoverageGate); null when no file applies. Values are as written (a TOML list joined with ", ").
 */
function readCoverageSection(dir, section, explicitFile) {
    const candidates = explicitFile
        ? [{ file: explicitFile, ours: true }]
        : [
            { file: '.coveragerc', ours: true },
            { file: 'setup.cfg', ours: false },
            { file: 'tox.ini', ours: false },
            { file: 'pyproject.toml', ours: false }
        ];
    for (const { file, ours } of candidates) {
        const full = path.resolve(dir, file);
        let text;
        try {
            if (!fs.statSync(full).isFile())
                continue;
            text = fs.readFileSync(full, 'utf8');
        }
        catch {
            continue; // absent or unreadable: coverage.py moves on to the next file too
        }
        const settings = file.endsWith('.toml') ? tomlSettings(text, section) : iniSettings(text, ours ? '' : 'coverage:', section);
        // coverage.py's own file counts when it exists at all; the shared ones only with a coverage section.
        if (!settings && !ours)
            continue;
        return { settings: settings ?? new Map(), source: file };
    }
    return null;
}
/** [section] settings of an INI file (sections prefixed with `prefix`), or null when it has no coverage section. */
function iniSettings(text, prefix, wanted) {
    let section = null;
    let any = false;
    const report = new Map();
    let last = null;
    for (const line of text.split(/\r?\n/)) {
        if (/^\s*[#;]/.test(line) || line.trim() === '')
            continue;
        const header = /^\s*\[([^\]]+)\]\s*$/.exec(line);
        if (header) {
            section = header[1].trim();
            if (prefix === '' || section.startsWith(prefix))
                any = true;
            last = null;
            continue;
        }
        const inWanted = section === `${prefix}${wanted}`;
        // An indented line continues the value above it (a multi-line list: `patch =` then one name per line).
        if (/^\s/.test(line) && last !== null) {
            if (inWanted)
                report.set(last, [report.get(last), line.trim()].filter((v) => v).join(', '));
            continue;
        }
        const pair = /^\s*([^=:\s]+)\s*[=:]\s*(.*)$/.exec(line);
        last = pair ? pair[1].toLowerCase() : null;
        if (pair && inWanted)
            report.set(last, pair[2].trim());
    }
    return any ? report : null;
}
/** [tool.coverage.<section>] of a pyproject.toml, or null when it has no [tool.coverage] table. */
function tomlSettings(text, wanted) {
    let data;
    try {
        data = parse(text);
    }
    catch {
        return null; // coverage.py would stop on it; pytest reports that itself
    }
    const coverage = data['tool']?.['coverage'];
    if (!coverage || typeof coverage !== 'object')
        return null;
    const report = coverage[wanted];
    const settings = new Map();
    if (report && typeof report === 'object') {
        for (const [key, value] of Object.entries(report))
            settings.set(key.toLowerCase(), Array.isArray(value) ? value.join(', ') : String(value));
    }
    return settings;
}

/**
 * Rust: cargo-llvm-cov's own line figure (its table, JSON and --fail-under-lines)
 * equals the sums of LF/LH; when any section lacks them, fall back to the DA lines.
 */
function rustHeadline(report) {
    if (report.declared.lines) {
        return make(report.declared.lines, 'lines', 'lines, LF/LH sums (what cargo llvm-cov prints and --fail-under-lines checks)');
    }
    return make(report.totals.lines, 'lines', "lines with DA records (genhtml's count; the report has no LF/LH)");
}
/**
 * Python: coverage.py's total (its terminal TOTAL, --cov-fail-under and JSON
 * percent_covered) counts statements plus branch arcs when branch coverage is on.
 */
function pythonHeadline(report, gate) {
    const headline = pythonFigure(report);
    if (!headline || !gate)
        return headline;
    return {
        ...headline,
        toolGate: {
            tool: 'coverage.py',
            precision: gate.precision,
            printed: printedLikeCoveragePy(headline.percent, gate.precision),
            source: gate.source
        }
    };
}
function pythonFigure(report) {
    const lines = report.declared.lines ?? report.totals.lines;
    const branches = report.declared.branches ?? report.totals.branches;
    if (branches.total > 0) {
        return make({ covered: lines.covered + branches.covered, total: lines.total + branches.total }, 'statements + branches', "statements + branches (coverage.py's total, as --cov-fail-under checks)");
    }
    return make(lines, 'statements', "statements (coverage.py's total, as --cov-fail-under checks)");
}
function make(t, unit, basis) {
    const p = percent(t);
    return p === null ? null : { percent: p, covered: t.covered, total: t.total, unit, basis };
}
/** Two decimals, never showing 100.00 unless complete or 0.00 unless nothing is covered. */
function formatPercent(p) {
    let text = p.toFixed(2);
    if (text === '100.00' && p < 100)
        text = '99.99';
    if (text === '0.00' && p > 0)
        text = '0.01';
    return `${text}%`;
}

const PAGE_BUDGET_BYTES = 20 * 1024 * 1024;
const ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const NEEDS_ESCAPE = /[&<>"']/;
const ESCAPE_ALL = /[&<>"']/g;
/** Text safe in element content and quoted attribute values. */
function escapeHtml(text) {
    return NEEDS_ESCAPE.test(text) ? text.replace(ESCAPE_ALL, (c) => ESCAPES[c]) : text;
}
/** Missed line ranges; runs of missed lines separated only by lines that are not instrumented are one range. */
function missedRanges(states) {
    const ranges = [];
    if (!states)
        return ranges;
    let start = 0;
    let end = 0;
    for (let line = 1; line < states.length; line++) {
        const state = states[line];
        if (state === LINE_MISSED) {
            if (start === 0)
                start = line;
            end = line;
        }
        else if (state === LINE_HIT && start !== 0) {
            ranges.push([start, end]);
            start = 0;
        }
    }
    if (start !== 0)
        ranges.push([start, end]);
    return ranges;
}
/** The page as chunks of HTML, in order; join or write them one after another. */
function renderPage(suites, options) {
    const budget = options.budgetBytes ?? PAGE_BUDGET_BYTES;
    const perSuite = suites.map((suite) => entriesOf(suite));
    let index = 0;
    for (const entries of perSuite)
        for (const entry of entries)
            entry.id = `f${index++}`;
    // The room left for file sections once the header and the tables are in (an estimate from their size per row).
    const all = perSuite.flat();
    let frame = 16 * 1024;
    for (const entry of all)
        frame += 260 + 2 * entry.file.path.length;
    let room = budget - frame;
    // Files with missed lines first (most missed first, across suites), then the others in table order.
    const order = all.filter((e) => e.missed > 0).sort((a, b) => b.missed - a.missed);
    for (const entry of all)
        if (entry.missed === 0)
            order.push(entry);
    let full = true;
    for (const entry of order) {
        if (full) {
            const section = fileSection(entry, options.source(entry.file.path, entry.suite));
            const bytes = Buffer.byteLength(section);
            if (bytes <= room) {
                entry.section = section;
                room -= bytes;
                continue;
            }
            full = false;
        }
        entry.listedOnly = true;
    }
    const listed = all.filter((e) => e.listedOnly);
    const chunks = [head(options)];
    chunks.push(cards(suites, options.minPatch ?? null, options.serverUrl ?? 'https://github.com'));
    if (listed.length > 0) {
        const withMisses = listed.filter((e) => e.missed > 0).length;
        chunks.push(`<p class="note"><strong>This page is limited to ${escapeHtml(formatBytes(budget))}.</strong> ${all.length - listed.length} of ${all.length} files are shown with their source, those with the most missed lines first; ${listed.length} are only listed in the tables${withMisses > 0 ? ` (${withMisses} of them with missed lines)` : ' (all of them fully covered)'}.</p>\n`);
    }
    // Both tables first (one screen shows what to look at), then the sources, suite by suite.
    suites.forEach((suite, s) => chunks.push(suiteTable(suite, s, perSuite[s] ?? [])));
    suites.forEach((suite, s) => {
        const shown = (perSuite[s] ?? []).filter((e) => e.section);
        if (shown.length === 0)
            return;
        chunks.push(`<section id="s${s}-sources">\n<h2>${escapeHtml(suite.label)} sources</h2>\n`);
        for (const entry of shown)
            chunks.push(entry.section);
        chunks.push('</section>\n');
    });
    chunks.push('<footer><p>Legend: <span class="k h">run</span> <span class="k m">not run</span> <span class="k c">changed by the pull request and not run</span>; lines without a mark are not instrumented. Written by rust-python-coverage.</p></footer>\n</body>\n</html>\n');
    return chunks;
}
function entriesOf(suite) {
    const files = suite.enabled ? (suite.report?.files ?? []) : [];
    const patch = new Map((suite.patch?.files ?? []).map((f) => [f.path, f]));
    const delta = new Map((suite.delta?.files ?? []).map((f) => [f.path, f.delta]));
    const entries = files.map((file) => ({
        suite,
        file,
        id: '',
        missed: file.lines.total - file.lines.covered,
        patch: patch.get(file.path),
        delta: delta.has(file.path) ? (delta.get(file.path) ?? null) : undefined
    }));
    return entries.sort((a, b) => b.missed - a.missed || (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : 0));
}
const STYLE = `
:root{color-scheme:light;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--hit:#dafbe1;--miss:#ffebe9;--missbar:#cf222e;--hitbar:#1a7f37;--chg:#0969da;--bg2:#f6f8fa}
*{box-sizing:border-box}
body{margin:0;padding:16px 24px;font:14px/1.45 -apple-system,"Segoe UI",Helvetica,Arial,sans-serif;color:var(--fg);background:#fff}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:24px 0 8px}
a{color:var(--chg)}code,pre,.src{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
.sub,.muted{color:var(--muted)}
nav{margin:8px 0 16px}nav a{margin-right:12px}
.cards{display:flex;flex-wrap:wrap;gap:12px}
.card{border:1px solid var(--line);border-left:6px solid var(--muted);border-radius:6px;padding:8px 14px;min-width:260px}
.card.pass{border-left-color:var(--hitbar)}.card.fail{border-left-color:var(--missbar)}
.card h2{margin:0;font-size:16px}.card .fig{font-size:28px;font-weight:600;margin:2px 0}.card p{margin:2px 0}
.note{background:#fff8c5;border:1px solid #d4a72c;border-radius:6px;padding:8px 12px}
table.files{border-collapse:collapse;margin:8px 0 16px}
.files th,.files td{border:1px solid var(--line);padding:3px 8px;text-align:right}
.files th{background:var(--bg2)}.files td:first-child,.files th:first-child{text-align:left}
.files td:first-child{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px;word-break:break-all}
details.file{border:1px solid var(--line);border-radius:6px;margin:10px 0}
details.file>summary{background:var(--bg2);padding:6px 10px;cursor:pointer}
details.file>p{margin:6px 10px}
table.src{border-collapse:collapse;width:100%;tab-size:4}
.src td{padding:0 8px;white-space:pre-wrap;word-break:break-all;vertical-align:top}
.src td:first-child{width:1%;text-align:right;white-space:nowrap;color:var(--muted);border-right:1px solid var(--line);user-select:none}
.src td:first-child a{color:inherit;text-decoration:none}
.src tr.h td:last-child{background:var(--hit)}.src tr.m td:last-child{background:var(--miss)}
.src tr.h td:first-child{box-shadow:inset 4px 0 var(--hitbar)}.src tr.m td:first-child{box-shadow:inset 4px 0 var(--missbar)}
.src tr.c td:first-child{box-shadow:inset 4px 0 var(--chg);font-weight:700;color:var(--chg)}
.src tr:target td{outline:2px solid var(--chg)}
.k{padding:0 6px;border-radius:3px}.k.h{background:var(--hit)}.k.m{background:var(--miss)}.k.c{border-left:4px solid var(--chg)}
footer{margin-top:24px;color:var(--muted);font-size:12px}
`;
function head(options) {
    const title = escapeHtml(options.title);
    return ('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n' +
        `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">\n` +
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n' +
        `<title>${title}</title>\n<style>${STYLE}</style>\n</head>\n<body>\n` +
        `<header><h1>${title}</h1>${options.subtitle ? `<p class="sub">${escapeHtml(options.subtitle)}</p>` : ''}</header>\n`);
}
function cards(suites, minPatch, serverUrl) {
    const out = ['<nav>'];
    suites.forEach((suite, s) => out.push(`<a href="#s${s}">${escapeHtml(suite.label)} files</a>`));
    out.push('</nav>\n<div class="cards">\n');
    for (const suite of suites)
        out.push(card(suite, minPatch, serverUrl));
    out.push('</div>\n');
    return out.join('');
}
function card(suite, minPatch, serverUrl) {
    const label = escapeHtml(suite.label);
    const headline = suite.headline;
    if (!suite.enabled)
        return `<div class="card"><h2>${label}</h2><p class="fig">–</p><p>Not run (disabled).</p></div>\n`;
    if (!headline)
        return `<div class="card fail"><h2>${label}</h2><p class="fig">–</p><p>No figure: the report is missing, unreadable or empty.</p></div>\n`;
    const passes = suite.minLines === null || headline.percent >= suite.minLines;
    const lines = [
        `<p>${headline.covered} of ${headline.total} <span class="muted">(${escapeHtml(headline.basis)})</span></p>`,
        suite.minLines === null ? '<p>No threshold.</p>' : `<p>Threshold ${suite.minLines}%: <strong>${passes ? 'passes' : 'below it'}</strong></p>`
    ];
    const patch = suite.patch;
    if (patch) {
        if (patch.percent === null)
            lines.push('<p>Patch: no changed line is instrumented.</p>');
        else {
            const verdict = minPatch === null ? '' : patch.percent >= minPatch ? ` — min ${minPatch}%: passes` : ` — min ${minPatch}%: <strong>below it</strong>`;
            lines.push(`<p>Patch: <strong>${formatPercent(patch.percent)}</strong> (${patch.covered} of ${patch.total} changed lines run)${verdict}</p>`);
        }
    }
    const delta = suite.delta;
    const costs = suiteCosts(suite);
    if ((delta && delta.delta !== null) || costs) {
        const change = delta && delta.delta !== null
            ? `<strong>${delta.delta < -5e-3 ? '▼' : delta.delta > 0.005 ? '▲' : ''}${escapeHtml(formatDelta(delta.delta))}</strong>`
            : '';
        const rest = costs ? escapeHtml(costsText(suite, costs)) : '';
        lines.push(`<p>Since the baseline: ${change}${change && rest ? '; ' : ''}${rest}</p>`);
    }
    const html = suite.htmlArtifact;
    const url = html && !html.error ? onServer(html.url, serverUrl) : null;
    if (html && url) {
        const size = typeof html.size === 'number' ? ` (${escapeHtml(formatBytes(html.size))})` : '';
        lines.push(`<p>HTML report: <a href="${escapeHtml(url)}">${escapeHtml(html.name)}</a>${size}</p>`);
    }
    return `<div class="card ${passes ? 'pass' : 'fail'}"><h2>${label}</h2><p class="fig">${formatPercent(headline.percent)}</p>${lines.join('')}</div>\n`;
}
/** The URL when it is https on the server's host, else null. */
function onServer(url, serverUrl) {
    if (!url)
        return null;
    try {
        const u = new URL(url);
        return u.protocol === 'https:' && u.host === new URL(serverUrl).host ? u.href : null;
    }
    catch {
        return null;
    }
}
function suiteTable(suite, s, entries) {
    const open = `<section id="s${s}">\n<h2>${escapeHtml(suite.label)} files</h2>\n`;
    if (!suite.enabled)
        return `${open}<p class="muted">Not run.</p>\n</section>\n`;
    if (!suite.report)
        return `${open}<p class="muted">No report was read.</p>\n</section>\n`;
    if (entries.length === 0)
        return `${open}<p class="muted">The report names no files.</p>\n</section>\n`;
    const out = [open];
    const branches = entries.some((e) => e.file.branches.total > 0);
    const patch = Boolean(suite.patch);
    const delta = Boolean(suite.delta);
    out.push(`<p class="muted">${entries.length} files, the most missed lines first${suite.reportPath ? ` (from ${escapeHtml(suite.reportPath)})` : ''}.</p>\n<table class="files"><thead><tr><th>File</th><th>Lines</th><th>Covered</th><th>Missed</th>`, branches ? '<th>Branches</th>' : '', patch ? '<th>Changed, not run</th>' : '', delta ? '<th>Since baseline</th>' : '', '</tr></thead><tbody>\n');
    for (const e of entries) {
        const path = escapeHtml(e.file.path);
        const p = percent(e.file.lines);
        out.push(`<tr><td>${e.section ? `<a href="#${e.id}">${path}</a>` : `${path} <span class="muted">(listed only)</span>`}</td><td>${e.file.lines.total}</td><td>${p === null ? '–' : formatPercent(p)}</td><td>${e.missed}</td>`);
        if (branches) {
            const b = percent(e.file.branches);
            out.push(`<td>${b === null ? '–' : `${formatPercent(b)} of ${e.file.branches.total}`}</td>`);
        }
        if (patch)
            out.push(`<td>${e.patch ? e.patch.total - e.patch.covered : '–'}</td>`);
        if (delta)
            out.push(`<td>${e.delta === undefined ? '' : e.delta === null ? 'new' : escapeHtml(formatDelta(e.delta))}</td>`);
        out.push('</tr>\n');
    }
    out.push('</tbody></table>\n</section>\n');
    return out.join('');
}
const MAX_RANGES_LISTED = 200;
function fileSection(entry, source) {
    const { file, id } = entry;
    const path = escapeHtml(file.path);
    const p = percent(file.lines);
    const states = file.lineStates;
    const ranges = missedRanges(states);
    const figures = `${file.lines.covered} of ${file.lines.total} lines run${p === null ? '' : ` (${formatPercent(p)})`}, ${entry.missed} missed${entry.patch ? `; ${entry.patch.total - entry.patch.covered} changed line(s) not run` : ''}`;
    const out = [`<details class="file" id="${id}"${entry.missed > 0 ? ' open' : ''}><summary><code>${path}</code> — ${figures}</summary>\n`];
    const text = 'text' in source ? source.text : null;
    if (ranges.length > 0) {
        const shown = ranges.slice(0, MAX_RANGES_LISTED).map(([a, b]) => {
            const label = a === b ? `${a}` : `${a}–${b}`;
            return text === null ? label : `<a href="#${id}-${a}">${label}</a>`;
        });
        const more = ranges.length > MAX_RANGES_LISTED ? ` and ${ranges.length - MAX_RANGES_LISTED} more` : '';
        out.push(`<p>Missed: ${shown.join(', ')}${more}</p>\n`);
    }
    if (text === null) {
        out.push(`<p class="muted">Source not shown: ${escapeHtml('skipped' in source ? source.skipped : '')}</p>\n</details>\n`);
        return out.join('');
    }
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '')
        lines.pop();
    const reported = states ? lastMarked(states) : 0;
    if (reported > lines.length) {
        out.push(`<p class="note">The report names line ${reported} but this source has ${lines.length} lines: the file changed after the tests ran, or the report is not from this checkout.</p>\n`);
    }
    const changed = changedLines(entry.patch, lines.length);
    out.push('<table class="src"><tbody>\n');
    for (let n = 1; n <= lines.length; n++) {
        let line = lines[n - 1];
        if (line.endsWith('\r'))
            line = line.slice(0, -1);
        const state = states && n < states.length ? states[n] : LINE_NONE;
        let cls = state === LINE_HIT ? 'h' : state === LINE_MISSED ? 'm' : '';
        if (changed?.[n])
            cls += cls ? ' c' : 'c';
        out.push(`<tr id="${id}-${n}"${cls ? ` class="${cls}"` : ''}><td><a href="#${id}-${n}">${n}</a><td>${escapeHtml(line)}\n`);
    }
    out.push('</tbody></table>\n</details>\n');
    return out.join('');
}
/** The changed lines to mark, by line number: the patch gives the changed lines not run, as ranges. */
function changedLines(patch, count) {
    if (!patch || patch.uncovered.length === 0)
        return null;
    const marks = new Uint8Array(count + 1);
    for (const [a, b] of patch.uncovered)
        for (let n = Math.max(1, a); n <= Math.min(b, count); n++)
            marks[n] = 1;
    return marks;
}
function lastMarked(states) {
    for (let n = states.length - 1; n > 0; n--)
        if (states[n] !== LINE_NONE)
            return n;
    return 0;
}

// The coverage page's sources, read from the checkout. A report path is
// workspace-relative (or absolute); it is read only when it really lies inside
// the workspace (symlinks resolved, so one leading out is skipped), is a
// regular file, is at most 1 MB and looks like text. Never throws: a source
// that cannot be shown is one line saying why.
const MAX_SOURCE_BYTES = 1024 * 1024;
function workspaceSources(roots, maxBytes = MAX_SOURCE_BYTES) {
    const workspace = path.resolve(roots.workspace);
    let real;
    try {
        real = fs.realpathSync(workspace);
    }
    catch {
        real = workspace;
    }
    const bases = [...new Set([workspace, ...(roots.bases ?? []).map((b) => path.resolve(b))])].filter((b) => isInside(b, workspace));
    return (reportPath) => {
        let outside = false;
        for (const base of bases) {
            const candidate = path.resolve(base, reportPath);
            // Never even look at a path outside the workspace.
            if (!isInside(candidate, workspace) && !isInside(candidate, real)) {
                outside = true;
                continue;
            }
            const found = read(candidate, real, maxBytes);
            if (found)
                return found;
        }
        return { skipped: outside ? 'the path lies outside the workspace; not read' : 'not found in this checkout' };
    };
}
/** The file's text or why it is skipped; null when there is no such file. */
function read(file, root, maxBytes) {
    let resolved;
    try {
        resolved = fs.realpathSync(file);
    }
    catch {
        return null;
    }
    if (!isInside(resolved, root))
        return { skipped: 'it leads outside the workspace (a symlink?); not read' };
    // The resolved path has no symlink left; no-follow refuses one swapped in since.
    const opened = openRegularFile(resolved, true);
    if ('refused' in opened)
        return { skipped: opened.refused };
    const { fd, size } = opened;
    try {
        if (size > maxBytes)
            return { skipped: `it has ${formatBytes(size)}, over the ${formatBytes(maxBytes)} shown per source` };
        const buf = Buffer.alloc(size);
        let got = 0;
        while (got < buf.length) {
            const n = fs.readSync(fd, buf, got, buf.length - got, got);
            if (n === 0)
                break;
            got += n;
        }
        const bytes = buf.subarray(0, got);
        if (bytes.subarray(0, 8192).includes(0))
            return { skipped: 'it looks binary' };
        return { text: bytes.toString('utf8') };
    }
    catch (error) {
        return { skipped: `it cannot be read (${error.code ?? 'error'})` };
    }
    finally {
        fs.closeSync(fd);
    }
}

// The page phase: the one-page HTML report of both suites, written on every
// run to coverage-report.html next to coverage-summary.json (atomically: a
// temporary file in the same folder, then a rename; never through a symlink),
// its path logged and set as the `coverage-page` output.
const PAGE_FILE = 'coverage-report.html';
/** Where the page goes: beside coverage-summary.json. */
const coveragePagePath = (summaryJson, name = PAGE_FILE) => path.join(path.dirname(summaryJson), name);
async function writeCoveragePage(run) {
    const { inputs, env } = run;
    const file = coveragePagePath(inputs.summaryJson, inputs.pageName);
    const shown = relativeToWorkspace(inputs, file);
    const dir = path.dirname(file);
    if (!liesInside(dir, inputs.workspace)) {
        run.findings.advise('action', `The coverage page was not written: ${relativeToWorkspace(inputs, dir)} leads to ${realLocation(dir)}, outside the workspace.`);
        return;
    }
    mkdirInside(dir, inputs.workspace);
    if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink()) {
        run.findings.advise('action', `The coverage page was not written: ${shown} is a symlink.`);
        return;
    }
    const sources = workspaceSources({ workspace: inputs.workspace, bases: [inputs.workingDirectory] });
    const commit = env.GITHUB_SHA ? `Commit ${env.GITHUB_SHA.slice(0, 12)}${env.GITHUB_REF ? ` (${env.GITHUB_REF})` : ''}, ` : '';
    const chunks = renderPage(suitesOf(run), {
        title: `Coverage${env.GITHUB_REPOSITORY ? ` of ${env.GITHUB_REPOSITORY}` : ''}`,
        subtitle: `${commit}written ${new Date().toISOString().replace(/\.\d+Z$/, 'Z')}`,
        source: (p) => sources(p),
        minPatch: run.patch?.minPatch ?? null,
        serverUrl: env.GITHUB_SERVER_URL || 'https://github.com'
    });
    const bytes = writeAtomically(file, chunks.map(run.redact));
    info(`Coverage page: ${shown} (${formatBytes(bytes)})`);
    setOutput('coverage-page', shown);
    run.page = { file, shown, bytes };
}
/** Writes the chunks to a new temporary file beside `file`, then renames it over `file`. Returns the bytes written. */
function writeAtomically(file, chunks) {
    const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now().toString(36)}.tmp`);
    // wx: fails rather than follow or reuse anything already at the temporary name.
    const fd = fs.openSync(temp, 'wx', 0o644);
    let open = true;
    let bytes = 0;
    try {
        for (const chunk of chunks) {
            const buf = Buffer.from(chunk);
            let done = 0;
            while (done < buf.length)
                done += fs.writeSync(fd, buf, done);
            bytes += buf.length;
        }
        open = false;
        fs.closeSync(fd);
        if (fs.lstatSync(file, { throwIfNoEntry: false })?.isSymbolicLink())
            throw new Error(`${path.basename(file)} is a symlink; not replaced`);
        fs.renameSync(temp, file);
        return bytes;
    }
    catch (error) {
        if (open)
            fs.closeSync(fd);
        fs.rmSync(temp, { force: true });
        throw error;
    }
}

// What the action needs from the event payload (GITHUB_EVENT_PATH) of a
// pull_request or pull_request_target run. Anything else gives null.
function pullRequestOf(env) {
    const event = env['GITHUB_EVENT_NAME'] ?? '';
    const file = env['GITHUB_EVENT_PATH'];
    if (!/^pull_request(_target)?$/.test(event) || !file)
        return null;
    let payload;
    try {
        payload = JSON.parse(fs.readFileSync(file, 'utf8'));
    }
    catch {
        return null;
    }
    const pr = payload.pull_request;
    const base = pr?.['base'];
    const head = pr?.['head'];
    const number = pr?.['number'];
    if (typeof number !== 'number' || typeof base?.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(base.sha) || typeof base.ref !== 'string')
        return null;
    const baseRepo = base.repo?.full_name;
    const headRepo = head?.repo?.full_name;
    return {
        number,
        baseSha: base.sha,
        baseRef: base.ref,
        headSha: typeof head?.sha === 'string' ? head.sha : null,
        fromFork: typeof baseRepo === 'string' && typeof headRepo === 'string' && baseRepo !== headRepo
    };
}

const RETRYABLE = new Set([429, 500, 502, 503, 504]);
/** A failure before the request reached the server (no connection), so even a POST may be sent again. */
function neverSent(error) {
    const code = error?.code;
    return typeof code === 'string' && ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN'].includes(code);
}
const MAX_PAUSE_MS = 10_000;
/** An API answer (a JSON page) larger than this is refused; artifact downloads pass their own cap. */
const MAX_JSON_BYTES = 64 * 1024 * 1024;
/** What is read of an error answer for its message. */
const MAX_ERROR_BYTES = 64 * 1024;
/** Same-origin redirects an API GET follows (a renamed repository answers 301). */
const MAX_REDIRECTS = 3;
class GitHubApi {
    options;
    base;
    origin;
    clients;
    constructor(options) {
        this.options = options;
        this.base = options.baseUrl.replace(/\/+$/, '');
        this.origin = new URL(this.base).origin;
    }
    static fromEnv(token, env = process.env) {
        return new GitHubApi({ baseUrl: env['GITHUB_API_URL'] || 'https://api.github.com', token });
    }
    /** Two clients: one for the API (the token goes with each request) and one for storage, which never sees it. Redirects are ours to follow. */
    http() {
        this.clients ??= import('./index-BznlaYeV.js').then(function (n) { return n.i; }).then(({ HttpClient }) => {
            const make = () => new HttpClient(this.options.userAgent ?? 'rust-python-coverage', [], {
                allowRedirects: false,
                allowRetries: false,
                socketTimeout: this.timeoutMs
            });
            return { api: make(), storage: make() };
        });
        return this.clients;
    }
    get timeoutMs() {
        return this.options.timeoutMs ?? 30_000;
    }
    apiHeaders(json) {
        return {
            Accept: 'application/vnd.github+json',
            Authorization: `Bearer ${this.options.token}`,
            'X-GitHub-Api-Version': '2022-11-28',
            ...(json ? { 'Content-Type': 'application/json' } : {})
        };
    }
    /** The path as messages show it: relative to the base URL when under it. */
    shown(url) {
        return url.startsWith(`${this.base}/`) ? url.slice(this.base.length) : url;
    }
    /** A URL on the API's own origin (and under its path, for GitHub Enterprise's /api/v3), the only place the token may go. */
    onApi(url) {
        return url.origin === this.origin && `${url.origin}${url.pathname}`.startsWith(`${this.base}/`);
    }
    /**
     * One request, tried again on 429/5xx or a failed connection (a POST only when
     * it cannot have been done: 429, or no connection made). A 2xx body over
     * `maxBytes` is refused while it streams in (the connection dropped there);
     * other answers are returned as they are, for the caller to judge.
     */
    async send(target, method, url, data, maxBytes, label) {
        const client = (await this.http())[target];
        const headers = target === 'api' ? this.apiHeaders(data !== null) : {};
        const attempts = Math.max(this.options.attempts ?? 3, 1);
        for (let attempt = 1;; attempt++) {
            let answer;
            try {
                answer = await this.exchange(client, method, url, headers, data, maxBytes, label);
            }
            catch (error) {
                if (error instanceof ApiError)
                    throw error;
                if (attempt < attempts && (method !== 'POST' || neverSent(error))) {
                    await this.pause(attempt, undefined);
                    continue;
                }
                throw new ApiError(null, `${label} failed: ${reason(error)}`);
            }
            // A POST answered 5xx may have been done (a comment created under a 502): only a 429 says it was not.
            if (attempt < attempts && (method === 'POST' ? answer.status === 429 : RETRYABLE.has(answer.status))) {
                await this.pause(attempt, answer.headers['retry-after']);
                continue;
            }
            return answer;
        }
    }
    pause(attempt, retryAfter) {
        const grown = (this.options.pauseMs ?? 1000) * 2 ** (attempt - 1);
        const asked = retryAfter !== undefined && /^\d+$/.test(retryAfter.trim()) ? Number(retryAfter) * 1000 : 0;
        const ms = Math.min(Math.max(grown, asked), MAX_PAUSE_MS);
        return new Promise((resolve) => setTimeout(resolve, ms));
    }
    /** One attempt within the deadline; throws a plain Error for a failed connection or the deadline, an ApiError for a body over the cap. */
    async exchange(client, method, url, headers, data, maxBytes, label) {
        let timer;
        const deadline = new Promise((_, reject) => {
            timer = setTimeout(() => reject(new Error(`timed out after ${this.timeoutMs / 1000} s`)), this.timeoutMs);
        });
        deadline.catch(() => { });
        const pending = client.request(method, url, data, headers);
        let message;
        try {
            message = (await Promise.race([pending, deadline])).message;
        }
        catch (error) {
            clearTimeout(timer);
            // An answer that comes after the deadline is dropped unread.
            pending.then((late) => late.message.destroy(), () => { });
            throw error;
        }
        try {
            const status = message.statusCode ?? 0;
            const ok = status >= 200 && status < 300;
            const declared = Number(message.headers['content-length'] ?? 0);
            const tooLarge = (bytes) => new ApiError(status, `${label}: ${bytes} bytes, more than the ${maxBytes} expected`);
            if (ok && declared > maxBytes)
                throw tooLarge(declared);
            const read = await Promise.race([readCapped(message, ok ? maxBytes : MAX_ERROR_BYTES), deadline]);
            if (ok && read.over !== null)
                throw tooLarge(`at least ${read.over}`);
            return { status, headers: message.headers, body: read.body };
        }
        finally {
            clearTimeout(timer);
            message.destroy();
        }
    }
    /** An API request (same-origin redirects of a GET followed); any answer but 2xx is an ApiError. */
    async call(method, path, body) {
        let url = `${this.base}${path}`;
        const data = body === undefined ? null : JSON.stringify(body);
        for (let redirects = 0;; redirects++) {
            const answer = await this.send('api', method, url, data, MAX_JSON_BYTES, `${method} ${this.shown(url)}`);
            const location = answer.headers.location;
            if (method === 'GET' && [301, 302, 307, 308].includes(answer.status) && location && redirects < MAX_REDIRECTS) {
                const next = new URL(location, url);
                if (this.onApi(next)) {
                    url = next.href;
                    continue;
                }
            }
            if (answer.status < 200 || answer.status >= 300)
                throw errorOf(method, this.shown(url), answer);
            return { answer, url };
        }
    }
    async json(method, path, body) {
        const { answer, url } = await this.call(method, path, body);
        return parseJson(method, this.shown(url), answer);
    }
    /**
     * The pages of a list, from `path` (page 1) on, following the Link header's
     * next page while it stays on the API's origin, at most `maxPages` pages.
     */
    async *pages(path, maxPages) {
        let next = path;
        for (let page = 1; next !== null && page <= maxPages; page++) {
            const { answer, url } = await this.call('GET', next);
            const items = parseJson('GET', this.shown(url), answer);
            if (!Array.isArray(items))
                throw new ApiError(answer.status, `GET ${this.shown(url)} answered ${answer.status} with something that is not a list`);
            yield items;
            const link = nextLink([answer.headers.link ?? []].flat().join(','), url);
            next = link && this.onApi(link) ? this.shown(link.href) : null;
        }
    }
    /**
     * Downloads what `path` redirects to (an artifact zip): the signed storage
     * URL is fetched by the client without the token, which must not leave the
     * API host, and the body is refused as soon as it passes `maxBytes`.
     */
    async download(path, maxBytes) {
        const first = await this.send('api', 'GET', `${this.base}${path}`, null, MAX_JSON_BYTES, `GET ${path}`);
        const location = first.headers.location;
        if (first.status >= 400)
            throw errorOf('GET', path, first);
        if (first.status < 300 || first.status >= 400 || !location) {
            throw new ApiError(first.status, `GET ${path} answered ${first.status} without a download location`);
        }
        const storage = new URL(location, `${this.base}${path}`);
        if (storage.protocol !== 'https:' && storage.protocol !== 'http:') {
            throw new ApiError(first.status, `GET ${path} redirected to a ${storage.protocol} URL`);
        }
        // Messages name the API path, never the signed URL.
        const answer = await this.send('storage', 'GET', storage.href, null, maxBytes, `downloading ${path}`);
        if (answer.status !== 200)
            throw new ApiError(answer.status, `downloading ${path} from storage answered ${answer.status}`);
        return answer.body;
    }
}
/** Reads a body up to `max` bytes; past it the connection is dropped and `over` says how much had come. */
function readCapped(message, max) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        let received = 0;
        message.on('data', (chunk) => {
            received += chunk.length;
            if (received > max) {
                message.destroy();
                resolve({ body: Buffer.concat(chunks), over: received });
                return;
            }
            chunks.push(chunk);
        });
        message.on('end', () => resolve({ body: Buffer.concat(chunks, received), over: null }));
        message.on('error', reject);
        message.on('close', () => reject(new Error('the connection closed before the end of the answer')));
    });
}
function reason(error) {
    const { code, message } = error;
    const text = firstLine(String(message ?? '')).trim();
    if (typeof code === 'string' && !text.includes(code))
        return text ? `${code} (${text})` : code;
    return text || String(error);
}
function parseJson(method, shown, answer) {
    const text = answer.body.toString('utf8');
    try {
        return (text === '' ? {} : JSON.parse(text));
    }
    catch {
        throw new ApiError(answer.status, `${method} ${shown} answered ${answer.status} with a body that is not JSON`);
    }
}
/** rel="next" of a Link header, resolved against the URL asked. */
function nextLink(header, url) {
    for (const part of header.split(',')) {
        const m = /^\s*<([^>]*)>\s*;(.*)$/.exec(part);
        if (m && /(^|;)\s*rel="?([^";]*\s)?next(\s[^";]*)?"?\s*(;|$)/.test(m[2])) {
            try {
                return new URL(m[1], url);
            }
            catch {
                return null;
            }
        }
    }
    return null;
}
function errorOf(method, shown, answer) {
    const text = answer.body.toString('utf8');
    let message;
    try {
        message = String(JSON.parse(text).message ?? '');
    }
    catch {
        message = text.slice(0, 200);
    }
    const line = firstLine(message).trim();
    return new ApiError(answer.status, `${method} ${shown} answered ${answer.status}${line ? `: ${line}` : ''}`);
}

// The record signatures of the zip format (APPNOTE 4.3), shared by the writer
// (archive.ts) and the reader (zip-read.ts).
const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;

// Reads one file out of a zip held in memory (a downloaded artifact): the
// central directory at the end, the entry's local header, then stored or
// deflated data, checked against its size and CRC-32. Pure.
/** The zip's entries, from its central directory; throws a one-line Error when it is not a zip. */
function zipEntries(zip) {
    const min = Math.max(0, zip.length - 22 - 0xffff);
    let end = -1;
    for (let i = zip.length - 22; i >= min; i--) {
        if (zip.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
            end = i;
            break;
        }
    }
    if (end < 0)
        throw new Error('not a zip file (no end of central directory)');
    const count = zip.readUInt16LE(end + 10);
    let at = zip.readUInt32LE(end + 16);
    const entries = [];
    for (let n = 0; n < count; n++) {
        if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL_HEADER)
            throw new Error('damaged zip file (central directory)');
        const nameLength = zip.readUInt16LE(at + 28);
        const extraLength = zip.readUInt16LE(at + 30);
        const commentLength = zip.readUInt16LE(at + 32);
        entries.push({
            name: zip.toString('utf8', at + 46, at + 46 + nameLength),
            method: zip.readUInt16LE(at + 10),
            crc: zip.readUInt32LE(at + 16),
            compressedSize: zip.readUInt32LE(at + 20),
            size: zip.readUInt32LE(at + 24),
            localOffset: zip.readUInt32LE(at + 42)
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
}
/** The content of the entry named `name` (or whose last path part is `name`), or null when there is none. */
function readZipEntry(zip, name, maxBytes) {
    const entries = zipEntries(zip);
    const entry = entries.find((e) => e.name === name) ?? entries.find((e) => e.name.split('/').pop() === name);
    if (!entry)
        return null;
    if (entry.size > maxBytes)
        throw new Error(`${entry.name} is ${entry.size} bytes, more than the ${maxBytes} expected`);
    const at = entry.localOffset;
    if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL_HEADER)
        throw new Error(`damaged zip file (local header of ${entry.name})`);
    const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
    const raw = zip.subarray(start, start + entry.compressedSize);
    if (raw.length !== entry.compressedSize)
        throw new Error(`damaged zip file (${entry.name} is cut short)`);
    let data;
    if (entry.method === 0)
        data = Buffer.from(raw);
    else if (entry.method === 8) {
        try {
            data = zlib.inflateRawSync(raw, { maxOutputLength: Math.max(entry.size, 1) });
        }
        catch (error) {
            throw new Error(`damaged zip file (${entry.name}: ${error.message})`, { cause: error });
        }
    }
    else
        throw new Error(`${entry.name} uses zip compression method ${entry.method}, which is not supported`);
    if (data.length !== entry.size || zlib.crc32(data) >>> 0 !== entry.crc)
        throw new Error(`damaged zip file (${entry.name} fails its size or CRC check)`);
    return data;
}

const SUMMARY_SCHEMA = 'rust-python-coverage/coverage-summary@1';

// The baseline's coverage-summary.json comes from another run's artifact: it is
// read as untrusted input. Only the fields the deltas use are taken, each
// checked for its type and range (percentages finite from 0 to 100, counts
// and artifact sizes non-negative safe integers, covered <= total, runtimes
// finite from 0 to a year, paths short strings without control characters, a
// bounded number of files); runtime and sizes may be absent (older summaries
// lack them) and then show no change; anything else makes the whole baseline
// ignored with one line saying which field and why. Pure.
/** More files than any real project's report holds; a baseline beyond it is not read. */
const MAX_BASELINE_FILES = 200_000;
/** A suite's runtime beyond a year is no runtime. */
const MAX_BASELINE_SECONDS = 366 * 24 * 3600;
const MAX_BASELINE_PATH = 4096;
const show$1 = (value) => {
    const text = JSON.stringify(value) ?? String(value);
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
};
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
function object(value, where) {
    if (!isObject(value))
        throw new InvalidSummary(`${where} must be an object, got ${show$1(value)}`);
    return value;
}
function count(value, where) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
        throw new InvalidSummary(`${where} must be a whole number from 0, got ${show$1(value)}`);
    }
    return value;
}
function tally(value, where) {
    const t = object(value, where);
    const covered = count(t['covered'], `${where}.covered`);
    const total = count(t['total'], `${where}.total`);
    if (covered > total)
        throw new InvalidSummary(`${where}.covered (${covered}) is more than ${where}.total (${total})`);
    return { covered, total };
}
function suite(value, where) {
    const s = object(value, where);
    if (typeof s['enabled'] !== 'boolean')
        throw new InvalidSummary(`${where}.enabled must be true or false, got ${show$1(s['enabled'])}`);
    let headline = null;
    if (s['headline'] !== null && s['headline'] !== undefined) {
        const h = object(s['headline'], `${where}.headline`);
        const percent = h['percent'];
        if (typeof percent !== 'number' || !Number.isFinite(percent) || percent < 0 || percent > 100) {
            throw new InvalidSummary(`${where}.headline.percent must be a number from 0 to 100, got ${show$1(percent)}`);
        }
        tally(h, `${where}.headline`);
        headline = { percent };
    }
    const rawFiles = s['files'] ?? [];
    if (!Array.isArray(rawFiles))
        throw new InvalidSummary(`${where}.files must be a list, got ${show$1(rawFiles)}`);
    if (rawFiles.length > MAX_BASELINE_FILES) {
        throw new InvalidSummary(`${where}.files holds ${rawFiles.length} files, more than ${MAX_BASELINE_FILES}`);
    }
    const files = rawFiles.map((raw, i) => {
        const f = object(raw, `${where}.files[${i}]`);
        const path = f['path'];
        if (typeof path !== 'string' || path === '' || path.length > MAX_BASELINE_PATH || /[\u0000-\u001f\u007f]/.test(path)) {
            throw new InvalidSummary(`${where}.files[${i}].path must be a path of 1 to ${MAX_BASELINE_PATH} characters, got ${show$1(path)}`);
        }
        return { path, lines: tally(f['lines'], `${where}.files[${i}].lines`) };
    });
    let durationSeconds = null;
    const seconds = s['durationSeconds'];
    if (seconds !== null && seconds !== undefined) {
        if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0 || seconds > MAX_BASELINE_SECONDS) {
            throw new InvalidSummary(`${where}.durationSeconds must be a number of seconds from 0 to ${MAX_BASELINE_SECONDS}, got ${show$1(seconds)}`);
        }
        durationSeconds = seconds;
    }
    return {
        enabled: s['enabled'],
        headline,
        files,
        durationSeconds,
        artifact: artifactSize(s['artifact'], `${where}.artifact`),
        htmlArtifact: artifactSize(s['htmlArtifact'], `${where}.htmlArtifact`)
    };
}
/** An artifact's recorded size (null: not uploaded); the artifact itself null when absent. */
function artifactSize(value, where) {
    if (value === null || value === undefined)
        return null;
    const a = object(value, where);
    const size = a['size'];
    return { size: size === null || size === undefined ? null : count(size, `${where}.size`) };
}
/** The checked baseline from a coverage-summary.json's text; an InvalidSummary names the first field that is wrong. */
function parseBaselineSummary(text) {
    let data;
    try {
        data = JSON.parse(text);
    }
    catch {
        throw new InvalidSummary('it is not JSON');
    }
    const root = object(data, 'the summary');
    if (root['schema'] !== SUMMARY_SCHEMA) {
        throw new InvalidSummary(`it is not a coverage-summary.json of this action (schema ${show$1(root['schema'] ?? null)})`);
    }
    const suites = object(root['suites'], 'suites');
    const out = {};
    for (const id of ['rust', 'python']) {
        if (suites[id] !== undefined && suites[id] !== null)
            out[id] = suite(suites[id], `suites.${id}`);
    }
    const run = isObject(root['run']) ? root['run'] : {};
    const commit = typeof run['commit'] === 'string' && /^[0-9a-f]{40,64}$/.test(run['commit']) ? run['commit'] : null;
    return { commit, suites: out };
}

/** "owner/repo/.github/workflows/ci.yml@refs/pull/1/merge" -> "ci.yml". */
function workflowFile(workflowRef) {
    return /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef ?? '')?.[1] ?? null;
}
/** Events whose runs are the base branch's own history (a pull request's run is never one, even from a branch called main). */
const BASE_EVENTS = new Set(['push', 'schedule']);
/** Why a listed run is not the base branch's own, or null when it is. */
function notOwnRun(run, repository, branch) {
    if (typeof run.id !== 'number' || !Number.isSafeInteger(run.id) || run.id <= 0)
        return 'its id is not a run id';
    const from = run.head_repository?.full_name;
    if (typeof from !== 'string' || from.toLowerCase() !== repository.toLowerCase())
        return `its head is in ${from ?? 'an unknown repository'}`;
    if (!BASE_EVENTS.has(run.event ?? ''))
        return `it ran for a ${run.event ?? 'unknown'} event`;
    if (run.head_branch !== branch)
        return `it ran on ${run.head_branch ?? 'an unknown branch'}`;
    return null;
}
const MAX_SUMMARY_BYTES = 64 * 1024 * 1024;
/** Runs listed at once: pull request runs of branches named like the base (forks) are among them and passed over. */
const LISTED_RUNS = 50;
async function findBaseline(api, query, log) {
    const repo = query.repository;
    const where = `${query.workflow} on ${query.branch}`;
    const runsPath = `/repos/${repo}/actions/workflows/${encodeURIComponent(query.workflow)}/runs` +
        `?branch=${encodeURIComponent(query.branch)}&status=success&exclude_pull_requests=true&per_page=${LISTED_RUNS}`;
    let runs;
    try {
        runs = await api.json('GET', runsPath);
    }
    catch (error) {
        throw unavailable(error, 'listing the workflow runs');
    }
    const listed = (runs.workflow_runs ?? []).filter((r) => r.id !== query.excludeRunId);
    const list = listed.filter((r) => {
        const why = notOwnRun(r, repo, query.branch);
        if (why)
            log(`Run ${r.id} is not a baseline: ${why} (only push and scheduled runs of ${repo} on ${query.branch} are)`);
        return why === null;
    });
    if (list.length === 0) {
        throw new BaselineUnavailable(listed.length === 0
            ? `no successful run of ${where} yet`
            : `no successful push or scheduled run of ${where} in ${repo} among the last ${listed.length} listed`);
    }
    for (const run of list.slice(0, query.maxRuns ?? 10)) {
        let artifacts;
        try {
            artifacts = await api.json('GET', `/repos/${repo}/actions/runs/${run.id}/artifacts?name=${encodeURIComponent(query.artifactName)}&per_page=10`);
        }
        catch (error) {
            throw unavailable(error, `listing the artifacts of run ${run.id}`);
        }
        const artifact = (Array.isArray(artifacts.artifacts) ? artifacts.artifacts : []).find((a) => a?.name === query.artifactName && !a.expired && Number.isSafeInteger(a.id) && a.id > 0);
        if (!artifact) {
            log(`Run ${run.id} of ${where} has no unexpired "${query.artifactName}" artifact; trying an older run`);
            continue;
        }
        let zip;
        try {
            zip = await api.download(`/repos/${repo}/actions/artifacts/${artifact.id}/zip`, MAX_SUMMARY_BYTES);
        }
        catch (error) {
            throw unavailable(error, `downloading artifact ${artifact.id}`);
        }
        const names = [...new Set([query.fileName ?? 'coverage-summary.json', 'coverage-summary.json'])];
        const shown = `${names[0]} of run ${run.id}`;
        let text = null;
        try {
            for (const name of names)
                if (!text)
                    text = readZipEntry(zip, name, MAX_SUMMARY_BYTES);
        }
        catch (error) {
            throw new BaselineUnavailable(`artifact "${query.artifactName}" of run ${run.id}: ${error.message}`);
        }
        if (!text)
            throw new BaselineUnavailable(`artifact "${query.artifactName}" of run ${run.id} holds no ${names.join(' or ')}`);
        let summary;
        try {
            summary = parseBaselineSummary(text.toString('utf8'));
        }
        catch (error) {
            if (!(error instanceof InvalidSummary))
                throw error;
            throw new BaselineUnavailable(`baseline ignored: ${shown}: ${error.message}`);
        }
        return {
            runId: run.id,
            url: typeof run.html_url === 'string' && /^https?:\/\/[^\s()<>[\]"'`]+$/.test(run.html_url) ? run.html_url : null,
            commit: (typeof run.head_sha === 'string' && /^[0-9a-f]{40,64}$/.test(run.head_sha) ? run.head_sha : null) ?? summary.commit,
            branch: query.branch,
            createdAt: typeof run.created_at === 'string' && run.created_at.length <= 40 ? run.created_at : null,
            summary
        };
    }
    throw new BaselineUnavailable(`none of the last ${list.length} successful run(s) of ${where} has an unexpired "${query.artifactName}" artifact (coverage did not run there yet, or it expired)`);
}
function unavailable(error, doing) {
    const message = error.message;
    const hint = error instanceof ApiError && (error.status === 403 || error.status === 404) ? ' (the token needs `actions: read`)' : '';
    return new BaselineUnavailable(`${doing}: ${message}${hint}`);
}

// The baseline phase: on a pull request (or with baseline-branch), the base
// branch's latest coverage-summary.json, the deltas per suite and file, and the
// max-drop gate (a finding like any other). No baseline is never a finding: a
// first pull request after adopting the action has none; it is a notice.
/** The baseline phase; null when the baseline is off or there is no branch to compare with. */
async function compareWithBaseline(run) {
    const { inputs, findings, env } = run;
    const suites = suitesOf(run);
    if (!inputs.baseline.enabled)
        return null;
    const branch = inputs.baseline.branch || pullRequestOf(env)?.baseRef;
    if (!branch)
        return null;
    const maxDrop = inputs.baseline.maxDrop;
    const none = (why) => {
        notice(`Nothing to compare with on ${branch}: ${why}${maxDrop !== null ? '; max-drop is not judged' : ''}.`, { title: 'Coverage baseline' });
        return { run: null, unavailable: why, maxDrop };
    };
    const repository = env['GITHUB_REPOSITORY'];
    const workflow = workflowFile(env['GITHUB_WORKFLOW_REF']);
    if (!inputs.githubToken)
        return none('github-token is empty');
    if (!repository || !workflow)
        return none('GITHUB_REPOSITORY or GITHUB_WORKFLOW_REF is not set (not running in GitHub Actions)');
    startGroup(`Coverage baseline: ${workflow} on ${branch}`);
    let baseline;
    try {
        baseline = await findBaseline(GitHubApi.fromEnv(inputs.githubToken, env), {
            repository,
            workflow,
            branch,
            artifactName: inputs.summaryArtifactName,
            fileName: path.basename(inputs.summaryJson),
            excludeRunId: Number(env['GITHUB_RUN_ID'] ?? 0)
        }, (line) => info(line));
    }
    catch (error) {
        if (!(error instanceof BaselineUnavailable))
            throw error;
        return none(error.message);
    }
    finally {
        endGroup();
    }
    if (!baseline)
        return none('not found');
    info(`Baseline: run ${baseline.runId} (commit ${baseline.commit?.slice(0, 12) ?? 'unknown'})`);
    for (const suite of suites) {
        const delta = suiteDelta(suite, baseline.summary.suites?.[suite.suite]);
        suite.delta = delta;
        if (!delta || delta.delta === null)
            continue;
        info(`${suite.label}: ${formatPercent(delta.before)} -> ${formatPercent(delta.after)} (${formatDelta(delta.delta)})`);
        // Rounded to hundredths of a point, so float noise never trips the gate.
        if (maxDrop !== null && Math.round(-delta.delta * 100) / 100 > maxDrop) {
            findings.add(suite.suite, 'drop', `${suite.label} coverage dropped ${formatDelta(delta.delta).replace(/^−/, '')} (${formatPercent(delta.before)} on ${branch} to ${formatPercent(delta.after)}), more than max-drop ${maxDrop} pp`);
        }
    }
    const { summary: _summary, ...baselineRun } = baseline;
    return { run: baselineRun, maxDrop };
}

// Uploads one suite's files as an artifact, and lists and downloads this run's
// artifacts (merge mode), through @actions/artifact, which is imported only here
// and only when it is needed (it is the largest module to load; the skip path never does).
/** This workflow run's page, when the runner says which run it is. */
function runUrl(env = process.env) {
    const server = env['GITHUB_SERVER_URL'] || 'https://github.com';
    const repo = env['GITHUB_REPOSITORY'];
    const run = env['GITHUB_RUN_ID'];
    return repo && run ? `${server}/${repo}/actions/runs/${run}` : undefined;
}
function runPageUrl(id, env = process.env) {
    const run = runUrl(env);
    return run ? `${run}/artifacts/${id}` : undefined;
}
/** The runner variables the artifact client needs. */
const UPLOAD_VARIABLES = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_RESULTS_URL'];
/** Which of the artifact client's variables are missing here. */
function missingUploadVariables(env = process.env) {
    return UPLOAD_VARIABLES.filter((name) => !env[name]);
}
/**
 * Why uploads cannot happen here, or null. Outside GitHub Actions (a local
 * run) that is expected; inside (GITHUB_ACTIONS=true) it is a problem to report
 * (a container job or a step whose environment was stripped): see uploadProblem.
 */
function uploadUnavailable(env = process.env) {
    const missing = missingUploadVariables(env);
    if (missing.length === 0)
        return null;
    if (env['GITHUB_ACTIONS'] === 'true')
        return uploadProblem(missing);
    return 'no artifact service here (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are not set: not running in GitHub Actions)';
}
/** Inside GitHub Actions: the finding's line, naming the missing variables. */
function uploadProblem(missing) {
    return `${missing.join(' and ')} ${missing.length > 1 ? 'are' : 'is'} not set although GITHUB_ACTIONS is true (a container job or a step whose environment was stripped?): pass the runner's ${UPLOAD_VARIABLES.join(' and ')} through to this step, or set upload: false`;
}
/** Whether a missing artifact service here is a finding (inside GitHub Actions) rather than expected (a local run). */
const uploadMissingIsFinding = (env = process.env) => env['GITHUB_ACTIONS'] === 'true' && missingUploadVariables(env).length > 0;
/** Errors of the connection itself, which @actions/artifact's Twirp client does not retry (it retries 429/5xx). */
const NETWORK_ERROR = /ECONNRESET|ECONNREFUSED|ETIMEDOUT|EPIPE|EAI_AGAIN|socket hang up|Unable to make request/i;
async function uploadArtifact(request) {
    const problem = artifactNameProblem(request.name);
    if (problem)
        throw new UploadError(`artifact name ${JSON.stringify(request.name)} ${problem}`);
    const { DefaultArtifactClient } = await import('./artifact-DCepTgxn.js');
    const client = new DefaultArtifactClient();
    let timer;
    const timeout = new Promise((_, reject) => {
        timer = setTimeout(() => reject(new UploadError(`the artifact service did not finish within ${Math.round(request.timeoutMs / 1000)} s`)), request.timeoutMs);
    });
    const upload = () => client.uploadArtifact(request.name, request.files, request.rootDirectory, {
        ...(request.retentionDays ? { retentionDays: request.retentionDays } : {}),
        ...(request.unzipped ? { skipArchive: true } : { compressionLevel: request.compressionLevel })
    });
    try {
        let response;
        try {
            response = await Promise.race([upload(), timeout]);
        }
        catch (error) {
            // One more attempt after a dropped connection (not after an answer the service gave, nor after the timeout).
            const message = error instanceof Error ? error.message : String(error);
            if (error instanceof UploadError || !NETWORK_ERROR.test(message))
                throw error;
            info(`${request.name}: ${firstLine(message)}; trying once more`);
            response = await Promise.race([upload(), timeout]);
        }
        if (response.id === undefined)
            throw new UploadError('the artifact service returned no artifact id');
        const url = runPageUrl(response.id);
        return {
            id: response.id,
            size: response.size ?? 0,
            ...(response.digest ? { digest: response.digest } : {}),
            ...(url ? { url } : {})
        };
    }
    catch (error) {
        throw new UploadError(explain(request.name, error));
    }
    finally {
        clearTimeout(timer);
    }
}
function explain(name, error) {
    const message = firstLine(error instanceof Error ? error.message : String(error));
    if (/\(409\)|already exists/i.test(message)) {
        return `an artifact named "${name}" already exists in this run (another matrix job or step uploaded it): give each job its own name, e.g. ${name}-\${{ matrix.python-version }}`;
    }
    return message;
}
/** The deepest folder holding all the files (artifact entries are named relative to it). */
function commonRoot(files) {
    const dirs = files.map((f) => path.dirname(path.resolve(f)));
    let root = dirs[0] ?? process.cwd();
    for (const dir of dirs.slice(1)) {
        while (path.relative(root, dir).startsWith('..'))
            root = path.dirname(root);
    }
    return root;
}
/** The artifacts of this workflow run (the latest of each name). */
async function listRunArtifacts() {
    const { DefaultArtifactClient } = await import('./artifact-DCepTgxn.js');
    const listed = await new DefaultArtifactClient().listArtifacts({ latest: true });
    return listed.artifacts.map((a) => ({ id: a.id, name: a.name }));
}
/** Downloads one artifact of this run and unzips it into `dir`. */
async function downloadRunArtifact(id, dir) {
    const { DefaultArtifactClient } = await import('./artifact-DCepTgxn.js');
    await new DefaultArtifactClient().downloadArtifact(id, { path: dir });
}

var artifacts = /*#__PURE__*/Object.freeze({
    __proto__: null,
    commonRoot: commonRoot,
    downloadRunArtifact: downloadRunArtifact,
    listRunArtifacts: listRunArtifacts,
    missingUploadVariables: missingUploadVariables,
    runPageUrl: runPageUrl,
    runUrl: runUrl,
    uploadArtifact: uploadArtifact,
    uploadMissingIsFinding: uploadMissingIsFinding,
    uploadProblem: uploadProblem,
    uploadUnavailable: uploadUnavailable
});

function statusOf$1(findings, nonBlocking) {
    if (findings.length === 0)
        return 'passed';
    return nonBlocking ? 'warned' : 'failed';
}
/** A suite's figure below its threshold is a finding, judged as its own tool judges it (meetsThreshold). */
function judgeThreshold(suite, findings) {
    const headline = suite.headline;
    if (!headline || suite.minLines === null || meetsThreshold(headline, suite.minLines))
        return;
    const printed = headline.toolGate ? ` (${headline.toolGate.tool} prints ${headline.toolGate.printed})` : '';
    findings.add(suite.suite, 'threshold', `${suite.label} coverage ${formatPercent(headline.percent)}${printed} is below ${suite.suite}-min-lines ${suite.minLines}%`);
}
/**
 * The threshold judged as the suite's own tool judges it: coverage.py rounds its
 * total to its precision first (59.56% passes 60 at precision 0); cargo llvm-cov
 * --fail-under-lines compares the unrounded LF/LH figure.
 */
function meetsThreshold(headline, minLines) {
    const gate = headline.toolGate;
    return gate ? passesLikeCoveragePy(headline.percent, minLines, gate.precision) : headline.percent >= minLines;
}
/** The line shown for one finding in the given mode. */
function describe(finding, nonBlocking) {
    return nonBlocking ? `${finding.message} (would fail the step with non-blocking: false)` : finding.message;
}
/**
 * The last phase: annotations, the failed step when enforcing, and the status
 * and findings outputs. Findings and advisories share the step's annotation
 * budget per type (GitHub shows 10): past it the rest go to the log and one
 * annotation points to the job summary.
 */
function announce(run) {
    const { findings, redact } = run;
    const nonBlocking = run.inputs.nonBlocking;
    const status = statusOf$1(findings.findings, nonBlocking);
    const lines = findings.findings.map((f) => redact(describe(f, nonBlocking)));
    const annotate = nonBlocking ? warning : error;
    for (const line of lines)
        annotate(line);
    for (const advisory of findings.advisories)
        warning(redact(advisory.message));
    flushAnnotations();
    if (status === 'failed') {
        setFailed(`Coverage failed with ${lines.length} finding(s): ${lines[0]}${lines.length > 1 ? ' …' : ''}`);
    }
    setOutput$1('status', status);
    setOutput$1('findings', String(findings.findings.length));
    return status;
}

// Text the action did not write (paths from reports, command text, artifact
// and shard names, baseline contents, messages that quote any of these) as
// inert GitHub-flavoured markdown: whatever it holds, no link, autolink,
// image, HTML tag, mention, issue or commit reference, emoji, table or
// <details> break, emphasis or code span comes out of it; invisible, control
// and bidi characters are shown as <U+XXXX>, line breaks as ⏎; and each value
// is capped (head … tail). Pure.
//
// Two layers, because GitHub works on both: the markdown parser sees
// entities (`&#64;` is no `@` to it), and GitHub's reference filters
// (mentions, #123, GH-1, owner/repo#1, SHAs, :emoji:) run afterwards on the
// rendered text, where entities are already decoded, so a <wbr> (a line-break
// opportunity: no character, nothing to copy) splits the text there.
/** Splits GitHub's post-render text matching without adding a character. */
const BREAK = '<wbr>';
/** Default cap, in characters, of one value. */
const DEFAULT_MAX_CHARS = 300;
const ENTITIES = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '|': '&#124;',
    '[': '&#91;',
    ']': '&#93;',
    '\\': '&#92;',
    '`': '&#96;',
    '*': '&#42;',
    '~': '&#126;',
    $: '&#36;',
    '#': `&#35;${BREAK}`,
    '@': `&#64;${BREAK}`,
    ':': `&#58;${BREAK}`
};
const IS_INVISIBLE = /^[\r\n\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]$/u;
// In one pass: line breaks and the invisibles above, autolink starts (www.),
// GitHub references (GH-1, commit SHAs as bare hex words of 7 or more) and
// every character markdown or GitHub gives a meaning.
const ACTIVE = /\r\n|www\.|GH-(?=\d)|(?<![0-9A-Za-z])[0-9A-Fa-f]{7,}(?![0-9A-Za-z])|[&<>|[\]\\`*_~$#@:\r\n\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/giu;
const WORD = /[\p{L}\p{N}]/u;
/** `text` capped at `maxChars` code points: the head, '…', the tail. Never splits a surrogate pair. */
function cap(text, maxChars = DEFAULT_MAX_CHARS) {
    if (text.length <= maxChars)
        return text;
    if (maxChars < 3)
        return '…';
    let head = text.slice(0, Math.ceil((maxChars - 1) / 2));
    let tail = text.slice(text.length - Math.floor((maxChars - 1) / 2));
    if (isHighSurrogate(head.charCodeAt(head.length - 1)))
        head = head.slice(0, -1);
    if (isLowSurrogate(tail.charCodeAt(0)))
        tail = tail.slice(1);
    return `${head}…${tail}`;
}
const isHighSurrogate = (c) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c) => c >= 0xdc00 && c <= 0xdfff;
const codePointName = (c) => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
/**
 * Untrusted text as inert inline markdown, for paragraphs, list items,
 * <sub> lines and table cells: capped at `maxChars` (before escaping, so its
 * bytes stay under maxChars × MAX_BYTES_PER_CHAR), then, in one pass,
 * invisibles made visible and every active character escaped.
 */
function untrusted(text, maxChars = DEFAULT_MAX_CHARS) {
    const escaped = cap(String(text), maxChars).replace(ACTIVE, (m, offset, whole) => {
        if (m.length === 1) {
            const entity = ENTITIES[m];
            if (entity !== undefined)
                return entity;
            if (m === '\r' || m === '\n')
                return '⏎';
            if (m === '_') {
                // An underscore between two letters or digits can neither open nor close
                // emphasis (CommonMark's flanking rules); kept, so snake_case stays readable.
                return WORD.test(whole[offset - 1] ?? '') && WORD.test(whole[offset + 1] ?? '') ? '_' : '&#95;';
            }
            if (IS_INVISIBLE.test(m))
                return `&lt;${codePointName(m)}&gt;`;
            return m;
        }
        if (m === '\r\n')
            return '⏎';
        if (IS_INVISIBLE.test(m))
            return `&lt;${codePointName(m)}&gt;`;
        const lower = m.toLowerCase();
        if (lower === 'www.')
            return `${m.slice(0, 3)}&#46;${BREAK}`;
        if (lower === 'gh-')
            return `${m}${BREAK}`;
        return (m.match(/.{1,6}/g) ?? [m]).join(BREAK);
    });
    return escapeLineStart(escaped);
}
// A value that begins a line (a list item's text) must not start a block: a
// nested list (-, +, 1. or 1)), a setext underline (=) or, indented, code.
function escapeLineStart(text) {
    const first = text[0];
    if (first === '-' || first === '+' || first === '=')
        return `&#${first.charCodeAt(0)};${text.slice(1)}`;
    if (first === ' ')
        return `&#32;${text.slice(1)}`;
    const ordered = /^\d{1,9}(?=[.)])/.exec(text)?.[0];
    if (ordered !== undefined)
        return `${ordered}&#${text.charCodeAt(ordered.length)};${text.slice(ordered.length + 1)}`;
    return text;
}
/**
 * `url` as a markdown link destination when it is an https URL on the host of
 * `serverUrl` (GITHUB_SERVER_URL) with no user or password in it, else null.
 * The characters that would end the destination or the table cell are
 * percent-encoded, `&` is written as `&amp;` (markdown decodes entities in
 * destinations, so the link goes where the validated URL goes).
 */
function safeUrl(url, serverUrl) {
    if (typeof url !== 'string' || url === '')
        return null;
    let parsed;
    let server;
    try {
        parsed = new URL(url);
        server = new URL(serverUrl);
    }
    catch {
        return null;
    }
    if (parsed.protocol !== 'https:' || server.protocol !== 'https:')
        return null;
    if (parsed.host !== server.host || parsed.username !== '' || parsed.password !== '')
        return null;
    return parsed.href.replace(/[()[\]|<>\\\s`"']|&/g, (c) => (c === '&' ? '&amp;' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`));
}
/** `[label](url)` when `url` passes safeUrl, else the label alone. `label` is markdown the caller made safe. */
function link(label, url, serverUrl) {
    const target = safeUrl(url, serverUrl);
    return target ? `[${label}](${target})` : label;
}

const SUMMARY_LIMIT_BYTES = 1024 * 1024;
/** Room left for anything else appended to the same step summary. */
const BUDGET_BYTES = SUMMARY_LIMIT_BYTES - 64 * 1024;
/** Caps, in characters, of one untrusted value of each sort (bytes: at most 16 per character). */
const MAX_PATH_CHARS = 200;
const MAX_MESSAGE_CHARS = 400;
const MAX_NAME_CHARS = 100;
/** Findings and warnings listed before "N more"; the rest are in the annotations and the log. */
const MAX_LISTED = 50;
/** Shard artifact names listed per suite in merge mode. */
const MAX_SHARD_NAMES = 20;
/** Values up to this long are escaped once for all the renders of one renderSummary call (longer ones cost more to hash than to cap). */
const CACHED_CHARS = 8192;
/** How one renderSummary call shows untrusted values (the shrinking loop renders again: escaped values are kept). */
function show(input) {
    const redact = input.redact ?? ((t) => t);
    const server = input.serverUrl || 'https://github.com';
    const seen = new Map();
    const text = (value, maxChars) => {
        let byValue = seen.get(maxChars);
        if (!byValue)
            seen.set(maxChars, (byValue = new Map()));
        let shown = byValue.get(value);
        if (shown !== undefined)
            return shown;
        // Redacted whole, before the cap could cut a secret in two and the escaping split it.
        shown = untrusted(redact(String(value)), maxChars);
        if (value.length <= CACHED_CHARS)
            byValue.set(value, shown);
        return shown;
    };
    return {
        text,
        code: (value, maxChars) => `<code>${text(value, maxChars)}</code>`,
        link: (label, url) => link(label, url, server)
    };
}
const STATUS_LINE = {
    passed: '✅ Coverage passed.',
    warned: '⚠️ Coverage has findings; non-blocking mode is on, so the step succeeded.',
    failed: '❌ Coverage failed.'
};
/** The summary, its file tables shrunk until it fits `budgetBytes` (the step summary's limit by default). */
function renderSummary(input, budgetBytes = BUDGET_BYTES) {
    let files = input.filesPerSuite;
    let listed = MAX_LISTED;
    const s = show(input);
    for (;;) {
        const text = render(input, files, listed, s);
        if (Buffer.byteLength(text) <= budgetBytes || (files === 0 && listed === 0))
            return text;
        if (files > 0)
            files = Math.floor(files / 2);
        else
            listed = Math.floor(listed / 2);
    }
}
function render(input, filesPerSuite, listed, s) {
    const out = [];
    out.push('## Coverage', '', STATUS_LINE[input.status], '');
    if (input.page) {
        out.push(`📄 ${s.link('Open the coverage page in the browser', input.page.url)}: both suites, file by file, with the lines run and missed.`, '');
    }
    out.push('| Suite | Coverage | Threshold | Result | Duration | Artifact |');
    out.push('| --- | --- | --- | --- | --- | --- |');
    for (const suite of input.suites)
        out.push(suiteRow(suite, input, s));
    out.push('');
    const withPackages = input.suites.find((suite) => suite.packages);
    if (withPackages?.packages)
        out.push(packagesLine(withPackages, withPackages.packages, s), '');
    const fromPython = input.suites.find((suite) => suite.fromPython);
    if (fromPython?.fromPython)
        out.push(fromPythonLine(fromPython, fromPython.fromPython), '');
    if (input.merge)
        out.push(mergeLine(input.merge, Math.min(listed, MAX_SHARD_NAMES), s), '');
    if (input.baseline)
        out.push(baselineLine(input.baseline, s), '');
    const since = sinceBaselineLine(input.suites);
    if (since)
        out.push(since, '');
    if (input.patch)
        out.push(...patchSection(input.patch, input.suites, filesPerSuite, s));
    if (input.findings.length > 0) {
        out.push(input.nonBlocking ? '### Findings (warnings: non-blocking mode)' : '### Findings', '');
        // The message is untrusted; what describe() adds after it is ours.
        const lines = input.findings
            .slice(0, listed)
            .map((finding) => `${s.text(finding.message, MAX_MESSAGE_CHARS)}${describe({ ...finding, message: '' }, input.nonBlocking)}`);
        out.push(...listItems(lines, input.findings.length, 'finding(s), in the annotations and the log'), '');
    }
    if (input.advisories.length > 0) {
        out.push('### Warnings', '');
        const lines = input.advisories.slice(0, listed).map((advisory) => s.text(advisory.message, MAX_MESSAGE_CHARS));
        out.push(...listItems(lines, input.advisories.length, 'warning(s), in the annotations and the log'), '');
    }
    for (const suite of input.suites) {
        const report = suite.report;
        if (!report || filesPerSuite === 0)
            continue;
        const unit = suite.headline?.unit ?? 'lines';
        const lines = (f) => fileCount(f, report, unit);
        const tallies = report.files.map(lines);
        const withMisses = tallies.filter((t) => t.covered < t.total).length;
        const rows = lowestCovered(report.files, filesPerSuite, lines);
        if (rows.length === 0)
            continue;
        const shown = rows.length < withMisses ? `the ${rows.length} lowest-covered of ` : '';
        // Only files with missed lines are listed: say how many others there are, and why they are not.
        const full = tallies.filter((t) => t.total > 0 && t.covered === t.total).length;
        const empty = tallies.filter((t) => t.total === 0).length;
        const leftOut = [...(full > 0 ? [`${full} fully covered`] : []), ...(empty > 0 ? [`${empty} with no ${unit}`] : [])];
        out.push(`<details><summary>${suite.label}: ${shown}${withMisses} file(s) with missed ${unit}${leftOut.length > 0 ? ` (${leftOut.join(', ')} left out)` : ''}</summary>`, '');
        out.push(`| File | ${capitalise(unit)} | Covered | Missed |`, '| --- | ---: | ---: | ---: |');
        for (const file of rows) {
            const t = lines(file);
            const p = percent(t);
            out.push(`| ${s.code(file.path, MAX_PATH_CHARS)} | ${t.total} | ${p === null ? '–' : formatPercent(p)} | ${t.total - t.covered} |`);
        }
        out.push('', '</details>', '');
    }
    for (const suite of input.suites) {
        const files = suite.delta?.files ?? [];
        if (files.length === 0 || filesPerSuite === 0)
            continue;
        const rows = files.slice(0, filesPerSuite);
        out.push(`<details><summary>${suite.label}: ${files.length} file(s) changed coverage since the baseline${rows.length < files.length ? ` (${rows.length} shown)` : ''}</summary>`, '');
        out.push('| File | Before | After | Change |', '| --- | ---: | ---: | ---: |');
        for (const f of rows) {
            const change = f.delta !== null ? formatDelta(f.delta) : f.before === null ? 'new' : 'removed';
            out.push(`| ${s.code(f.path, MAX_PATH_CHARS)} | ${f.before === null ? '–' : formatPercent(f.before)} | ${f.after === null ? '–' : formatPercent(f.after)} | ${change} |`);
        }
        out.push('', '</details>', '');
    }
    const notes = input.suites
        .filter((suite) => suite.headline)
        .map((suite) => `${suite.label}: ${s.text(suite.headline?.basis ?? '', MAX_MESSAGE_CHARS)}.`);
    const rust = input.suites.find((suite) => suite.suite === 'rust');
    const da = rust?.report?.totals.lines;
    if (rust?.headline && da && da.total > 0 && rust.report?.declared.lines) {
        const daPercent = percent(da);
        if (daPercent !== null && Math.abs(daPercent - rust.headline.percent) >= 0.005) {
            notes.push(`Rust by DA lines (genhtml, Codecov): ${formatPercent(daPercent)} (${da.covered}/${da.total}); llvm-cov counts lines shared by nested functions once per function.`);
        }
    }
    if (notes.length > 0)
        out.push(`<sub>${notes.join(' ')}</sub>`, '');
    return out.join('\n');
}
/** Which cargo packages the Rust figure covers (a workspace, or a narrowed selection). */
function packagesLine(suite, p, s) {
    const names = p.names.map((name) => s.code(name, 100)).join(', ');
    return `**${suite.label} packages measured**: ${names}${p.wholeWorkspace ? ' (the whole cargo workspace)' : ''}.`;
}
/** rust-from-python: what the Rust tests alone run, and what only the Python tests reach. */
function fromPythonLine(suite, f) {
    const alone = f.rustTestsOnly ? `${formatPercent(f.rustTestsOnly.percent)} (${f.rustTestsOnly.covered}/${f.rustTestsOnly.total})` : 'no data';
    const all = suite.headline ? ` (${formatPercent(suite.headline.percent)} with them)` : '';
    return `**${suite.label} from the Python tests too**: the Rust tests alone run ${alone}; ${f.linesOnlyPython} line(s) only the Python tests reach${all}. The instrumented extension build took ${f.buildSeconds.toFixed(1)} s.`;
}
/** Markdown list items of the lines shown out of `total`, then one saying how many more there are. */
function listItems(shown, total, more) {
    const items = shown.map((line) => `- ${line}`);
    if (total > shown.length)
        items.push(`- … and ${total - shown.length} more ${more}.`);
    return items;
}
function mergeLine(merge, listed, s) {
    const names = (suite) => {
        const all = merge.shards.filter((shard) => shard.suite === suite);
        const shown = all.slice(0, listed).map((shard) => s.text(shard.artifact, MAX_NAME_CHARS));
        if (all.length > shown.length)
            shown.push(`${shown.length > 0 ? 'and ' : ''}${all.length - shown.length} more`);
        return shown.join(', ') || 'none';
    };
    return `<sub>Merged from ${merge.shards.length} shard artifact(s) of this run. Rust: ${names('rust')}. Python: ${names('python')}. A line counts as run when any shard ran it.</sub>`;
}
function baselineLine(baseline, s) {
    if (!baseline.run)
        return `<sub>No baseline to compare with: ${s.text(baseline.unavailable ?? 'unknown reason', MAX_MESSAGE_CHARS)}.</sub>`;
    const run = baseline.run;
    // The run's html_url comes from the API (or a stand-in for it): a link only when it is on this server.
    const runText = s.link(`run ${s.text(String(run.runId), 20)}`, run.url);
    const commit = !run.commit ? 'unknown' : /^[0-9a-f]{7,64}$/i.test(run.commit) ? `\`${run.commit.slice(0, 12)}\`` : s.code(run.commit, 20);
    const gate = baseline.maxDrop === null ? '' : `; max-drop ${baseline.maxDrop} pp`;
    return `<sub>Changes are against ${s.text(run.branch, MAX_NAME_CHARS)} (${runText}, commit ${commit})${gate}.</sub>`;
}
/** Per suite with a baseline: the coverage change beside the runtime's and the artifacts' size's; null without one. */
function sinceBaselineLine(suites) {
    const parts = [];
    for (const suite of suites) {
        const costs = suiteCosts(suite);
        if (!costs)
            continue;
        const delta = suite.delta?.delta;
        parts.push(`${suite.label}${delta === null || delta === undefined ? '' : ` ${formatDelta(delta)}`}, ${costsText(suite, costs)}`);
    }
    return parts.length > 0 ? `<sub>Since the baseline: ${parts.join('; ')}.</sub>` : null;
}
/** Changed lines per suite: the figure, the gate and where the uncovered ones are. */
function patchSection(patch, suites, filesPerSuite, s) {
    if (patch.base === null)
        return [`**Patch coverage** was not measured: ${s.text(patch.unavailable ?? 'unknown reason', MAX_MESSAGE_CHARS)}.`, ''];
    const out = [
        `### Patch coverage`,
        '',
        `Lines changed since ${s.text(patch.how, MAX_MESSAGE_CHARS)}; ${patch.changedFiles} changed file(s).`,
        '',
        '| Suite | Changed lines run | Gate | Not run |',
        '| --- | --- | --- | --- |'
    ];
    for (const suite of suites) {
        if (!suite.enabled || !suite.report)
            continue;
        const p = suite.patch;
        const gate = patch.minPatch === null ? 'none' : `≥ ${patch.minPatch}%`;
        if (!p || p.percent === null) {
            out.push(`| ${suite.label} | no instrumented ${suite.report.producer === 'coverage.py' ? 'statement' : 'line'} changed | ${gate} | – |`);
            continue;
        }
        const withMisses = p.files.filter((f) => f.uncovered.length > 0);
        const shown = withMisses.slice(0, Math.max(filesPerSuite, 1));
        const notRun = shown.map((f) => `${s.code(f.path, MAX_PATH_CHARS)} ${rangesText(f.uncovered, 10)}`);
        const more = withMisses.length - shown.length;
        if (more > 0)
            notRun.push(`and ${more} more file(s)`);
        out.push(`| ${suite.label} | **${formatPercent(p.percent)}** (${p.covered}/${p.total}) | ${gate} | ${notRun.join('<br>') || '–'} |`);
    }
    out.push('');
    return out;
}
function rangesText(ranges, limit) {
    const text = ranges.slice(0, limit).map(([a, b]) => (a === b ? `${a}` : `${a}–${b}`));
    if (ranges.length > limit)
        text.push(`… (${ranges.length - limit} more)`);
    return text.join(', ');
}
function suiteRow(suite, input, s) {
    if (!suite.enabled)
        return `| ${suite.label} | – | – | disabled | – | – |`;
    const headline = suite.headline;
    const delta = suite.delta?.delta;
    const change = delta === null || delta === undefined ? '' : ` ${delta < -5e-3 ? '▼' : delta > 0.005 ? '▲' : ''}${formatDelta(delta)}`;
    const printed = headline?.toolGate ? `; ${headline.toolGate.tool} prints ${headline.toolGate.printed}` : '';
    const partial = suite.partial ? ' · partial' : '';
    const coverage = headline
        ? `**${formatPercent(headline.percent)}** (${headline.covered}/${headline.total} ${headline.unit}${printed})${change}${partial}`
        : 'no data';
    const threshold = suite.minLines === null ? 'none' : `≥ ${suite.minLines}%`;
    const own = input.findings.filter((f) => f.suite === suite.suite);
    let result;
    if (own.length === 0)
        result = '✅ passed';
    else {
        const kinds = [...new Set(own.map((f) => KIND_LABEL[f.kind]))].join(', ');
        result = input.nonBlocking ? `⚠️ ${kinds} (would fail)` : `❌ ${kinds}`;
    }
    const duration = `${(suite.durationMs / 1000).toFixed(1)} s`;
    return `| ${suite.label} | ${coverage} | ${threshold} | ${result} | ${duration} | ${artifactCell(suite, s)} |`;
}
const KIND_LABEL = {
    'tool-failed': 'tool failed',
    'tests-failed': 'tests failed',
    'timed-out': 'timed out',
    'report-missing': 'report missing',
    'report-unreadable': 'report unreadable',
    'no-data': 'no data',
    threshold: 'below threshold',
    patch: 'patch coverage',
    drop: 'coverage dropped',
    'upload-failed': 'upload failed',
    internal: 'internal error'
};
/** The suite's artifacts (Rust: the reports, then the zipped HTML report), linked, with their sizes. */
function artifactCell(suite, s) {
    const artifacts = [suite.artifact, suite.htmlArtifact].filter((a) => a !== undefined);
    const first = artifacts[0];
    if (!first)
        return '–';
    // One reason for all of them (no artifact service here) is said once.
    if (first.error && artifacts.every((a) => a.error === first.error))
        return `not uploaded: ${s.text(first.error, MAX_MESSAGE_CHARS)}`;
    return artifacts.map((a) => oneArtifact(a, s, artifacts.length > 1)).join('<br>');
}
function oneArtifact(artifact, s, named) {
    const name = s.text(artifact.name, MAX_NAME_CHARS);
    if (artifact.error)
        return `${named ? `${name} ` : ''}not uploaded: ${s.text(artifact.error, MAX_MESSAGE_CHARS)}`;
    const size = typeof artifact.size === 'number' ? ` (${formatBytes(artifact.size)})` : '';
    return `${s.link(name, artifact.url)}${size}`;
}
/** A file's lines as the suite's headline counts them: LF/LH when the headline is cargo-llvm-cov's LF/LH figure, else the line records. */
function fileLines(file, report) {
    return report.declared.lines && file.declaredLines ? file.declaredLines : file.lines;
}
/**
 * A file in the unit of its suite's headline: coverage.py's total with branch
 * coverage counts statements plus branches, per file too (its Cover column);
 * otherwise the lines (fileLines).
 */
function fileCount(file, report, unit) {
    const lines = fileLines(file, report);
    if (unit !== 'statements + branches')
        return lines;
    return { covered: lines.covered + file.branches.covered, total: lines.total + file.branches.total };
}
/** Files with missed lines, the lowest covered first (then the most missed), at most `count`. */
function lowestCovered(files, count, lines = (f) => f.lines) {
    return files
        .filter((f) => lines(f).total > 0 && lines(f).covered < lines(f).total)
        .sort((a, b) => {
        const la = lines(a);
        const lb = lines(b);
        const pa = la.covered / la.total;
        const pb = lb.covered / lb.total;
        if (pa !== pb)
            return pa - pb;
        const missed = lb.total - lb.covered - (la.total - la.covered);
        return missed !== 0 ? missed : a.path < b.path ? -1 : 1;
    })
        .slice(0, count);
}
const capitalise = (word) => `${word.charAt(0).toUpperCase()}${word.slice(1)}`;

// The job summary as terminal text, for a run outside GitHub Actions: the
// markdown stays (tables read well as they are), the HTML the step summary
// needs (<details>, <code>, <sub>, <wbr>, entities) becomes plain text. Pure.
//
// Entities are decoded once, left to right (so `&amp;#64;` shows as `&#64;`),
// and only then are control characters dealt with: whatever an entity or the
// text itself holds, no escape sequence (ESC, CSI, OSC), carriage return,
// backspace or bidi override reaches the terminal; each is shown as <U+XXXX>.
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
// C0 (but tab and newline), DEL, C1, format characters (bidi, zero-width),
// line/paragraph separators, lone surrogates.
const UNSAFE = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
function decodeEntities(text) {
    return text.replace(ENTITY, (whole, dec, hex, name) => {
        if (name)
            return NAMED[name] ?? whole;
        const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16);
        if (!Number.isFinite(code) || code > 0x10ffff)
            return whole;
        return String.fromCodePoint(code);
    });
}
/** Control and invisible characters as <U+XXXX>, so none acts on the terminal. */
function terminalSafe(text) {
    return text.replace(/\r\n?/g, '\n').replace(UNSAFE, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`);
}
function summaryForTerminal(markdown) {
    const text = markdown
        .replace(/<details><summary>(.*?)<\/summary>/g, '$1:')
        .replace(/<\/details>\n?/g, '')
        .replace(/<\/?sub>/g, '')
        .replace(/<code>(.*?)<\/code>/g, '$1')
        .replace(/<br>/g, '; ')
        .replace(/<wbr>/g, '');
    return terminalSafe(decodeEntities(text)).replace(/\n{3,}/g, '\n\n');
}

// The job summary phase: the rendered summary, redacted, to GITHUB_STEP_SUMMARY,
// or to the terminal on a local run.
/** What the summary (and the pull request comment) is rendered from. */
function summaryInput(run) {
    const { inputs, findings } = run;
    return {
        suites: suitesOf(run),
        findings: findings.findings,
        advisories: findings.advisories,
        status: statusOf$1(findings.findings, inputs.nonBlocking),
        nonBlocking: inputs.nonBlocking,
        filesPerSuite: inputs.summaryFiles,
        patch: run.patch,
        baseline: run.baseline,
        merge: run.merge,
        page: run.page?.artifact?.url ? { name: run.inputs.pageName, url: run.page.artifact.url } : null,
        serverUrl: run.env['GITHUB_SERVER_URL'] || 'https://github.com',
        // Before escaping: the escaping would split a secret (a <wbr> in hex) and hide it from a later pass.
        redact: run.redact
    };
}
async function writeJobSummary(run) {
    const text = run.redact(renderSummary(summaryInput(run)));
    if (run.env['GITHUB_STEP_SUMMARY'])
        await summary.addRaw(text, true).write();
    else
        process.stdout.write(`\n${summaryForTerminal(text)}\n`);
}

// The optional sticky pull request comment: one comment per job, found again by
// a hidden marker written by the token's own identity (never another user's
// comment that starts with the marker) and updated in place, kept under GitHub's 65,536-character
// limit. A token that may not write (a fork's pull request) is no failure: the
// results stay in the job summary and a notice says why there is no comment.
const COMMENT_LIMIT = 65_536;
function commentMarker(key) {
    return `<!-- rust-python-coverage: ${key.replace(/--+/g, '-').replace(/>/g, '')} -->`;
}
/**
 * The body: marker first, then the summary (already made safe by renderSummary),
 * cut with a note when it would pass the limit. `detailsUrl` is the run page we
 * build; it becomes a link only as an https URL, its destination encoded. Pure.
 */
function commentBody(marker, summary, detailsUrl) {
    const url = detailsUrl ? safeUrl(detailsUrl, detailsUrl) : null;
    const footer = url ? `\n<sub>From [this run](${url}): job summary, annotations and artifacts.</sub>\n` : '';
    const body = `${marker}\n${summary}${footer}`;
    if (body.length <= COMMENT_LIMIT)
        return body;
    const note = `\n\n… cut to fit GitHub's comment limit; the whole summary is ${url ? `in [the job summary](${url})` : 'in the job summary'}.\n`;
    const room = COMMENT_LIMIT - note.length - CLOSE_DETAILS.length * MAX_OPEN_DETAILS;
    let cut = body.slice(0, room);
    // Never end inside a line (a half table row, a half tag or entity).
    const lastLine = cut.lastIndexOf('\n');
    if (lastLine > marker.length)
        cut = cut.slice(0, lastLine);
    // Nor inside a <details>: the note would be folded away in it.
    const open = (cut.match(/<details>/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    const close = Math.min(Math.max(open, 0), MAX_OPEN_DETAILS);
    return `${cut}${CLOSE_DETAILS.repeat(close)}${note}`;
}
const CLOSE_DETAILS = '\n\n</details>';
const MAX_OPEN_DETAILS = 4;
/** Who GITHUB_TOKEN writes as. */
const ACTIONS_BOT = 'github-actions[bot]';
/**
 * The login the token writes comments as: `GET /user` for a personal access
 * token; GITHUB_TOKEN (and an app's installation token) get 403 there, and
 * then only github-actions[bot]'s comments are ours.
 */
async function tokenLogin(api) {
    try {
        const me = await api.json('GET', '/user');
        if (typeof me.login === 'string' && me.login !== '')
            return me.login;
    }
    catch (error) {
        if (!(error instanceof ApiError))
            throw error;
    }
    return ACTIONS_BOT;
}
/** A comment written by `login` (github-actions[bot] only as the Bot account). */
const writtenBy = (comment, login) => comment.user?.login === login && (login !== ACTIONS_BOT || comment.user?.type === 'Bot');
/** Creates or updates the pull request's comment that carries `marker` and was written by the token's own identity. */
async function upsertComment(api, repository, pr, marker, body) {
    let existing;
    let login;
    for await (const list of api.pages(`/repos/${repository}/issues/${pr}/comments?per_page=100&page=1`, 50)) {
        const marked = list.filter((c) => typeof c?.id === 'number' && typeof c.body === 'string' && c.body.startsWith(marker));
        // Who we are is asked only when a marked comment is there to tell apart.
        if (marked.length > 0)
            login ??= await tokenLogin(api);
        existing = marked.find((c) => writtenBy(c, login));
        if (existing)
            break;
    }
    if (existing) {
        const updated = await api.json('PATCH', `/repos/${repository}/issues/comments/${existing.id}`, { body });
        return { id: updated.id ?? existing.id, url: updated.html_url ?? null, created: false };
    }
    const created = await api.json('POST', `/repos/${repository}/issues/${pr}/comments`, { body });
    return { id: created.id, url: created.html_url ?? null, created: true };
}
/** Why there is no comment, as one line, for a notice. */
function commentProblem(error, fromFork) {
    const message = error.message;
    if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
        return `${message}. ${fromFork ? 'A pull request from a fork gets a read-only token' : 'The token needs `pull-requests: write`'}; the results are in the job summary`;
    }
    return `${message}; the results are in the job summary`;
}
/** The comment phase: the same summary as the job's, within the comment limit. Never a finding: without it the summary still holds everything. */
async function commentOnPullRequest(run) {
    const { inputs, env } = run;
    const pr = pullRequestOf(env);
    const repository = env['GITHUB_REPOSITORY'];
    if (!pr || !repository) {
        info('comment: true, but this run is not for a pull request; no comment');
        return;
    }
    if (!inputs.githubToken)
        return noticeNoComment('github-token is empty; the results are in the job summary');
    const marker = commentMarker(`${env['GITHUB_WORKFLOW'] ?? ''}/${env['GITHUB_JOB'] ?? ''}/${inputs.summaryArtifactName}`);
    const body = commentBody(marker, run.redact(renderSummary(summaryInput(run), COMMENT_LIMIT - 4096)), runUrl(env) ?? null);
    try {
        const result = await upsertComment(GitHubApi.fromEnv(inputs.githubToken, env), repository, pr.number, marker, body);
        info(`${result.created ? 'Created' : 'Updated'} the pull request comment ${result.url ?? result.id}`);
        setOutput('comment-url', result.url ?? '');
    }
    catch (error) {
        noticeNoComment(commentProblem(error, pr.fromFork));
    }
}
function noticeNoComment(why) {
    notice(`Not posted: ${why}.`, { title: 'Coverage comment' });
}

// Lines a change adds or modifies, from `git diff --unified=0` output: for
// each file on the new side, the line numbers of its '+' lines. Deleted files
// and binary files contribute nothing; renames count under the new path.
// Pure: the git call is in git.ts.
/** Undoes git's C-style quoting of unusual paths ("a/t\303\251st.rs" -> a/tést.rs). */
function unquoteGitPath(raw) {
    if (!raw.startsWith('"') || !raw.endsWith('"'))
        return raw;
    const bytes = [];
    const body = raw.slice(1, -1);
    const simple = { n: 10, t: 9, r: 13, '"': 34, '\\': 92, a: 7, b: 8, f: 12, v: 11 };
    for (let i = 0; i < body.length; i++) {
        const c = body[i];
        if (c !== '\\') {
            bytes.push(...Buffer.from(c, 'utf8'));
            continue;
        }
        const next = body[i + 1] ?? '';
        if (/[0-7]/.test(next)) {
            bytes.push(Number.parseInt(body.slice(i + 1, i + 4), 8));
            i += 3;
        }
        else {
            bytes.push(simple[next] ?? next.charCodeAt(0));
            i += 1;
        }
    }
    return Buffer.from(bytes).toString('utf8');
}
/** The path of a '+++ ' line's target, or null for /dev/null (a deleted file). */
function newPath(header) {
    const raw = unquoteGitPath(header.replace(/\t.*$/, ''));
    if (raw === '/dev/null')
        return null;
    return raw.startsWith('b/') ? raw.slice(2) : raw;
}
function parseUnifiedDiff(text) {
    const changed = new Map();
    let current = null;
    let next = 0;
    for (const line of text.split('\n')) {
        if (line.startsWith('diff --git ')) {
            current = null;
            continue;
        }
        if (line.startsWith('+++ ')) {
            const target = newPath(line.slice(4));
            current = target === null ? null : (changed.get(target) ?? []);
            if (target !== null && current)
                changed.set(target, current);
            continue;
        }
        const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line);
        if (hunk) {
            next = Number(hunk[1]);
            continue;
        }
        if (current === null)
            continue;
        if (line.startsWith('+'))
            current.push(next++);
        else if (line.startsWith(' '))
            next++;
        // '-' lines and '\ No newline at end of file' do not move the new side.
    }
    for (const [file, lines] of changed) {
        if (lines.length === 0)
            changed.delete(file);
        else
            lines.sort((a, b) => a - b);
    }
    return changed;
}
/** Consecutive numbers folded into [first, last] ranges. */
function toRanges(lines) {
    const ranges = [];
    for (const n of lines) {
        const last = ranges[ranges.length - 1];
        if (last && n === last[1] + 1)
            last[1] = n;
        else
            ranges.push([n, n]);
    }
    return ranges;
}

// Finds what a pull request changes, with git: the base commit (input
// `patch-base`, or the pull request's own base), then `git diff --unified=0`
// from it to HEAD. A shallow checkout (actions/checkout's default depth 1) has
// no parent commit to diff against; one `git fetch --depth=2` of HEAD brings it.
function git(cwd, args, maxBuffer = 256 * 1024 * 1024) {
    return new Promise((resolve) => {
        execFile('git', ['-c', 'core.quotepath=off', ...args], { cwd, maxBuffer, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } }, (error, stdout, stderr) => resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr ?? error?.message ?? '') }));
    });
}
const firstErrorLine = (r) => firstLine(r.stderr).replace(/^(fatal|error): /, '') || 'git failed';
async function commitExists(cwd, rev) {
    return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).ok;
}
/** HEAD's parents as git knows them (none in a depth-1 clone). */
async function parentsOfHead(cwd) {
    const r = await git(cwd, ['rev-list', '--parents', '-n', '1', 'HEAD']);
    return r.ok ? r.stdout.trim().split(/\s+/).slice(1) : [];
}
async function isShallow(cwd) {
    const r = await git(cwd, ['rev-parse', '--is-shallow-repository']);
    return r.ok && r.stdout.trim() === 'true';
}
/** Deepens a shallow clone by one commit below HEAD (the checkout's own credentials are used). */
async function fetchParents(cwd, log) {
    const head = (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim();
    log(`Fetching the parents of ${head.slice(0, 12)} (git fetch --depth=2): the checkout is shallow`);
    const r = await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=2', 'origin', head]);
    if (!r.ok)
        log(`git fetch failed: ${firstErrorLine(r)}`);
    return r.ok;
}
/**
 * The base commit. With `explicit` (input patch-base): the merge base of it
 * and HEAD. On a pull request: HEAD^1 when HEAD is GitHub's merge commit
 * (refs/pull/N/merge, the default checkout), else the merge base of the
 * pull request's base and HEAD (a checkout of the head commit).
 *
 * HEAD is taken for GitHub's merge commit only when the event proves it: HEAD
 * is not the pull request's head commit and its parents are [the base
 * branch's tip, the head commit]. A head commit that is itself a merge (the
 * author's "merge main into feature") has two parents too, and its first
 * parent is the feature branch: diffing from there would measure main's
 * merged-in change instead of the pull request's.
 */
async function findBase(cwd, explicit, pr, log) {
    if (explicit === '' && pr === null)
        throw new PatchUnavailable('not a pull request and no patch-base given');
    let parents = await parentsOfHead(cwd);
    if (parents.length === 0 && (await isShallow(cwd))) {
        await fetchParents(cwd, log);
        parents = await parentsOfHead(cwd);
    }
    if (explicit === '' && pr?.head && parents.length === 2 && parents[1] === pr.head) {
        const head = (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim();
        if (head !== pr.head) {
            // GitHub's merge commit: its first parent is the base branch the change was merged onto
            // (newer than the event's base when the branch moved on since).
            const first = parents[0];
            return { base: first, how: `${first.slice(0, 12)}, the first parent of the pull request's merge commit` };
        }
    }
    const prBase = pr?.base ?? null;
    const target = explicit || prBase;
    if (!(await commitExists(cwd, target))) {
        const fetched = await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', target]);
        if (!fetched.ok || !(await commitExists(cwd, target))) {
            throw new PatchUnavailable(`the base ${explicit ? `"${explicit}"` : target.slice(0, 12)} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0`);
        }
    }
    const mergeBase = await git(cwd, ['merge-base', target, 'HEAD']);
    if (!mergeBase.ok || mergeBase.stdout.trim() === '') {
        throw new PatchUnavailable(`no common history between ${explicit ? `"${explicit}"` : target.slice(0, 12)} and HEAD in the checkout (shallow?); use actions/checkout with fetch-depth: 0`);
    }
    const base = mergeBase.stdout.trim();
    return { base, how: `merge base ${base.slice(0, 12)} of ${explicit ? `"${explicit}"` : `the pull request's base ${target.slice(0, 12)}`} and HEAD` };
}
async function findPatch(workspace, explicitBase, env, log) {
    const top = await git(workspace, ['rev-parse', '--show-toplevel']);
    if (!top.ok) {
        const why = firstErrorLine(top);
        throw new PatchUnavailable(/dubious ownership/.test(why)
            ? 'git refuses the workspace (dubious ownership); add `git config --global --add safe.directory "$GITHUB_WORKSPACE"` before this step'
            : `the workspace is not a git checkout (${why})`);
    }
    const root = fs.realpathSync(top.stdout.trim());
    const event = pullRequestOf(env);
    const headSha = event?.headSha && /^[0-9a-f]{40,64}$/.test(event.headSha) ? event.headSha : null;
    const { base, how } = await findBase(workspace, explicitBase, event ? { base: event.baseSha, head: headSha } : null, log);
    const diff = await git(root, ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--unified=0', base, 'HEAD', '--']);
    if (!diff.ok)
        throw new PatchUnavailable(`git diff ${base.slice(0, 12)} HEAD failed: ${firstErrorLine(diff)}`);
    return { base, how, ...inWorkspace(parseUnifiedDiff(diff.stdout), root, workspace) };
}
/** The repository root: git's top level, or the workspace itself when it is no git checkout (actions/checkout's default layout). */
async function repositoryRoot(workspace) {
    const top = await git(workspace, ['rev-parse', '--show-toplevel']);
    return fs.realpathSync(top.ok ? top.stdout.trim() : workspace);
}
/** Repository-relative changes keyed by workspace-relative paths (those outside the workspace dropped), and the way back. */
function inWorkspace(byRepoPath, root, workspace) {
    const realWorkspace = fs.realpathSync(workspace);
    const changed = new Map();
    for (const [file, lines] of byRepoPath) {
        const relative = path.relative(realWorkspace, path.join(root, file)).split(path.sep).join('/');
        if (!relative.startsWith('../'))
            changed.set(relative, lines);
    }
    const toRepo = path.relative(root, realWorkspace).split(path.sep).join('/');
    return { changed, repoPath: (p) => (toRepo ? `${toRepo}/${p}` : p) };
}

// Patch coverage: of the lines a pull request adds or changes, those the
// coverage tool instruments, and of those, the ones the tests ran. Pure.
/** `changed` is keyed by workspace-relative paths, like the report's files. */
function patchCoverage(report, changed) {
    const files = [];
    let covered = 0;
    let total = 0;
    for (const file of report.files) {
        const lines = changed.get(file.path);
        const states = file.lineStates;
        if (!lines || !states)
            continue;
        const entry = { path: file.path, total: 0, covered: 0, uncovered: [] };
        const missed = [];
        for (const n of lines) {
            const state = states[n];
            if (state === LINE_HIT) {
                entry.total++;
                entry.covered++;
            }
            else if (state === LINE_MISSED) {
                entry.total++;
                missed.push(n);
            }
        }
        if (entry.total === 0)
            continue;
        entry.uncovered = toRanges(missed);
        files.push(entry);
        covered += entry.covered;
        total += entry.total;
    }
    files.sort((a, b) => a.covered / a.total - b.covered / b.total || (a.path < b.path ? -1 : 1));
    return { covered, total, percent: percent({ covered, total }), files };
}

// The patch phase: the lines the pull request changes, the coverage of those
// lines per suite, the min-patch gate (a finding like any other) and notice
// annotations on the changed lines no test runs, within GitHub's cap.
/**
 * GitHub shows at most 10 notice annotations per step: 7 for lines, one for
 * "N more", and room for the baseline and comment notices of the same step.
 */
const MAX_LINE_ANNOTATIONS = 7;
/** The notices for uncovered changed lines, least covered files first, and how many were left out. Pure. */
function lineAnnotations(suites, repoPath, limit = MAX_LINE_ANNOTATIONS) {
    const all = [];
    for (const suite of suites) {
        for (const file of suite.patch?.files ?? []) {
            for (const [start, end] of file.uncovered) {
                const lines = start === end ? `Line ${start} is` : `Lines ${start}–${end} are`;
                all.push({
                    file: repoPath(file.path),
                    startLine: start,
                    endLine: end,
                    message: `${lines} changed by this pull request and not run by the ${suite.label} tests.`
                });
            }
        }
    }
    return { annotations: all.slice(0, limit), leftOut: Math.max(0, all.length - limit) };
}
/** The changed lines from the pull request's files (REST API), when git cannot give them; null when this is no pull request or there is no token. */
async function patchFromApi(inputs, env, gitProblem) {
    const pr = pullRequestOf(env);
    const repository = env['GITHUB_REPOSITORY'];
    if (!pr || !repository || !inputs.githubToken)
        return null;
    info(`git cannot give the changes (${gitProblem}); reading the pull request's files from the REST API`);
    const { changedLinesFromApi } = await import('./api-files-DVaZTEQd.js');
    const api = await changedLinesFromApi(GitHubApi.fromEnv(inputs.githubToken, env), repository, pr.number);
    const root = await repositoryRoot(inputs.workspace);
    const skipped = api.withoutPatch > 0 ? `; ${api.withoutPatch} file(s) without a diff there (binary or too large) not counted` : '';
    return {
        base: pr.baseSha,
        how: `the merge base with ${pr.baseSha.slice(0, 12)} (the pull request's files from the REST API, as git could not give them: ${gitProblem}${skipped})`,
        ...inWorkspace(api.changed, root, inputs.workspace)
    };
}
/** The patch phase; null when patch coverage is off or this is no pull request and no patch-base is given. */
async function measurePatch(run) {
    const { inputs, findings, env } = run;
    const suites = suitesOf(run);
    if (!inputs.patch.enabled)
        return null;
    const minPatch = inputs.patch.minPatch;
    let source;
    startGroup('Patch coverage');
    try {
        source = await findPatch(inputs.workspace, inputs.patch.base, env, (line) => info(line));
    }
    catch (error) {
        if (!(error instanceof PatchUnavailable))
            throw error;
        if (error.message.startsWith('not a pull request')) {
            info(`Patch coverage not measured: ${error.message}`);
            endGroup();
            return null;
        }
        let why = error.message;
        const fromApi = inputs.patch.base === ''
            ? await patchFromApi(inputs, env, why).catch((apiError) => {
                why = `${why}; the pull request's files could not be read from the REST API either (${apiError.message})`;
                return null;
            })
            : null;
        if (!fromApi) {
            info(`Patch coverage not measured: ${why}`);
            endGroup();
            if (minPatch !== null)
                findings.add('action', 'patch', `Patch coverage was not measured (min-patch ${minPatch}%): ${why}`);
            else
                notice(`Not measured: ${why}`, { title: 'Patch coverage' }); // the title says what; the message does not repeat it
            return { base: null, how: '', unavailable: why, changedFiles: 0, minPatch };
        }
        source = fromApi;
    }
    info(`Base: ${source.how}; ${source.changed.size} changed file(s) in the workspace`);
    for (const suite of suites) {
        if (!suite.report)
            continue;
        const patch = patchCoverage(suite.report, source.changed);
        suite.patch = patch;
        // coverage.py records statements only: a changed comment or blank line is no changed statement.
        const unit = suite.report.producer === 'coverage.py' ? 'statements' : 'lines';
        info(`${suite.label}: ${patch.percent === null ? `no instrumented ${unit.slice(0, -1)} changed` : `${formatPercent(patch.percent)} of ${patch.total} changed ${unit} run`}`);
        if (minPatch !== null && patch.percent !== null && patch.percent < minPatch) {
            findings.add(suite.suite, 'patch', `${suite.label} patch coverage ${formatPercent(patch.percent)} (${patch.covered}/${patch.total} changed ${unit}) is below min-patch ${minPatch}%`);
        }
    }
    endGroup();
    if (inputs.patch.annotate) {
        const { annotations, leftOut } = lineAnnotations(suites, source.repoPath);
        for (const a of annotations) {
            notice(a.message, { title: 'Not covered by tests', file: a.file, startLine: a.startLine, endLine: a.endLine });
        }
        if (leftOut > 0) {
            notice(`${leftOut} more uncovered range(s) of changed lines are not annotated (GitHub shows 10 notices per step); see the job summary.`, {
                title: 'Not covered by tests'
            });
        }
    }
    return { base: source.base, how: source.how, changedFiles: source.changed.size, minPatch };
}

// Writes a Cobertura XML report from line states (a merge of shard reports):
// one class per file, a <line> per instrumented line with hits 1 (run) or 0,
// root totals from the same lines. Readers that need only "run or not" per line
// (diff-cover, GitHub's coverage upload, this action) read it as they read
// coverage.py's. Pure: returns the text.
const escapeAttribute = (value) => value
    .replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const rate = (covered, total) => (total > 0 ? String(covered / total) : '1');
function coberturaXml(files, source, note, now = new Date()) {
    const out = [];
    let covered = 0;
    let total = 0;
    for (const file of files) {
        covered += file.lines.covered;
        total += file.lines.total;
    }
    out.push('<?xml version="1.0" ?>');
    out.push(`<coverage version="rust-python-coverage" timestamp="${now.getTime()}" lines-valid="${total}" lines-covered="${covered}" line-rate="${rate(covered, total)}" branches-valid="0" branches-covered="0" branch-rate="0" complexity="0">`);
    out.push(`\t<!-- ${note.replace(/--/g, '- -')} -->`);
    out.push('\t<sources>', `\t\t<source>${escapeAttribute(source)}</source>`, '\t</sources>');
    out.push('\t<packages>', `\t\t<package name="." line-rate="${rate(covered, total)}" branch-rate="0" complexity="0">`, '\t\t\t<classes>');
    for (const file of files) {
        const name = escapeAttribute(file.path);
        out.push(`\t\t\t\t<class name="${name}" filename="${name}" line-rate="${rate(file.lines.covered, file.lines.total)}" branch-rate="0" complexity="0">`);
        out.push('\t\t\t\t\t<methods/>', '\t\t\t\t\t<lines>');
        const states = file.lineStates;
        if (states) {
            for (let n = 1; n < states.length; n++) {
                if (states[n] !== LINE_NONE)
                    out.push(`\t\t\t\t\t\t<line number="${n}" hits="${states[n] === LINE_HIT ? 1 : 0}"/>`);
            }
        }
        out.push('\t\t\t\t\t</lines>', '\t\t\t\t</class>');
    }
    out.push('\t\t\t</classes>', '\t\t</package>', '\t</packages>', '</coverage>', '');
    return out.join('\n');
}

// GitHub's own coverage view (Code Quality): each suite's report uploaded as
// Cobertura (`PUT /repos/{owner}/{repo}/code-coverage/report`), then its
// processing status polled within a bounded wait. File names are the report's
// workspace-relative paths (the checkout's root is the repository's), so GitHub
// places them on the diff. Code Quality not enabled, or a token without
// `code-quality: write`, is a notice: the summary and artifacts hold everything.
const gzip = promisify(zlib.gzip);
/** How long to wait for GitHub to process one report, and the first pause between polls (doubled each time, at most 10 s). */
const PROCESSING_WAIT_MS = 120_000;
const FIRST_POLL_MS = 1_000;
async function uploadCodeCoverage(run) {
    const { inputs, env, findings } = run;
    if (!inputs.githubCodeCoverage)
        return;
    const repository = env['GITHUB_REPOSITORY'];
    const pr = pullRequestOf(env);
    const commit = pr?.headSha ?? env['GITHUB_SHA'];
    const ref = env['GITHUB_REF'];
    if (!repository || !commit || (!pr && !ref)) {
        notice$1('github-code-coverage: true, but GITHUB_REPOSITORY, GITHUB_SHA or GITHUB_REF is not set (not running in GitHub Actions); nothing sent.', {
            title: 'GitHub code coverage'
        });
        return;
    }
    if (!inputs.githubToken) {
        notice$1('github-code-coverage: true, but github-token is empty; nothing sent.', { title: 'GitHub code coverage' });
        return;
    }
    const api = GitHubApi.fromEnv(inputs.githubToken, env);
    const toRepository = await repositoryPaths(inputs.workspace);
    startGroup('GitHub code coverage');
    try {
        for (const suite of suitesOf(run)) {
            if (!suite.report || suite.report.files.length === 0)
                continue;
            const target = pr ? { pull_request_number: pr.number } : { ref: ref };
            suite.codeCoverage = await uploadOne(api, repository, commit, target, suite, toRepository);
            const outcome = suite.codeCoverage;
            info$1(`${suite.label}: ${outcome.status}${outcome.message ? ` (${outcome.message})` : ''}`);
            if (outcome.status === 'failed') {
                findings.add(suite.suite, 'upload-failed', `GitHub code coverage could not process the ${suite.label} report: ${outcome.message ?? 'no reason given'}`);
            }
            else if (outcome.status === 'not-sent' || outcome.status === 'skipped') {
                notice$1(`${suite.label} report not shown: ${outcome.message}`, { title: 'GitHub code coverage' });
            }
        }
    }
    finally {
        endGroup();
    }
}
async function uploadOne(api, repository, commit, target, suite, toRepository) {
    const report = suite.report;
    const note = `${suite.label} coverage from ${suite.reportPath}, written by rust-python-coverage for GitHub code coverage: hits are 1 or 0.`;
    // Files outside the repository (a dependency's sources) have no place on the diff.
    const files = report.files.flatMap((f) => {
        const repoPath = toRepository(f.path);
        return repoPath === null ? [] : [{ ...f, path: repoPath }];
    });
    const xml = coberturaXml(files, '.', note);
    const body = {
        commit_oid: commit,
        coverage_report: (await gzip(xml)).toString('base64'),
        language_name: suite.label,
        label: `rust-python-coverage ${suite.label}`,
        ...target
    };
    let answer;
    try {
        answer = await api.json('PUT', `/repos/${repository}/code-coverage/report`, body);
    }
    catch (error) {
        const message = firstLine(error.message);
        if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
            return {
                status: 'not-sent',
                message: `${message} (the job needs \`permissions: code-quality: write\`, and Code Quality enabled for the repository)`
            };
        }
        return { status: 'failed', message };
    }
    if (typeof answer.id !== 'number')
        return { status: 'skipped', message: firstLine(answer.message ?? 'GitHub did not process the report') };
    return waitForProcessing(api, repository, answer.id);
}
/** Workspace-relative report paths made relative to the repository's root (the checkout may be a folder of the workspace). */
async function repositoryPaths(workspace) {
    const root = await repositoryRoot(workspace);
    const realWorkspace = fs.realpathSync(workspace);
    return (workspacePath) => {
        const relative = path.relative(root, path.resolve(realWorkspace, workspacePath));
        return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? null : relative.split(path.sep).join('/');
    };
}
async function waitForProcessing(api, repository, id) {
    const deadline = Date.now() + PROCESSING_WAIT_MS;
    for (let pause = FIRST_POLL_MS;; pause = Math.min(pause * 2, 10_000)) {
        await new Promise((resolve) => setTimeout(resolve, Math.min(pause, Math.max(deadline - Date.now(), 0))));
        let status;
        try {
            status = await api.json('GET', `/repos/${repository}/code-coverage/reports/${id}`);
        }
        catch (error) {
            return { id, status: 'pending', message: `its status could not be read: ${firstLine(error.message)}` };
        }
        if (status.processing_status === 'succeeded')
            return { id, status: 'succeeded' };
        if (status.processing_status === 'failed') {
            const errors = Array.isArray(status.errors) ? status.errors.map((e) => (typeof e === 'string' ? e : JSON.stringify(e))).join('; ') : '';
            return { id, status: 'failed', message: firstLine(errors || 'processing failed') };
        }
        if (Date.now() >= deadline)
            return { id, status: 'pending', message: `still ${status.processing_status ?? 'processing'} after ${PROCESSING_WAIT_MS / 1000} s` };
    }
}

// The step's outputs per suite: figures, deltas, durations and artifacts.
// Figures are unrounded; an empty value means "not measured".
function writeOutputs(run) {
    for (const suite of suitesOf(run)) {
        const key = suite.suite;
        if (key === 'rust')
            setOutput$1('rust-cobertura', suite.cobertura ?? '');
        setOutput$1(`${key}-line-coverage`, suite.headline ? String(suite.headline.percent) : '');
        setOutput$1(`${key}-coverage-delta`, suite.delta?.delta != null ? String(suite.delta.delta) : '');
        setOutput$1(`${key}-patch-coverage`, suite.patch?.percent != null ? String(suite.patch.percent) : '');
        setOutput$1(`${key}-duration-seconds`, (suite.durationMs / 1000).toFixed(1));
        setOutput$1(`${key}-artifact-id`, suite.artifact?.id !== undefined ? String(suite.artifact.id) : '');
        setOutput$1(`${key}-artifact-url`, suite.artifact?.url ?? '');
        setOutput$1(`${key}-artifact-size`, suite.artifact?.size !== undefined ? String(suite.artifact.size) : '');
        if (key === 'rust') {
            setOutput$1('rust-html-artifact-id', suite.htmlArtifact?.id !== undefined ? String(suite.htmlArtifact.id) : '');
            setOutput$1('rust-html-artifact-url', suite.htmlArtifact?.url ?? '');
        }
    }
}

function runFacts(env, matrixValue) {
    const get = (name) => env[name] || null;
    return {
        repository: get('GITHUB_REPOSITORY'),
        commit: get('GITHUB_SHA'),
        ref: get('GITHUB_REF'),
        runId: get('GITHUB_RUN_ID'),
        runAttempt: get('GITHUB_RUN_ATTEMPT'),
        workflow: get('GITHUB_WORKFLOW'),
        job: get('GITHUB_JOB'),
        event: get('GITHUB_EVENT_NAME'),
        matrixValue
    };
}
/** An artifact as coverage-summary.json records it. */
function artifactRecord(artifact) {
    return artifact
        ? { name: artifact.name, id: artifact.id ?? null, size: artifact.size ?? null, url: artifact.url ?? null, error: artifact.error ?? null }
        : null;
}
/** The change since the baseline as recorded: coverage, files, and the runtime's and artifacts' size's changes. */
function deltaRecord(result) {
    if (!result.delta)
        return null;
    const { base: _base, ...delta } = result.delta;
    const costs = suiteCosts(result);
    return { ...delta, durationSeconds: costs?.durationSeconds ?? null, artifactBytes: costs?.artifactBytes ?? null };
}
function suiteSummary(result, findings, tools) {
    const report = result.report;
    const headline = result.headline ?? null;
    return {
        enabled: result.enabled,
        report: result.reportPath,
        format: report?.format ?? null,
        producer: report?.producer ?? null,
        tools: { ...tools, ...(report?.producer && report.producerVersion ? { [report.producer]: report.producerVersion } : {}) },
        headline: headline
            ? {
                percent: headline.percent,
                covered: headline.covered,
                total: headline.total,
                basis: headline.basis,
                ...(headline.toolGate ? { toolGate: headline.toolGate } : {})
            }
            : null,
        totals: report ? report.totals : null,
        threshold: { minLines: result.minLines, met: result.minLines === null || !headline ? null : meetsThreshold(headline, result.minLines) },
        durationSeconds: tenthsOfSeconds(result.durationMs),
        commands: result.commands.map((c) => ({
            command: c.command,
            exitCode: c.exitCode,
            timedOut: c.timedOut,
            seconds: tenthsOfSeconds(c.durationMs)
        })),
        artifact: artifactRecord(result.artifact),
        htmlArtifact: artifactRecord(result.htmlArtifact),
        findings: findings.filter((f) => f.suite === result.suite).map((f) => ({ kind: f.kind, message: f.message })),
        files: (report?.files ?? []).map((f) => ({ path: f.path, lines: f.lines, branches: f.branches, functions: f.functions })),
        patch: result.patch ?? null,
        delta: deltaRecord(result),
        codeCoverage: result.codeCoverage ?? null,
        htmlZip: result.htmlZip ?? null,
        ...(result.packages ? { packages: result.packages } : {}),
        ...(result.fromPython ? { rustFromPython: result.fromPython } : {})
    };
}
function buildCoverageSummary(args) {
    return {
        schema: SUMMARY_SCHEMA,
        generatedAt: (args.now ?? new Date()).toISOString(),
        run: args.run,
        status: args.status,
        nonBlocking: args.nonBlocking,
        patch: args.patch ?? null,
        baseline: args.baseline ?? null,
        merge: args.merge ?? null,
        findings: (args.findings ?? []).map((f) => ({ suite: f.suite, kind: f.kind, message: f.message })),
        suites: args.suites
    };
}

// The upload phase: each suite's files as its artifact, the Rust HTML report's
// zip as its own artifact uploaded unzipped (the download is that one zip, not
// a zip inside the artifact's zip), and the coverage page. A failed upload is a
// finding of that suite; outside GitHub Actions nothing is uploaded and the
// log says where the files are; inside GitHub Actions without the artifact
// service's variables (a container job, a stripped environment) that is one
// finding naming the missing variable. Only files that really lie inside the
// workspace are ever uploaded.
/** The upload options every artifact of this run shares, mapped from the inputs once. */
function uploadRequest(inputs, name, files, rootDirectory = commonRoot(files), unzipped = false) {
    return {
        name,
        files,
        rootDirectory,
        retentionDays: inputs.retentionDays,
        compressionLevel: inputs.compressionLevel,
        timeoutMs: inputs.uploadTimeoutMs,
        ...(unzipped ? { unzipped } : {})
    };
}
/** Uploads one artifact of this run; every file must really lie inside the workspace; the error message is one line. */
function uploadFiles(inputs, name, files, rootDirectory, unzipped = false) {
    try {
        for (const file of files)
            resolveInside(file, inputs.workspace, { shown: relativeToWorkspace(inputs, file) });
    }
    catch (error) {
        return Promise.reject(error);
    }
    return uploadArtifact(uploadRequest(inputs, name, files, rootDirectory, unzipped));
}
/** The coverage page as its own artifact, unzipped: the run page opens it in the browser with one click. */
async function uploadPage(run) {
    const { inputs, page } = run;
    if (!inputs.upload || !page || uploadBlocked(run))
        return;
    try {
        const uploaded = await uploadFiles(inputs, inputs.pageName, [page.file], undefined, true);
        page.artifact = { id: uploaded.id, ...(uploaded.url ? { url: uploaded.url } : {}) };
        setOutput('coverage-page-url', uploaded.url ?? '');
        info(`Uploaded ${inputs.pageName} (unzipped): id ${uploaded.id}${uploaded.url ? `, ${uploaded.url}` : ''}`);
    }
    catch (error) {
        page.error = firstLine(error.message);
        run.findings.add('action', 'upload-failed', `The coverage page "${inputs.pageName}" was not uploaded: ${page.error}`);
    }
}
/**
 * Why nothing can be uploaded in this run, or null. Inside GitHub Actions a
 * missing artifact service is recorded as one finding (once per run).
 */
function uploadBlocked(run) {
    const unavailable = uploadUnavailable(run.env);
    if (unavailable && uploadMissingIsFinding(run.env)) {
        const message = `Artifacts were not uploaded: ${uploadProblem(missingUploadVariables(run.env))}`;
        if (!run.findings.findings.some((f) => f.kind === 'upload-failed' && f.message === message))
            run.findings.add('action', 'upload-failed', message);
    }
    return unavailable;
}
async function uploadSuites(run) {
    const { inputs, findings } = run;
    if (!inputs.upload)
        return;
    // First, so that the finding is counted in coverage-summary.json's status.
    const unavailable = uploadBlocked(run);
    for (const suite of suitesOf(run)) {
        if (!suite.enabled)
            continue;
        const name = inputs[suite.suite].artifactName;
        const files = artifactFiles(inputs, suite.suite);
        suite.artifact = { name, files: files.map((f) => relativeToWorkspace(inputs, f)) };
        if (files.length === 0) {
            suite.artifact.error = 'no report files to upload';
            continue;
        }
        if (unavailable) {
            suite.artifact.error = unavailable;
            info(`${suite.label}: not uploading, ${unavailable}; the files are in ${relativeToWorkspace(inputs, commonRoot(files))}`);
            continue;
        }
        startGroup(`Uploading ${name} (${files.length} file(s))`);
        try {
            const uploaded = await uploadFiles(inputs, name, files);
            Object.assign(suite.artifact, uploaded);
            info(`Uploaded ${name}: id ${uploaded.id}, ${uploaded.size} bytes${uploaded.url ? `, ${uploaded.url}` : ''}`);
        }
        catch (error) {
            const message = firstLine(error.message);
            suite.artifact.error = message;
            findings.add(suite.suite, 'upload-failed', `${suite.label} artifact "${name}" was not uploaded: ${message}`);
        }
        finally {
            endGroup();
        }
    }
    if (run.rust.enabled && run.rust.htmlZip)
        await uploadHtmlZip(run, run.rust, unavailable);
}
/** The zipped HTML report as its own artifact, unzipped: the download is that zip, named after its file. */
async function uploadHtmlZip(run, suite, unavailable) {
    const { inputs } = run;
    const name = inputs.rust.htmlArtifactName;
    const file = htmlArtifactFile(inputs);
    suite.htmlArtifact = { name, files: file ? [relativeToWorkspace(inputs, file)] : [] };
    if (!file) {
        suite.htmlArtifact.error = 'no zipped HTML report to upload';
        return;
    }
    if (unavailable) {
        suite.htmlArtifact.error = unavailable;
        return;
    }
    try {
        const uploaded = await uploadFiles(inputs, name, [file], undefined, true);
        Object.assign(suite.htmlArtifact, uploaded);
        info(`Uploaded ${name} (unzipped): id ${uploaded.id}, ${uploaded.size} bytes${uploaded.url ? `, ${uploaded.url}` : ''}`);
    }
    catch (error) {
        const message = firstLine(error.message);
        suite.htmlArtifact.error = message;
        run.findings.add(suite.suite, 'upload-failed', `${suite.label} HTML report "${name}" was not uploaded: ${message}`);
    }
}

// coverage-summary.json next to the reports, uploaded as its own small
// artifact (the baseline of later pull requests, the input of a merge job).
// Every string in it is redacted (it is downloadable by anyone who can read
// the run); it is written to a temporary name beside it and renamed, so a
// coverage-summary.json placed as a symlink is replaced, never written through.
async function writeSummaryJson(run) {
    const { inputs, findings, rust, python } = run;
    const json = buildCoverageSummary({
        run: runFacts(run.env, inputs.matrixValue),
        status: statusOf$1(findings.findings, inputs.nonBlocking),
        nonBlocking: inputs.nonBlocking,
        patch: run.patch,
        baseline: run.baseline,
        merge: run.merge,
        findings: findings.findings,
        suites: { rust: suiteSummary(rust, findings.findings, rust.tools), python: suiteSummary(python, findings.findings, python.tools) }
    });
    const shown = relativeToWorkspace(inputs, inputs.summaryJson);
    writeFileAtomic(inputs.summaryJson, `${JSON.stringify(redactDeep(json, run.redact), null, 1)}\n`, inputs.workspace, shown);
    setOutput$1('summary-json', shown);
    if (!inputs.upload || uploadBlocked(run))
        return;
    const name = inputs.summaryArtifactName;
    try {
        const uploaded = await uploadFiles(inputs, name, [inputs.summaryJson]);
        setOutput$1('summary-artifact-id', String(uploaded.id));
        info(`Uploaded ${name}: id ${uploaded.id}`);
    }
    catch (error) {
        findings.add('action', 'upload-failed', `Artifact "${name}" (coverage-summary.json) was not uploaded: ${firstLine(error.message)}`);
    }
}

function writeMergedRustCobertura(inputs, result, report) {
    if (!inputs.rust.cobertura)
        return;
    const file = rustCoberturaPath(inputs);
    const note = 'Written by rust-python-coverage from the merged lcov of the shards: a line counts as run when any shard ran it; hits are 1 or 0.';
    writeFileAtomic(file, coberturaXml(report.files, inputs.workspace, note), inputs.workspace, relativeToWorkspace(inputs, file));
    result.cobertura = relativeToWorkspace(inputs, file);
}

// The output a command kept in a file: its last part (pytest-cov's table and
// warnings are at the end), the whole of it replayed into the log after the
// command ran beside another suite's, and its end shown at once when the run
// is cancelled before that. Only regular files are read: what the command may
// have put in its place (a FIFO, a link) is neither waited on nor read through.
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
/**
 * The last `bytes` of a file as text, from the first whole line in them ('' when it is not a regular file: what the
 * tests may have put in place of their output, a FIFO or a link, is not read).
 */
function lastPart(file, bytes) {
    const opened = openRegularFile(file, true);
    if ('refused' in opened)
        return '';
    const { fd, size } = opened;
    try {
        const start = Math.max(0, size - bytes);
        const buffer = Buffer.alloc(size - start);
        let filled = 0;
        while (filled < buffer.length) {
            const read = fs.readSync(fd, buffer, filled, buffer.length - filled, start + filled);
            if (read === 0)
                break;
            filled += read;
        }
        const text = buffer.subarray(0, filled);
        const firstLine = start === 0 ? 0 : text.indexOf(0x0a) + 1;
        return text.subarray(firstLine).toString('utf8');
    }
    finally {
        fs.closeSync(fd);
    }
}
/**
 * A kept output into the log as it would have streamed (raw bytes, the log's backpressure honoured): as long as it
 * was when opened, and only a regular file (what the command may have put in its place, a FIFO or a link, is not
 * read: no wait for a writer, nothing read through).
 */
async function replayKeptOutput(file, bytes, signal) {
    const opened = openRegularFile(file, true);
    if ('refused' in opened) {
        info(`(the output kept in ${file} is not shown: ${opened.refused})`);
        return;
    }
    const length = Math.min(opened.size, bytes);
    if (length === 0) {
        fs.closeSync(opened.fd);
        return;
    }
    try {
        await pipeline$1(fs.createReadStream('', { fd: opened.fd, start: 0, end: length - 1 }), process.stdout, {
            end: false,
            ...(signal ? { signal } : {})
        });
    }
    catch (error) {
        // Stopped on purpose (a cancelled run shows the end of it at once): nothing to say.
        if (!signal?.aborted)
            info(`(the output kept in ${file} could not be read back: ${error.message})`);
    }
}
/**
 * A fresh file for a command's output outside the project (RUNNER_TEMP, else the system's), and its removal; null
 * when no temporary folder can be made there.
 */
function keptOutputFile() {
    let dir;
    try {
        dir = fs.mkdtempSync(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'rpc-output-'));
    }
    catch {
        return null;
    }
    return { file: path.join(dir, 'output.txt'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
/**
 * The kept output copied to where the suite keeps it (`target`, inside the workspace: its folder is checked and
 * made there): its first `bytes` (what the command wrote), into a new file (whatever was put at `target`
 * meanwhile, a link included, is replaced, never written through).
 */
function placeKeptOutput(kept, target, bytes) {
    const opened = openRegularFile(kept, true);
    if ('refused' in opened)
        return;
    try {
        const file = path.join(mkdirInside(path.dirname(target), workspaceOf()), path.basename(target));
        fs.rmSync(file, { force: true, recursive: true });
        const out = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644);
        try {
            const buffer = Buffer.alloc(Math.min(1024 * 1024, Math.max(bytes, 1)));
            for (let at = 0; at < bytes;) {
                const read = fs.readSync(opened.fd, buffer, 0, Math.min(buffer.length, bytes - at), at);
                if (read === 0)
                    break;
                fs.writeSync(out, buffer, 0, read);
                at += read;
            }
        }
        finally {
            fs.closeSync(out);
        }
    }
    finally {
        fs.closeSync(opened.fd);
    }
}
/** How much of a kept output a cancelled run shows (the process is about to exit). */
const CANCELLED_TAIL_BYTES = 16 * 1024;
/** The end of a kept output as its own log group, at once (a cancelled run, before its files are removed). */
function showKeptOutputNow(label, command, file) {
    const text = lastPart(file, CANCELLED_TAIL_BYTES);
    if (text === '')
        return;
    startGroup(`${label}: ${command} (its output so far, shown as the run was cancelled)`);
    process.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
    endGroup();
}

// One command of a suite, run inside its own log group, and the one line a
// finding says about it when it fails.
/**
 * A command's log group shown later: its output was kept in a file while it ran beside another suite's commands,
 * whose log stays readable. `show()` prints the groups (the whole outputs, streamed) once; `showNow()`, for a
 * cancelled run, prints at once the end of those not shown yet (finished or not).
 */
/**
 * The replay under way, whichever log's (its group open): the first showNow of a cancelled run, of any log, stops
 * it and closes its group before anything else is shown.
 */
let replaying = null;
/** Stops the replay under way, if any, and ends its group on a line of its own (it may have been cut mid-line). */
function closeOpenReplay() {
    if (!replaying)
        return;
    replaying.abort();
    replaying = null;
    process.stdout.write('\n');
    endGroup();
}
class DeferredLog {
    groups = [];
    /** A command whose output goes to `file` (removed by `removeFile` once shown) from now on. */
    started(label, command, file, removeFile) {
        const group = { label, command, file, removeFile };
        this.groups.push(group);
        return { ended: (status, bytes) => Object.assign(group, { status, bytes }) };
    }
    async show() {
        while (this.groups.length > 0) {
            const group = this.groups[0];
            const replay = new AbortController();
            replaying = replay;
            startGroup(`${group.label}: ${group.command}`);
            try {
                await replayKeptOutput(group.file, group.bytes ?? 0, replay.signal);
                if (group.status !== undefined && !replay.signal.aborted)
                    info(`${group.label}: ${group.status}`);
            }
            finally {
                // A replay stopped by showNow: its group is closed there, its end shown there.
                if (!replay.signal.aborted) {
                    replaying = null;
                    endGroup();
                    // Taken off only now: a run cancelled during the replay still shows the end of it.
                    this.groups.shift();
                    group.removeFile();
                }
            }
            if (replay.signal.aborted)
                return;
        }
    }
    showNow() {
        // A replay under way (this log's or another's) stops where it is and its group is closed: the ends follow as
        // groups of their own.
        closeOpenReplay();
        for (const group of this.groups.splice(0)) {
            showKeptOutputNow(group.label, group.command, group.file);
            group.removeFile();
        }
    }
}
/**
 * Commands at once: the first one's log streams, the others' are kept and shown after it (at once, by the cancel's
 * cleanups, if the run is cancelled meanwhile: a cancelled run goes no further). The results in the given order.
 */
async function runSideBySide(first, others) {
    const deferred = new DeferredLog();
    const forget = onCancel(() => deferred.showNow());
    try {
        const results = await Promise.all([first(), ...others.map((other) => other(deferred))]);
        if (isCancelled())
            await halted();
        await deferred.show();
        return results;
    }
    finally {
        forget();
    }
}
async function runLogged(label, command, inputs, env, timeoutMs, captureFile, deferred) {
    const spec = { command, cwd: inputs.workingDirectory, env, timeoutMs: Math.max(timeoutMs, 1), ...(captureFile ? { captureFile } : {}) };
    // Its log shown later: the output kept outside the project while it runs (a Rust command beside it may remove
    // target/), put at captureFile after (when given); without a temporary folder, its log streams as usual.
    const kept = deferred ? keptOutputFile() : null;
    if (deferred && kept) {
        const group = deferred.started(label, command, kept.file, kept.remove);
        const result = await runCommand({ ...spec, captureFile: kept.file }, () => undefined);
        const bytes = result.capturedBytes ?? 0;
        const notes = result.captureError ? [`its output could not be kept past ${bytes} bytes: ${result.captureError}`] : [];
        try {
            if (captureFile)
                placeKeptOutput(kept.file, captureFile, bytes);
        }
        catch (error) {
            notes.push(`its output could not be put at ${captureFile}: ${error.message}`);
        }
        group.ended(`${statusOf(result)}${notes.map((n) => ` (${n})`).join('')}`, bytes);
        return result;
    }
    startGroup(`${label}: ${command}`);
    try {
        const result = await runCommand(spec, process.stdout);
        info(`${label}: ${statusOf(result)}`);
        return result;
    }
    finally {
        endGroup();
    }
}
const statusOf = (result) => result.timedOut
    ? `timed out after ${(result.durationMs / 1000).toFixed(1)} s; process tree killed`
    : result.spawnError
        ? `could not start: ${result.spawnError}`
        : `exit code ${result.exitCode ?? result.signal} in ${(result.durationMs / 1000).toFixed(1)} s`;
/**
 * A time limit in minutes as the input gave it (0.05, not 0.1): the input became whole milliseconds, and a whole
 * number of milliseconds over 60 000 prints as the shortest decimal that reads back the same.
 */
function formatMinutes(ms) {
    return String(Number((ms / 60_000).toPrecision(15)));
}
/** One line describing a failed command, for a finding. */
function failureMessage(label, result, timeoutMs) {
    let text;
    if (result.timedOut)
        text = `${label} coverage command timed out after ${formatMinutes(timeoutMs)} min and was killed with its process tree: ${result.command}`;
    else if (result.spawnError)
        text = `${label} coverage command could not start (${result.spawnError}): ${result.command}`;
    else
        text = `${label} coverage command failed with ${result.exitCode !== null ? `exit code ${result.exitCode}` : `signal ${result.signal}`}: ${result.command}`;
    return result.hint ? `${text}. ${result.hint}` : text;
}
/**
 * Records a failed command as the suite's finding: "N tests failed" with a few
 * names when its tests failed (the figure then counts only what ran, and the
 * suite is marked partial), else the command's failure as failureMessage says it.
 */
function recordFailure(findings, suite, result, timeoutMs, reportWritten = false) {
    if (result.failures && !result.timedOut) {
        suite.partial = `${describeFailures(result.failures)}: the figure counts only what ran`;
        findings.add(suite.suite, 'tests-failed', `${suite.label} tests failed: ${describeFailures(result.failures)}; the coverage figure is partial (${result.command})`);
        return;
    }
    // A report killed after the suite's own report was written (the HTML, the Cobertura) leaves the figure whole.
    if (result.timedOut && !reportWritten)
        suite.partial = 'the command was killed at its time limit';
    const whole = reportWritten ? ' (the lcov was written before it: the figure is whole, only what this command writes is missing)' : '';
    findings.add(suite.suite, result.timedOut ? 'timed-out' : 'tool-failed', `${failureMessage(suite.label, result, timeoutMs)}${whole}`);
}
/** Tool missing or killed: running the report commands would only fail the same way. */
const worthReporting = (r) => !r.timedOut && !r.spawnError && !r.hint && r.exitCode !== 127;
const anyCommandFailed = (result) => result.commands.some((c) => !commandOk(c));

// Whether the Python figure measures the project's own code. Two ways it does
// not, each one finding instead of a pass:
// - every measured file is outside the project (installed in site-packages,
//   or not under the working directory), e.g. the 4-line __init__.py maturin
//   generates for an extension-only package: "100%" of nothing of yours;
// - python-package names nothing the tests import: pytest-cov prints
//   coverage.py's "Module X was never imported" / "No data was collected" and
//   writes no report. The finding names the package the project most likely
//   means (run/python-package.ts), instead of "report missing".
/** Why a measured file is not the project's own code, or null when it is. */
function outsideReason(file, inputs) {
    if (/(^|\/)(site|dist)-packages\//.test(file))
        return 'installed';
    const full = path.resolve(inputs.workspace, file);
    if (!isInside(full, inputs.workingDirectory))
        return 'outside';
    return null;
}
/** maturin's __init__.py for a package that is only the extension: `from .ext import *` and the module's __doc__/__all__. */
function isMaturinInit(text) {
    return /^\s*from \.(\w+) import \*\s*\n\s*__doc__ = \1\.__doc__/.test(text);
}
function readHeadOf(file, bytes) {
    // Only a regular file: a FIFO named in the report must not stop the run.
    const opened = openRegularFile(file);
    if ('refused' in opened)
        return '';
    try {
        const buffer = Buffer.alloc(bytes);
        return buffer.subarray(0, fs.readSync(opened.fd, buffer, 0, bytes, 0)).toString('utf8');
    }
    catch {
        return '';
    }
    finally {
        fs.closeSync(opened.fd);
    }
}
/** Every measured file outside the project: one 'no-data' finding naming a few of them. */
function judgePythonScope(inputs, result, report, findings) {
    const measured = report.files.filter((f) => f.lines.total > 0);
    if (measured.length === 0 || !result.headline)
        return;
    if (measured.some((f) => outsideReason(f.path, inputs) === null))
        return;
    const shown = measured
        .slice(0, 2)
        .map((f) => f.path)
        .join(', ');
    const more = measured.length > 2 ? ` and ${measured.length - 2} more` : '';
    const generated = measured.every((f) => f.path.endsWith('__init__.py') && isMaturinInit(readHeadOf(path.resolve(inputs.workspace, f.path), 4096)));
    const what = generated
        ? 'the package has no Python source of its own (maturin generates that __init__.py for an extension-only package)'
        : 'none of it is Python source of this project';
    findings.add('python', 'no-data', `Python coverage measured only files outside the project (${shown}${more}): ${what}, so ${formatPercent(result.headline.percent)} says nothing about your code; measure a package with Python source of its own (python-package) or set python-enabled: false`);
}
/** coverage.py's warnings in pytest's output (names limited to dotted identifiers). */
function pytestCovWarnings(output) {
    const notImported = [...new Set([...output.matchAll(/Module ([\w.]{1,200}) was never imported/g)].map((m) => m[1]))];
    return { notImported, noData: /No data was collected/.test(output) };
}
/** How much of the end of pytest's output is searched for coverage.py's warnings (they come after the tests). */
const WARNING_SEARCH_BYTES = 1024 * 1024;
/**
 * A Python suite that measured nothing because python-package names nothing the
 * tests import: one finding naming the likely package. Called when the report
 * is missing or empty; gives true when it added the finding (no other needed).
 */
function judgeWrongPackage(inputs, findings) {
    const output = pythonOutputPath(inputs);
    if (!fs.existsSync(output))
        return false;
    const warnings = pytestCovWarnings(lastPart(output, WARNING_SEARCH_BYTES));
    if (warnings.notImported.length === 0 && !warnings.noData)
        return false;
    const given = inputs.python.package || warnings.notImported[0] || '';
    const said = [
        ...warnings.notImported.slice(0, 3).map((m) => `"Module ${m} was never imported"`),
        ...(warnings.noData ? ['"No data was collected"'] : [])
    ].join(' and ');
    const likely = inferPythonPackage(inputs.workingDirectory);
    const advice = likely && likely.name !== given
        ? `the package the project holds is likely "${likely.name}" (${likely.from}): set python-package: ${likely.name}`
        : 'set python-package to the name the tests import (the folder holding __init__.py)';
    findings.add('python', 'no-data', `Python coverage of ${given ? `"${given}"` : 'the package'} measured nothing: coverage.py says ${said}; ${advice}`);
    return true;
}

// Tool versions compared as their numbers: the least version a behaviour needs.
/** Whether a version ("7.9.2", "7.10.3b1", "0.6.9") is at least `min`; a missing or unreadable part counts as 0. */
function versionAtLeast(version, min) {
    const parts = version.split('.').map((p) => Number.parseInt(p, 10));
    for (let i = 0; i < min.length; i++) {
        const part = Number.isNaN(parts[i] ?? Number.NaN) ? 0 : parts[i];
        if (part !== min[i])
            return part > min[i];
    }
    return true;
}

// python-subprocess: coverage.py measures the package's code in child Python
// processes too, through its own `[run] patch = subprocess` (coverage 7.10+;
// 7.10.3 is the first that gives the children the options pytest-cov passes,
// such as --cov=<package>). The project's config is not changed: a small file
// beside python.xml holds that one setting, and COVERAGE_FORCE_CONFIG makes
// coverage.py read it after the project's own config (a variable coverage.py
// has read since 7.6 for its benchmarks; undocumented upstream). The children
// write their data next to pytest-cov's, which combines it before reporting.
// Older coverage ignores the setting: the version that wrote the report says so.
/** The first coverage.py whose subprocess patch carries pytest-cov's options (--cov=) into the children. */
const SUBPROCESS_MIN_VERSION = [7, 10, 3];
function subprocessConfigPath(inputs) {
    return path.join(path.dirname(inputs.python.xml), 'coverage-subprocess.ini');
}
/**
 * The environment of the Python command with subprocess measurement on: the
 * setting written (the project's own `patch` list kept, `subprocess` added)
 * and COVERAGE_FORCE_CONFIG pointing at it. A COVERAGE_FORCE_CONFIG already
 * set is left alone, with one line saying the switch did nothing.
 */
function withSubprocessMeasurement(inputs, env, findings) {
    if (env['COVERAGE_FORCE_CONFIG']) {
        findings.advise('python', 'python-subprocess: COVERAGE_FORCE_CONFIG is already set in the environment, so the action left it alone and did not switch on subprocess measurement.');
        return env;
    }
    const explicit = /--cov-config[= ](\S+)/.exec(inputs.python.command)?.[1]?.replace(/^['"]|['"]$/g, '') ?? env['COVERAGE_RCFILE'];
    const theirs = readCoverageSection(inputs.workingDirectory, 'run', explicit || undefined)?.settings.get('patch') ?? '';
    const patches = theirs
        .split(/[,\s]+/)
        .map((p) => p.trim())
        .filter((p) => p !== '');
    if (!patches.includes('subprocess'))
        patches.push('subprocess');
    const file = subprocessConfigPath(inputs);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, `# Written by rust-python-coverage (python-subprocess: true), read by coverage.py after the project's config.\n[run]\npatch = ${patches.join(', ')}\n`);
    info(`python-subprocess: coverage.py measures child Python processes too ([run] patch = ${patches.join(', ')}, through COVERAGE_FORCE_CONFIG)`);
    return { ...env, COVERAGE_FORCE_CONFIG: file };
}
/** With python-subprocess on, a report written by a coverage.py too old for it: one line, and the figure marked partial. */
function checkSubprocessSupport(inputs, result, report, findings) {
    if (!inputs.python.subprocess || report.producer !== 'coverage.py' || !report.producerVersion)
        return;
    if (versionAtLeast(report.producerVersion, SUBPROCESS_MIN_VERSION))
        return;
    const min = SUBPROCESS_MIN_VERSION.join('.');
    result.partial = `code run in child processes was not measured (coverage.py ${report.producerVersion})`;
    findings.advise('python', `python-subprocess: the report was written by coverage.py ${report.producerVersion}, which cannot measure child processes for pytest-cov (needs ${min} or later, [run] patch = subprocess): code run in subprocesses is not counted; install coverage>=${min}.`);
}

// The read phase: each suite's report parsed into its result with the judged
// figure; a missing or unusable report is one clear finding. Also checks the
// report's source paths against the checkout and the Rust Cobertura extra.
async function readReports(run) {
    startGroup('Reading coverage reports');
    try {
        for (const suite of suitesOf(run)) {
            await run.findings.guard(suite.suite, `reading the ${suite.label} report`, () => readReport(run.inputs, suite, run.findings));
            judgeThreshold(suite, run.findings);
            if (suite.headline)
                info(`${suite.label}: ${formatPercent(suite.headline.percent)} (${suite.headline.covered}/${suite.headline.total}; ${suite.headline.basis})`);
        }
    }
    finally {
        endGroup();
    }
}
/** Parses the suite's report into the result; problems become findings with one clear line. */
async function readReport(inputs, result, findings) {
    if (!result.enabled)
        return;
    const file = reportPath(inputs, result.suite);
    const shown = result.reportPath;
    // A python-package the tests never import: pytest-cov writes no report and coverage.py says why.
    const judgeWrong = result.suite === 'python' && inputs.mode === 'run';
    if (!fs.existsSync(file)) {
        if (judgeWrong && judgeWrongPackage(inputs, findings))
            return;
        if (!anyCommandFailed(result)) {
            findings.add(result.suite, 'report-missing', `${result.label} report ${shown} was not written by the coverage command`);
        }
        else {
            findings.advise(result.suite, `${result.label} report ${shown} was not written (the coverage command failed).`);
        }
        return;
    }
    if (!liesInside(file, inputs.workspace)) {
        const outside = realLocation(file);
        findings.add(result.suite, 'report-unreadable', `${shown}: leads to ${outside}, outside the workspace (a symlink?); not read and not uploaded`);
        return;
    }
    const kind = notRegularFile(file);
    if (kind) {
        findings.add(result.suite, 'report-unreadable', `${shown} is ${kind}, not a regular file; not read and not uploaded`);
        return;
    }
    let report;
    try {
        // Merged shard reports repeat the same files by design; the reader merges them line by line.
        const options = { root: inputs.workspace, displayName: shown, repeatedFilesExpected: inputs.mode === 'merge' };
        if (result.suite === 'rust') {
            const { parseLcovFile } = await import('./lcov-Th3x4BC9.js');
            report = await parseLcovFile(file, options);
        }
        else {
            const { parseCoberturaFile } = await import('./cobertura-Ci8Nxbie.js');
            report = await parseCoberturaFile(file, options);
        }
    }
    catch (error) {
        if (error instanceof ReportError)
            findings.add(result.suite, 'report-unreadable', error.message);
        else
            findings.internal(result.suite, `reading ${shown}`, error);
        return;
    }
    result.report = report;
    if (report.truncated) {
        // Figures of a report cut short are not judged as whole: kept, shown as partial, and a finding.
        result.partial = 'the report was cut short';
        findings.add(result.suite, 'report-unreadable', `${shown} ends inside a section (no end_of_record after the last one): the file was cut short, so its figure covers only what was written`);
    }
    let headline = result.suite === 'rust' ? rustHeadline(report) : pythonHeadline(report, coverageGateFor(inputs));
    if (headline && inputs.mode === 'merge') {
        headline = { ...headline, basis: `${result.suite === 'rust' ? 'lines' : 'statements'} of all shards, run when any shard ran them` };
    }
    result.headline = headline;
    if (report.warnings.length > 0) {
        startGroup(`${result.label} report warnings (${report.warnings.length})`);
        for (const warning of report.warnings)
            info(warning);
        endGroup();
        findings.advise(result.suite, `${shown}: ${report.warnings.length} problem(s) while reading, e.g. ${firstLine(report.warnings[0] ?? '')}`);
    }
    if (result.suite === 'python')
        checkSubprocessSupport(inputs, result, report, findings);
    if (!headline) {
        if (judgeWrong && judgeWrongPackage(inputs, findings))
            return;
        findings.add(result.suite, 'no-data', `${shown} has no measured lines (0 of 0): nothing was covered or the filters excluded everything`);
        return;
    }
    checkSourcePaths(inputs, result, report, findings);
    if (result.suite === 'python' && inputs.mode === 'run')
        judgePythonScope(inputs, result, report, findings);
    if (result.suite === 'rust' && inputs.mode === 'merge')
        writeMergedRustCobertura(inputs, result, report);
    else if (result.suite === 'rust')
        await checkRustCobertura(inputs, result, findings);
}
/** The precision coverage.py gates with in this project: its config file (--cov-config in the command, COVERAGE_RCFILE, or the usual files). */
function coverageGateFor(inputs) {
    const explicit = /--cov-config[= ](\S+)/.exec(inputs.python.command)?.[1]?.replace(/^['"]|['"]$/g, '') ?? process.env['COVERAGE_RCFILE'];
    const gate = readCoverageGate(inputs.workingDirectory, explicit || undefined);
    if (gate.source)
        info$1(`coverage.py's precision: ${gate.precision} (from ${gate.source}); python-min-lines is judged on the total rounded to it, as --cov-fail-under does`);
    return gate;
}
/**
 * What a report path is when it is no regular file (a FIFO would block the read
 * until some writer opens it, past any deadline; a device never ends), else null.
 */
function notRegularFile(file) {
    const stat = fs.statSync(file);
    if (stat.isFile())
        return null;
    if (stat.isFIFO())
        return 'a named pipe (FIFO)';
    if (stat.isSocket())
        return 'a socket';
    if (stat.isCharacterDevice() || stat.isBlockDevice())
        return 'a device';
    if (stat.isDirectory())
        return 'a folder';
    return 'not a regular file';
}
/**
 * The Rust Cobertura report (for GitHub's coverage upload, diff-cover and other
 * tools) is an extra: a problem with it is a warning, never a finding. Its line
 * figure differs from the lcov's by design (cargo-llvm-cov derives it from regions).
 */
async function checkRustCobertura(inputs, result, findings) {
    if (!inputs.rust.cobertura)
        return;
    const file = rustCoberturaPath(inputs);
    const shown = relativeToWorkspace(inputs, file);
    if (fs.existsSync(file) && !liesInside(file, inputs.workspace)) {
        findings.advise('rust', `${shown}: leads to ${realLocation(file)}, outside the workspace (a symlink?); not read and not uploaded.`);
        return;
    }
    if (!fs.existsSync(file)) {
        if (!anyCommandFailed(result))
            findings.advise('rust', `Rust Cobertura report ${shown} was not written by the report command (rust-cobertura: true).`);
        return;
    }
    const kind = notRegularFile(file);
    if (kind) {
        findings.advise('rust', `Rust Cobertura report ${shown} is ${kind}, not a regular file; not read.`);
        return;
    }
    const { parseCoberturaFile } = await import('./cobertura-Ci8Nxbie.js');
    try {
        const report = await parseCoberturaFile(file, { root: inputs.workspace, displayName: shown, keepLineStates: false });
        const lines = report.declared.lines ?? report.totals.lines;
        info(`Rust Cobertura ${shown}: ${lines.covered}/${lines.total} lines, ${report.files.length} files`);
        result.cobertura = shown;
    }
    catch (error) {
        findings.advise('rust', `Rust Cobertura report ${firstLine(error.message)}`);
    }
}
/** The most common silent failure: a report whose paths point nowhere in this checkout. */
function checkSourcePaths(inputs, result, report, findings) {
    if (report.files.length === 0)
        return;
    const bases = [inputs.workspace, inputs.workingDirectory];
    const missing = report.files.filter((f) => !bases.some((base) => fs.existsSync(path.resolve(base, f.path))));
    if (missing.length === report.files.length) {
        findings.advise(result.suite, `None of the ${report.files.length} source paths in ${result.reportPath} exist in this checkout (e.g. ${missing[0]?.path}): the report was made elsewhere, or its paths need remapping; per-file figures and links will not match your files.`);
    }
    else if (missing.length > 0) {
        findings.advise(result.suite, `${missing.length} of ${report.files.length} source paths in ${result.reportPath} do not exist in this checkout (e.g. ${missing[0]?.path}).`);
    }
}

// The zip phase: cargo-llvm-cov's HTML report folder zipped next to the lcov,
// named after its own artifact (rust-html-artifact-name), which uploads this
// zip unzipped: the download is the zip itself, not a zip inside a zip.
async function zipRustHtml(run) {
    const { inputs, findings, rust } = run;
    if (!rust.enabled)
        return;
    const html = inputs.rust.htmlDir;
    if (!fs.existsSync(path.join(html, 'index.html'))) {
        if (!anyCommandFailed(rust)) {
            findings.add('rust', 'report-missing', `Rust HTML report ${relativeToWorkspace(inputs, html)}/index.html was not written`);
        }
        return;
    }
    const { zipDirectory } = await import('./write-CIObKp6l.js');
    const zipPath = rustHtmlZipPath(inputs);
    // The folder read and the zip written must really lie inside the workspace (a refused path is one finding);
    // the zip is written under a temporary name and renamed, so a zip placed as a symlink is replaced.
    resolveInside(html, inputs.workspace, { shown: relativeToWorkspace(inputs, html) });
    try {
        const zipped = await writeThroughTemp(zipPath, inputs.workspace, (temp) => zipDirectory(html, temp, { level: inputs.compressionLevel, root: inputs.workspace }), relativeToWorkspace(inputs, zipPath));
        for (const skipped of zipped.skipped)
            findings.advise('rust', `Not zipped: ${skipped.path} (${skipped.reason}).`);
        rust.htmlZip = { path: relativeToWorkspace(inputs, zipPath), files: zipped.files, bytes: zipped.bytesOut };
    }
    catch (error) {
        findings.add('rust', 'report-unreadable', `Could not zip the Rust HTML report ${relativeToWorkspace(inputs, html)}: ${firstLine(error.message)}`);
    }
}

// The instrumented extension's compiled objects, kept while the Rust tests run
// beside the Python tests. The extension is built first, and `cargo test` of a
// cdylib crate then writes the same target/<profile>/[deps/]lib<name>.so again,
// without the default features. The reports must read the very objects the
// Python tests ran, so the ones the build wrote are copied aside and put back.
// Only dynamic libraries directly under the target folder's profile folders
// (and <triple>/<profile>) are looked at; links are never followed.
const DYNAMIC_LIBRARY = /\.(so|dylib|dll|pyd)$/;
/** Folders of a cargo target folder that never hold the crate's own objects. */
const PASSED_OVER = new Set(['incremental', '.fingerprint', 'fingerprint', 'build', 'doc', 'tmp', 'llvm-cov-target', 'coverage', 'wheels', 'nextest']);
/** target/<triple>/<profile>/deps is the deepest place cargo puts them. */
const MAX_DEPTH = 3;
const stampOf = (stat) => `${stat.mtimeMs}:${stat.size}`;
/** The dynamic libraries under cargo target (or build) folders, with their stamps (empty when there is none). */
function dynamicLibraries(...targetDirs) {
    const found = new Map();
    const walk = (dir, depth) => {
        let entries;
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        }
        catch {
            return; // no such folder (yet), or not readable: nothing of ours in it
        }
        for (const entry of entries) {
            const file = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (depth < MAX_DEPTH && !PASSED_OVER.has(entry.name))
                    walk(file, depth + 1);
            }
            else if (entry.isFile() && DYNAMIC_LIBRARY.test(entry.name)) {
                found.set(file, stampOf(fs.lstatSync(file)));
            }
        }
    };
    for (const dir of new Set(targetDirs))
        walk(dir, 0);
    return found;
}
/** Copies of the libraries the build wrote (new or changed since `before`) under `targetDirs`, in `keepDir`. */
function keepBuiltObjects(targetDirs, before, keepDir) {
    const kept = [];
    for (const [file, stamp] of dynamicLibraries(...targetDirs)) {
        if (before.get(file) === stamp)
            continue;
        const copy = path.join(keepDir, `${kept.length}-${path.basename(file)}`);
        fs.copyFileSync(file, copy, fs.constants.COPYFILE_FICLONE);
        kept.push({ file, copy, stamp });
    }
    return kept;
}
/** The file's stamp, or null when it is gone or no longer a regular file (a link put in its place). */
function currentStamp(file) {
    try {
        const stat = fs.lstatSync(file);
        return stat.isFile() ? stampOf(stat) : null;
    }
    catch {
        return null;
    }
}
/** Puts back every kept object something rewrote or removed since; gives how many. */
function putBackObjects(kept) {
    let restored = 0;
    for (const object of kept) {
        if (currentStamp(object.file) === object.stamp)
            continue;
        // A link put in its place is replaced, never written through.
        fs.rmSync(object.file, { force: true });
        fs.copyFileSync(object.copy, object.file, fs.constants.COPYFILE_FICLONE);
        restored++;
    }
    return restored;
}

// Pulls pytest-cov's terminal coverage table out of a pytest run's output, so
// the artifact keeps the summary users know from their terminal. Pure.
const START = /^[\s=_-]*(tests coverage|coverage: platform)\b/;
const TOTAL = /^TOTAL\s/;
/** The coverage section (header through TOTAL and the "written to" lines), or null if there is none. */
function extractCoverageTable(output) {
    const lines = output.replace(/\x1b\[[0-9;]*m/g, '').split(/\r?\n/);
    let start = -1;
    for (let i = 0; i < lines.length; i++) {
        if (START.test(lines[i] ?? '')) {
            // pytest-cov 7 prints "== tests coverage ==" then "__ coverage: platform ... __": both stay, from the first.
            start = i;
            break;
        }
    }
    if (start < 0)
        return null;
    let end = lines.findIndex((line, i) => i > start && TOTAL.test(line));
    if (end < 0)
        return null;
    while (end + 1 < lines.length && /^(Coverage \w+ written to|Required test coverage|FAIL Required)/.test(lines[end + 1] ?? ''))
        end++;
    return lines.slice(start, end + 1).join('\n') + '\n';
}

// The Python suite: one pytest run under coverage that writes the Cobertura
// XML; its output is kept, and pytest-cov's terminal table cut out of it for
// the artifact.
/**
 * `env`: the environment of the run (rust-from-python gives cargo-llvm-cov's, so the extension writes its profiles);
 * `deferred`: where its log group goes when it runs beside the Rust suite (shown after it).
 */
async function runPython(run, env = childEnv(run.env), deferred) {
    const { inputs, findings } = run;
    const python = inputs.python;
    const result = emptySuite(inputs, 'python');
    if (!python.enabled)
        return result;
    const started = Date.now();
    removeStale([python.xml, pythonOutputPath(inputs), pythonTermPath(inputs), subprocessConfigPath(inputs)]);
    fs.mkdirSync(path.dirname(python.xml), { recursive: true });
    if (python.packageFrom)
        info(`python-package: ${python.package} (inferred from ${python.packageFrom})`);
    const commandEnv = python.subprocess ? withSubprocessMeasurement(inputs, env, findings) : env;
    const commandResult = await runLogged('Python', python.command, inputs, commandEnv, python.timeoutMs, pythonOutputPath(inputs), deferred);
    result.commands.push(commandResult);
    if (!commandOk(commandResult)) {
        recordFailure(findings, result, commandResult, python.timeoutMs);
    }
    if (fs.existsSync(pythonOutputPath(inputs))) {
        const table = extractCoverageTable(lastPart(pythonOutputPath(inputs), TABLE_SEARCH_BYTES));
        if (table)
            fs.writeFileSync(pythonTermPath(inputs), table);
    }
    result.durationMs = Date.now() - started;
    return result;
}
/** pytest-cov prints its table at the end of the run: only this much of the output's end is read, whatever its size. */
const TABLE_SEARCH_BYTES = 16 * 1024 * 1024;

// The raw profiles set aside while two cargo-llvm-cov reports run side by side.
// Each `cargo llvm-cov report` merges the raw profiles of its target folder
// (`<target>/llvm-cov-target/*.profraw`) into one profdata file, rewritten in
// place: two at once would each rewrite the file the other is reading. When the
// folder holds no raw profile and the profdata file is there, it reads that
// file as it is (cargo-llvm-cov 0.6.9 and later). So once the first report has
// merged them (the lcov), the raw profiles are moved into a fresh sub-folder
// (cargo-llvm-cov reads only the folder itself) while the other reports run,
// and put back after them, also when the run is cancelled: the folder is left
// as cargo-llvm-cov left it, for a later `cargo llvm-cov report` of one's own.
/** The first cargo-llvm-cov version whose report reads an existing profdata file when there is no raw profile. */
const READS_PROFDATA_SINCE = [0, 6, 9];
/** Whether a cargo-llvm-cov version (e.g. "0.9.1") reports from the profdata file alone; false when unknown. */
function readsProfdataAlone(version) {
    return version !== undefined && /^\d+\.\d+\.\d+/.test(version) && versionAtLeast(version, READS_PROFDATA_SINCE);
}
/** How much older than the report's start its profdata file may look (file systems with coarse times). */
const CLOCK_SLACK_MS = 2_000;
/** The prefix of the folders the raw profiles are set aside in (fresh each time, inside the target folder), then the pid. */
const ASIDE_PREFIX = '.profraw-aside-';
/** A folder aside whose run is over: its pid (in its name) is no running process. */
function leftByEndedRun(name) {
    const pid = Number(/^\.profraw-aside-(\d+)-/.exec(name)?.[1]);
    if (!Number.isSafeInteger(pid) || pid <= 0)
        return true;
    if (pid === process.pid)
        return false;
    try {
        process.kill(pid, 0);
        return false;
    }
    catch (error) {
        // EPERM: a process of another user has that pid: it runs.
        return error.code === 'ESRCH';
    }
}
/**
 * Moves the raw profiles aside when the profdata file was written by the report that started at `since` (ms): that
 * proves the place is the one cargo-llvm-cov used, and that it holds every raw profile. Null (nothing moved) when
 * not, or when a move fails (what was moved is put back). `putBack` gives what could not be put back ('' when all
 * were); it is also done if the run is cancelled. Folders a killed earlier run left aside (its profiles, of a run
 * that is over and was never counted here: its pid, in the folder's name, runs no more) are removed first; those of
 * a run still going are left alone.
 */
function setProfilesAside(place, since) {
    let stat;
    try {
        stat = fs.lstatSync(place.profdata);
    }
    catch {
        return null;
    }
    if (!stat.isFile() || stat.mtimeMs < since - CLOCK_SLACK_MS)
        return null;
    let entries;
    try {
        entries = fs.readdirSync(place.dir, { withFileTypes: true });
    }
    catch {
        return null;
    }
    for (const entry of entries) {
        // Only real folders of that name: a link is not followed (rmSync takes the link itself away, nothing behind it).
        try {
            if (entry.name.startsWith(ASIDE_PREFIX) && entry.isDirectory() && leftByEndedRun(entry.name)) {
                fs.rmSync(path.join(place.dir, entry.name), { recursive: true, force: true });
            }
        }
        catch {
            // Left where it is: it is not read by cargo-llvm-cov either way.
        }
    }
    const names = entries.map((e) => e.name).filter((name) => name.endsWith('.profraw'));
    if (names.length === 0)
        return { putBack: () => '' };
    let aside;
    try {
        aside = fs.mkdtempSync(path.join(place.dir, `${ASIDE_PREFIX}${process.pid}-`));
    }
    catch {
        return null;
    }
    const moved = [];
    const putBack = () => {
        const left = [];
        const problems = [];
        for (const name of moved.splice(0)) {
            const home = path.join(place.dir, name);
            // Never over a file put there meanwhile: what cannot go back stays in the folder aside.
            if (fs.existsSync(home)) {
                left.push(name);
                problems.push(`${name}: a file of that name is there again`);
                continue;
            }
            try {
                fs.renameSync(path.join(aside, name), home);
            }
            catch (error) {
                left.push(name);
                problems.push(`${name}: ${error.message}`);
            }
        }
        // What is left can be tried again (a second call, or the cancel's).
        moved.push(...left);
        if (left.length === 0)
            fs.rmSync(aside, { recursive: true, force: true });
        return problems.length === 0 ? '' : `${problems.length} left in ${aside} (${problems.slice(0, 3).join('; ')})`;
    };
    const forget = onCancel(() => {
        const problem = putBack();
        if (problem)
            throw new Error(`raw profiles set aside not all put back: ${problem}`);
    });
    try {
        for (const name of names) {
            fs.renameSync(path.join(place.dir, name), path.join(aside, name));
            moved.push(name);
        }
    }
    catch {
        putBack();
        forget();
        return null;
    }
    return {
        putBack: () => {
            forget();
            return putBack();
        }
    };
}

// The Rust report commands over the profiles of a run: the lcov first (it
// merges the raw profiles), then the HTML and the Cobertura reports, side by
// side when cargo-llvm-cov can read the merged profiles without merging them
// again (profiles-aside.ts), else one after the other. Side by side, the first
// one's log streams and the other's is shown after it.
/**
 * The report commands over the profiles: lcov, HTML, and Cobertura when asked for.
 * `crateArgs`: the manifest and package selection of the default report command
 * (report-side flags moved from rust-command follow them).
 */
function rustReportSteps(inputs, crateArgs) {
    const rust = inputs.rust;
    const report = rust.reportCommand + (rust.customReportCommand ? '' : crateArgs + rust.reportArgs);
    return [
        `${report} --lcov --output-path ${shellQuote(rust.lcov)}`,
        `${report} --html --output-dir ${shellQuote(path.dirname(rust.htmlDir))}`,
        ...(rust.cobertura ? [`${report} --cobertura --output-path ${shellQuote(rustCoberturaPath(inputs))}`] : [])
    ];
}
/**
 * Runs the reports after the lcov one, side by side when it is safe (two or more, the default report command, a
 * cargo-llvm-cov that reads its profdata file as it is, that file written by the merging report, and its folder inside
 * the cargo target folder this run holds: no other run of the action moves or cleans those profiles meanwhile), else
 * one after the other up to the first failure. `runOne` runs a command, its log kept in `deferred` when given. The results come
 * in the commands' order.
 */
async function runLaterReports(later, runOne) {
    const [first, ...rest] = later.commands;
    if (first === undefined)
        return [];
    const place = later.place;
    const held = place !== null && later.held !== null && insideHeld(place.dir, later.held);
    const aside = rest.length > 0 && place && held && readsProfdataAlone(later.cargoLlvmCovVersion) ? setProfilesAside(place, later.mergedSince) : null;
    if (!aside) {
        const results = [];
        for (const command of later.commands) {
            const result = await runOne(command);
            results.push(result);
            if (!commandOk(result))
                break;
        }
        return results;
    }
    info(`The other Rust reports run side by side, from the profiles the lcov report merged; the second one's log follows the first one's.`);
    try {
        // A cancelled run goes no further: its cleanups show the kept log and put the profiles back.
        return await runSideBySide(() => runOne(first), rest.map((command) => (deferred) => runOne(command, deferred)));
    }
    finally {
        const problem = aside.putBack();
        if (problem)
            warning(`The raw profiles set aside while the reports ran were not all put back in ${later.place?.dir}: ${problem}`);
    }
}
/**
 * The Rust suite's reports after the lcov one (runLaterReports), each with what is left of the suite's time: where
 * the profiles are, from the environment of the commands and cargo metadata's workspace; the folder this run holds.
 */
async function runLaterRustReports(run, commands, context) {
    const { inputs } = run;
    const later = {
        commands,
        place: inputs.rust.customReportCommand ? null : profilesPlace(context.workspace, context.env, inputs.workingDirectory),
        mergedSince: context.mergedSince,
        cargoLlvmCovVersion: (await context.tools)['cargo-llvm-cov'],
        held: lockedTarget()
    };
    return runLaterReports(later, (command, deferred) => runLogged('Rust', command, inputs, context.env, context.remainingMs(), undefined, deferred));
}
/** Whether the profiles' folder really lies inside a held folder (links followed; false when that cannot be told). */
function insideHeld(dir, folder) {
    try {
        return liesInside(dir, folder);
    }
    catch {
        return false;
    }
}

// cargo-llvm-cov needs llvm-cov/llvm-profdata from the same LLVM as rustc.
// With rustup's llvm-tools-preview it finds them itself; without it (distro or
// nix toolchains) users must set LLVM_COV/LLVM_PROFDATA. When neither is the
// case and a matching versioned LLVM is installed (Debian/Ubuntu llvm-N), point
// at it, and say so in the log.
function findLlvmTools(env, cwd) {
    if (env['LLVM_COV'] || env['LLVM_PROFDATA'])
        return null;
    // One rustc call where llvm-tools-preview is installed (cargo-llvm-cov's own requirement, so the common case): the
    // host's library folder is <sysroot>/lib/rustlib/<host>/lib, and the component puts llvm-cov in the bin beside it.
    const libdir = spawnSync('rustc', ['--print', 'target-libdir'], { cwd, env, encoding: 'utf8', timeout: 20_000 });
    const lib = libdir.status === 0 && typeof libdir.stdout === 'string' ? libdir.stdout.trim() : '';
    if (lib && fs.existsSync(path.join(path.dirname(lib), 'bin', exe('llvm-cov'))))
        return null;
    const rustc = spawnSync('rustc', ['-vV'], { cwd, env, encoding: 'utf8', timeout: 20_000 });
    if (rustc.status !== 0 || typeof rustc.stdout !== 'string')
        return null;
    const major = /LLVM version: (\d+)/.exec(rustc.stdout)?.[1];
    if (!major)
        return null;
    for (const dir of [`/usr/lib/llvm-${major}/bin`, `/usr/local/opt/llvm@${major}/bin`, `/opt/homebrew/opt/llvm@${major}/bin`]) {
        const cov = path.join(dir, 'llvm-cov');
        const profdata = path.join(dir, 'llvm-profdata');
        if (fs.existsSync(cov) && fs.existsSync(profdata)) {
            return {
                env: { LLVM_COV: cov, LLVM_PROFDATA: profdata },
                note: `rustc uses LLVM ${major} and has no llvm-tools-preview; using LLVM_COV=${cov} and LLVM_PROFDATA=${profdata}.`
            };
        }
    }
    return null;
}
const exe = (name) => (process.platform === 'win32' ? `${name}.exe` : name);
/** The environment of the Rust commands: the step's, less what no command may see, with LLVM_COV/LLVM_PROFDATA when found here (said once). */
function rustCommandEnv(stepEnv, cwd, say) {
    const env = childEnv(stepEnv);
    const llvm = findLlvmTools(env, cwd);
    if (llvm) {
        say(llvm.note);
        Object.assign(env, llvm.env);
    }
    return env;
}

// The Rust suite: with the default commands cargo-llvm-cov's one run (what
// earlier runs left removed, the tests under coverage, the lcov report), then
// the HTML and Cobertura reports from its profiles (side by side,
// rust-reports.ts); with commands of one's own,
// the test run (a --no-report run) and every report after it. All within the
// suite's one time limit.
// The test run and the reports measure the same cargo packages (cargo-scope.ts).
/**
 * The Rust suite's preparation: its stale files removed, the environment, the crate and the packages (cargo
 * metadata, rustc: synchronous calls, made before the Python suite starts beside it, whose pipes they would
 * otherwise leave unread, and whose cancellation they would hold up).
 */
function prepareRust(run) {
    const { inputs } = run;
    const rust = inputs.rust;
    const result = emptySuite(inputs, 'rust');
    const started = Date.now();
    if (!rust.enabled)
        return { result, started, ready: null };
    removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs)]);
    fs.mkdirSync(path.dirname(rust.lcov), { recursive: true });
    const env = rustCommandEnv(run.env, inputs.workingDirectory, info);
    const crate = findCrate(run, result);
    const scope = crate ? measuredScope(run, result, crate, env) : null;
    return { result, started, ready: crate && scope ? { env, crate, scope } : null };
}
async function runRust(run, plan = prepareRust(run)) {
    const { inputs, findings } = run;
    const rust = inputs.rust;
    const { result, started } = plan;
    if (!plan.ready)
        return result;
    const { env, crate, scope } = plan.ready;
    const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : '';
    const reports = rustReportSteps(inputs, crate.manifestArg + scope.reportArgs);
    // Nothing of an earlier run (a second local run, a restored target/ cache) counts: its profiles, and its test
    // binaries, which the report would read too (one built with other features or dependencies maps code this run
    // never built, as missed lines). The workspace's own crates are rebuilt; dependencies stay built.
    // With the default commands that is cargo-llvm-cov's own one run: it cleans the measured crates' builds and the
    // old profiles, runs the tests and writes the lcov report (one cargo-llvm-cov start instead of three); the other
    // formats come from its profiles. It cleans only the measured packages, while its report reads every member's
    // binaries: with members left out (rust-packages, a member crate), the whole workspace is cleaned first. A report
    // command of one's own makes every report, after a clean and the tests.
    const oneRun = !rust.customTestCommand && !rust.customReportCommand;
    const cleanFirst = !rust.customTestCommand && (!oneRun || scope.othersUnmeasured);
    const clean = cleanFirst ? [`${prefix}cargo llvm-cov clean --workspace${crate.manifestArg}`] : [];
    const test = oneRun
        ? `${rust.testCommand.replace(/ --no-report(?= |$)/, '')}${crate.manifestArg}${scope.testArgs} --lcov --output-path ${shellQuote(rust.lcov)}`
        : rust.testCommand + (rust.customTestCommand ? '' : crate.manifestArg + scope.testArgs);
    // The lcov comes from the one run, else from the first report; the other reports follow (rust-reports.ts).
    const steps = [...clean, test, ...(oneRun ? [] : reports.slice(0, 1))];
    const tools = rustToolVersions(inputs, env);
    const testIndex = clean.length;
    let stopped = false;
    let mergedSince = started;
    for (let index = 0; index < steps.length; index++) {
        const command = steps[index];
        const remaining = rust.timeoutMs - (Date.now() - started);
        mergedSince = Date.now();
        const commandResult = await runLogged('Rust', command, inputs, env, remaining);
        result.commands.push(commandResult);
        if (!commandOk(commandResult)) {
            recordFailure(findings, result, commandResult, rust.timeoutMs);
            // A failing test run still leaves profiles: make the reports anyway, unless the tool is missing or was killed.
            if (index !== testIndex || !worthReporting(commandResult)) {
                stopped = true;
                break;
            }
            // cargo-llvm-cov writes no report after failed tests: the lcov comes from their profiles like the others.
            if (oneRun && !fs.existsSync(rust.lcov))
                steps.splice(index + 1, 0, reports[0]);
        }
    }
    if (!stopped) {
        const later = await runLaterRustReports(run, reports.slice(1), {
            env,
            workspace: scope.workspace,
            mergedSince,
            tools,
            remainingMs: () => rust.timeoutMs - (Date.now() - started)
        });
        for (const commandResult of later) {
            result.commands.push(commandResult);
            if (!commandOk(commandResult))
                recordFailure(findings, result, commandResult, rust.timeoutMs, fs.existsSync(rust.lcov));
        }
    }
    result.durationMs = Date.now() - started;
    if (result.commands.some(commandOk))
        result.tools = await tools;
    return result;
}
/**
 * The crate the default cargo commands measure (the place maturin builds from):
 * its `--manifest-path` argument ('' for the working directory's Cargo.toml), or
 * null after one finding when there is none (custom commands are not checked).
 */
function findCrate(run, result) {
    const { inputs } = run;
    if (inputs.rust.customTestCommand && inputs.rust.customReportCommand)
        return { manifestArg: '', manifestPath: null };
    const project = readMaturinProject(inputs.workingDirectory);
    if (project.manifestPath === null) {
        const shown = relativeToWorkspace(inputs, inputs.workingDirectory);
        const where = project.manifestSetting !== null ? ' ([tool.maturin] manifest-path in pyproject.toml)' : '';
        const message = `No Cargo.toml for the Rust suite in "${shown}": looked for ${project.tried.join(', ')}${where}. Set working-directory to the project's folder, or [tool.maturin] manifest-path.`;
        run.findings.add('rust', 'tool-failed', message);
        // Recorded as a command that could not start, so the missing report is not a second finding.
        result.commands.push({
            command: inputs.rust.testCommand,
            exitCode: null,
            signal: null,
            timedOut: false,
            durationMs: 0,
            spawnError: 'no Cargo.toml'
        });
        return null;
    }
    return { manifestArg: manifestArgument(inputs.workingDirectory, project.manifestPath, shellQuote), manifestPath: project.manifestPath };
}
/**
 * The packages the test run and the reports measure (from `cargo metadata`), said in
 * the log; report-side flags moved from rust-command said once; default features that
 * --no-default-features leaves out warned about (`plain`: not with rust-from-python,
 * whose extension is built with them). Null after one finding (an unknown rust-packages name).
 */
function measuredScope(run, result, crate, env, plain = true) {
    const { inputs } = run;
    const rust = inputs.rust;
    const none = { testArgs: '', reportArgs: '', packages: [], wholeWorkspace: false, shown: false, othersUnmeasured: true };
    if (rust.movedFlags.length > 0) {
        info(`rust-command: ${rust.movedFlags.join(' ')} given to the report commands, where report flags act (cargo llvm-cov --no-report ignores them).`);
    }
    if (crate.manifestPath === null)
        return none;
    const ws = readCargoWorkspace(crate.manifestPath, inputs.workingDirectory, env);
    if (ws === null) {
        if (rust.packages.length > 0)
            info('rust-packages: `cargo metadata` could not read the workspace; the packages are passed to cargo as given.');
        const args = rust.packages.map((n) => ` --package ${n}`).join('');
        return { ...none, testArgs: args, reportArgs: args, packages: [...rust.packages], shown: rust.packages.length > 0 };
    }
    const chosen = cargoScope(ws, crate.manifestPath, rust.packages, rust.customTestCommand ? rust.testCommand : null);
    if (!chosen.ok) {
        run.findings.add('rust', 'tool-failed', chosen.message);
        result.commands.push({ command: rust.testCommand, exitCode: null, signal: null, timedOut: false, durationMs: 0, spawnError: 'unknown package' });
        return null;
    }
    const scope = { ...chosen.scope, workspace: ws };
    if (scope.shown) {
        result.packages = { names: scope.packages, wholeWorkspace: scope.wholeWorkspace };
        info(`Rust packages measured: ${scope.packages.join(', ')}${scope.wholeWorkspace ? ' (the whole cargo workspace)' : ''}.`);
    }
    const dropped = plain ? droppedDefaultFeatures(ws, crate.manifestPath, scope.packages, rust.testCommand) : [];
    if (dropped.length > 0) {
        const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : '';
        const unprefixed = rust.testCommand.startsWith(prefix) ? rust.testCommand.slice(prefix.length) : rust.testCommand;
        // A rust-command of one's own runs as written: the example keeps the clean start of the default.
        const example = rust.customTestCommand
            ? ''
            : ` (e.g. rust-command: \`cargo llvm-cov clean --workspace && ${unprefixed}${scope.testArgs} --features ${dropped.join(',')}\`)`;
        warning(`The Rust tests run with --no-default-features, which also leaves out the default feature(s) ${dropped.join(', ')}: code behind them is not built, so not measured. To keep them, add --features ${dropped.join(',')} to rust-command${example}.`, { title: 'Default features left out' });
    }
    return scope;
}
/**
 * cargo-llvm-cov's and rustc's versions, for coverage-summary.json (empty if they cannot be read). Asked while the
 * suite runs: the answer is awaited after its commands, so it costs no time of its own.
 */
function rustToolVersions(inputs, env) {
    const prefix = inputs.rust.commandPrefix ? `${inputs.rust.commandPrefix} ` : '';
    // The suite's own shell (no profile, no rc file: bash reads ~/.bashrc when its input is a socket, as node's pipes
    // are, so a plain `bash -c` could name another toolchain than the one that ran, and spend time doing so).
    // Each in a subshell of its own, its failure ignored: a prefix that changes the shell (`cd rust;`) acts once per tool.
    const shell = shellFor(process.platform === 'win32'
        ? `${prefix}cargo llvm-cov --version & ${prefix}rustc --version`
        : `(${prefix}cargo llvm-cov --version) || true; (${prefix}rustc --version) || true`);
    return new Promise((resolve) => {
        execFile(shell.file, shell.args, { cwd: inputs.workingDirectory, env, encoding: 'utf8', timeout: 20_000 }, (_error, stdout) => {
            const tools = {};
            for (const m of (stdout ?? '').matchAll(/^(cargo-llvm-cov|rustc) (\S+)/gm))
                tools[m[1]] = m[2];
            resolve(tools);
        });
    });
}

// Rust measured from the Python tests too (input rust-from-python): in a PyO3
// project much of the Rust code is run only by the Python tests, through the
// compiled extension, so the Rust tests alone under-report it (0 % when there
// are none). cargo-llvm-cov's documented way for such "external" tests:
//
//   1. `cargo llvm-cov show-env --sh` once: its KEY=VALUE lines (RUSTC_WRAPPER,
//      LLVM_PROFILE_FILE under target/, CARGO_LLVM_COV_TARGET_DIR, ...) become
//      the environment of every command below;
//   2. `cargo llvm-cov clean --workspace`: no profile of an earlier run leaks in
//      (beside step 1, told the folders show-env names: llvm-cov-folders.ts);
//   3. the extension built and installed in that environment (instrumented);
//   4. the Rust tests beside the Python tests, each run once (parallel-suites;
//      off: one after the other, the Rust tests before the build): the Python
//      run writes the Python report and, through the extension, more Rust
//      profiles, into a folder of their own until the Rust tests' report of
//      their profiles alone (rust-tests-only.lcov) is made;
//   5. the Rust reports over all profiles: the lcov, then the HTML and Cobertura
//      side by side (rust-reports.ts).
//
// The Rust tests alone and the lines only the Python tests reach are figures
// of their own (summary, coverage-summary.json, outputs).
/** The report of the Rust tests' own profiles, beside the Rust lcov. */
const rustTestsOnlyPath = (lcov) => path.join(path.dirname(lcov), 'rust-tests-only.lcov');
/** What `cargo llvm-cov show-env` printed: the environment of the instrumented run. */
const showEnvPath = (lcov) => path.join(path.dirname(lcov), 'rust-show-env.txt');
/** On when asked for, or (auto) when maturin builds the project; needs both suites in a run. */
function rustFromPythonWanted(run) {
    const { inputs } = run;
    const setting = inputs.rust.fromPython;
    if (setting === false || inputs.mode !== 'run')
        return false;
    if (!inputs.rust.enabled || !inputs.python.enabled) {
        if (setting === true)
            info$1('rust-from-python: off, it needs both suites (rust-enabled and python-enabled).');
        return false;
    }
    if (setting === true)
        return true;
    const on = readMaturinProject(inputs.workingDirectory).maturinBackend;
    if (on)
        info$1('rust-from-python (auto): on, pyproject.toml builds with maturin; the extension is built instrumented once.');
    return on;
}
/** KEY=VALUE pairs of `cargo llvm-cov show-env --sh` (`export KEY='value'`, sh-quoted); other lines are passed over. */
function parseShowEnv(text) {
    const vars = {};
    for (const line of text.split(/\r?\n/)) {
        const m = /^(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
        if (!m)
            continue;
        vars[m[1]] = unquote(m[2]);
    }
    return vars;
}
/** One sh word: 'single' (with '\'' escapes), "double" (with \ escapes) or bare, concatenated. */
function unquote(word) {
    let out = '';
    for (let i = 0; i < word.length;) {
        const c = word[i];
        if (c === "'") {
            const end = word.indexOf("'", i + 1);
            out += word.slice(i + 1, end === -1 ? undefined : end);
            i = end === -1 ? word.length : end + 1;
        }
        else if (c === '"') {
            i++;
            while (i < word.length && word[i] !== '"') {
                if (word[i] === '\\' && i + 1 < word.length && '$`"\\\n'.includes(word[i + 1]))
                    i++;
                out += word[i];
                i++;
            }
            i++;
        }
        else if (c === '\\' && i + 1 < word.length) {
            out += word[i + 1];
            i += 2;
        }
        else {
            out += c;
            i++;
        }
    }
    return out;
}
/**
 * The Rust test command as it runs in show-env's environment: cargo-llvm-cov's
 * own test subcommands wrap rustc again there and fail, so
 * `cargo llvm-cov [test] --no-report ARGS` runs as `cargo test ARGS` and
 * `cargo llvm-cov nextest --no-report ARGS` as `cargo nextest run ARGS` (the
 * environment already instruments the build). Other commands run as given.
 */
function plainCargoTestCommand(command) {
    if (!/\bcargo llvm-cov\b/.test(command))
        return command;
    // Only the test run: `cargo llvm-cov clean …` or `report …` before or after it stay as they are.
    return command
        .replace(/\bcargo llvm-cov nextest(?=\s|$)/, 'cargo nextest run')
        .replace(/\bcargo llvm-cov(?: test)?(?=\s|$)(?!\s+(?:clean|report|show-env|run|nextest-archive)\b)/, 'cargo test')
        .replace(/\s--no-report\b/, '');
}
/**
 * The build-and-install command: `maturin develop` when a virtual environment is
 * active (VIRTUAL_ENV or CONDA_PREFIX) or the Python suite's prefix provides one
 * (e.g. `uv run --group dev`: maturin installs into uv's .venv, the environment
 * the tests then run in); else pip's editable install into the Python on PATH
 * (setup-python's on GitHub runners, where `maturin develop` refuses to run
 * without a venv).
 */
function defaultBuildCommand(env, pythonPrefix) {
    const prefix = pythonPrefix ? `${pythonPrefix} ` : '';
    if (env['VIRTUAL_ENV'] || env['CONDA_PREFIX'] || pythonPrefix)
        return `${prefix}maturin develop`;
    return 'python -m pip install --no-build-isolation -e .';
}
/** `pythonLog`: where the Python suite's log goes while it runs beside the Rust tests (shown after them). */
async function runRustFromPython(run, pythonLog) {
    let pythonRan = false;
    const runPythonSuite = async (pythonEnv, deferred) => {
        pythonRan = true;
        run.python = (await run.findings.guard('python', 'running the Python suite', () => runPython(run, pythonEnv, deferred))) ?? run.python;
    };
    try {
        await measureRustFromPython(run, runPythonSuite, pythonLog);
    }
    finally {
        // Whatever stopped the Rust part, the Python suite still runs (plainly): one suite never loses the other.
        if (!pythonRan)
            await runPythonSuite(childEnv(run.env));
    }
}
async function measureRustFromPython(run, runPythonSuite, pythonLog) {
    const { inputs, findings } = run;
    const rust = inputs.rust;
    const result = emptySuite(inputs, 'rust');
    run.rust = result;
    const started = Date.now();
    const onlyLcov = rustTestsOnlyPath(rust.lcov);
    const showEnvFile = showEnvPath(rust.lcov);
    removeStale([rust.lcov, rust.htmlDir, rustHtmlZipPath(inputs), rustCoberturaPath(inputs), onlyLcov, showEnvFile]);
    fs.mkdirSync(path.dirname(rust.lcov), { recursive: true });
    const env = rustCommandEnv(run.env, inputs.workingDirectory, info);
    const crate = findCrate(run, result);
    const scope = crate ? measuredScope(run, result, crate, env, false) : null;
    if (!crate || !scope)
        return runPythonSuite(childEnv(run.env));
    const prefix = rust.commandPrefix ? `${rust.commandPrefix} ` : '';
    let rustMs = 0;
    const record = (commandResult, what) => {
        result.commands.push(commandResult);
        if (commandResult.failures && !commandResult.timedOut)
            recordFailure(findings, result, commandResult, rust.timeoutMs);
        else if (!commandOk(commandResult)) {
            const message = failureMessage('Rust', commandResult, rust.timeoutMs);
            findings.add('rust', commandResult.timedOut ? 'timed-out' : 'tool-failed', `${message} (${what})`);
        }
    };
    const step = async (command, what, captureFile) => {
        const commandResult = await runLogged('Rust', command, inputs, env, rust.timeoutMs - rustMs, captureFile);
        rustMs += commandResult.durationMs;
        record(commandResult, what);
        return commandResult;
    };
    // 1. The environment, once, and 2. the clean beside it, told the folders show-env will name (checked after it:
    // should they differ, or the clean fail, it runs again in show-env's environment).
    const cleanCommand = `${prefix}cargo llvm-cov clean --workspace${crate.manifestArg}`;
    const foreseen = showEnvFolders(scope.workspace, env);
    const began = Date.now();
    const showEnv = () => runLogged('Rust', `${prefix}cargo llvm-cov show-env --sh${crate.manifestArg}`, inputs, env, rust.timeoutMs, showEnvFile);
    const [shown, early = null] = foreseen
        ? await runSideBySide(showEnv, [
            (deferred) => runLogged('Rust', cleanCommand, inputs, { ...env, ...foreseen }, rust.timeoutMs, undefined, deferred)
        ])
        : [await showEnv()];
    rustMs += Date.now() - began;
    record(shown, 'cargo-llvm-cov environment');
    const vars = commandOk(shown) && fs.existsSync(showEnvFile) ? parseShowEnv(fs.readFileSync(showEnvFile, 'utf8')) : {};
    const problem = commandOk(shown) ? profileFileProblem(vars) : 'no environment';
    if (problem !== null) {
        // The clean beside it ran all the same: it is said as a command of the run (and as a finding if it failed).
        if (early !== null)
            record(early, 'removing stale profiles');
        if (commandOk(shown))
            findings.add('rust', 'tool-failed', `cargo llvm-cov show-env: ${problem}; Rust was not measured from the Python tests`);
        result.durationMs = Date.now() - started;
        return runPythonSuite(childEnv(run.env));
    }
    Object.assign(env, vars);
    // pip builds through maturin's PEP 517 backend, in release unless told: the dev profile is what the Rust tests share.
    if (!inputs.rust.extensionBuildCommand && env['MATURIN_PEP517_ARGS'] === undefined)
        env['MATURIN_PEP517_ARGS'] = '--profile dev';
    const cleanedBeside = early !== null && foreseen !== null && commandOk(early) && namesTheSameFolders(vars, foreseen, inputs.workingDirectory);
    if (cleanedBeside)
        record(early, 'removing stale profiles');
    else if (early !== null)
        info$1(`rust-from-python: the clean runs again in show-env's environment (${commandOk(early) ? 'it names other folders than foreseen' : 'the one beside it failed'}).`);
    const cleaned = cleanedBeside ? early : await step(cleanCommand, 'removing stale profiles');
    const testCommand = plainCargoTestCommand(rust.testCommand) + (rust.customTestCommand ? '' : crate.manifestArg + scope.testArgs);
    if (testCommand !== rust.testCommand)
        info$1(`rust-from-python: the Rust tests run as \`${testCommand}\` in cargo-llvm-cov's environment.`);
    const reportCommand = rust.reportCommand + (rust.customReportCommand ? '' : crate.manifestArg + scope.reportArgs + rust.reportArgs);
    const onlyReport = `${reportCommand} --lcov --output-path ${shellQuote(onlyLcov)}`;
    const tools = rustToolVersions(inputs, { ...env });
    const buildCommand = inputs.rust.extensionBuildCommand || defaultBuildCommand(run.env, inputs.python.commandPrefix);
    const order = inputs.parallelSuites ? sideBySide : oneAfterTheOther;
    const { tests, build } = await order({ run, env, vars, step, cleaned, testCommand, buildCommand, onlyReport, runPythonSuite, pythonLog });
    // The Rust reports over every profile.
    if (tests !== null && worthReporting(tests)) {
        const [lcovReport, ...others] = rustReportSteps(inputs, crate.manifestArg + scope.reportArgs);
        const mergedSince = Date.now();
        if (commandOk(await step(lcovReport, 'Rust report'))) {
            const othersStarted = Date.now();
            const later = await runLaterRustReports(run, others, {
                env,
                workspace: scope.workspace,
                mergedSince,
                tools,
                remainingMs: () => rust.timeoutMs - rustMs - (Date.now() - othersStarted)
            });
            rustMs += Date.now() - othersStarted;
            for (const commandResult of later)
                record(commandResult, 'Rust report');
        }
    }
    result.durationMs = rustMs;
    if (result.commands.some(commandOk))
        result.tools = await tools;
    if (build && commandOk(build) && fs.existsSync(onlyLcov) && fs.existsSync(rust.lcov)) {
        result.fromPython = await fromPythonFigures(inputs.workspace, onlyLcov, rust.lcov, relativeToWorkspace(inputs, onlyLcov), build);
        const f = result.fromPython;
        info$1(`rust-from-python: Rust tests alone ${f.rustTestsOnly ? `${f.rustTestsOnly.percent.toFixed(2)}% (${f.rustTestsOnly.covered}/${f.rustTestsOnly.total})` : 'no data'}; ${f.linesOnlyPython} line(s) only the Python tests reach; build ${f.buildSeconds.toFixed(1)} s.`);
        setOutput('rust-tests-only-line-coverage', f.rustTestsOnly ? String(f.rustTestsOnly.percent) : '');
        setOutput('rust-lines-only-python', String(f.linesOnlyPython));
    }
    await findings.guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run));
}
/**
 * parallel-suites off: the Rust tests and their own report, then the extension built, then the Python tests. The
 * build comes after the tests: `cargo test` of a cdylib crate writes target/debug/deps/lib<name>.so too, and the
 * reports must read the very extension the Python tests load.
 */
async function oneAfterTheOther(c) {
    const tests = commandOk(c.cleaned) ? await c.step(c.testCommand, 'Rust tests') : null;
    if (tests !== null && worthReporting(tests))
        await c.step(c.onlyReport, 'report of the Rust tests alone');
    const build = commandOk(c.cleaned) ? await c.step(c.buildCommand, 'building the instrumented extension') : null;
    await c.runPythonSuite(c.env);
    return { tests, build };
}
/**
 * parallel-suites on: the extension built first, then the Rust tests beside the Python tests (the job takes the
 * longer of the two, not the sum). The Python tests write their profiles into a folder of their own, so the Rust
 * tests' own report reads theirs alone; they join the others before the full reports. The extension's objects are
 * kept and put back after the Rust tests, whose build rewrites the crate's cdylib without the default features.
 */
async function sideBySide(c) {
    const { run, env } = c;
    if (!commandOk(c.cleaned)) {
        await c.runPythonSuite(env);
        return { tests: null, build: null };
    }
    const profile = c.vars['LLVM_PROFILE_FILE'];
    // Where cargo puts the crate's objects: the target folder, and cargo's build-dir when one is set apart.
    const objectDirs = [c.vars['CARGO_LLVM_COV_TARGET_DIR'] || path.dirname(profile), c.vars['CARGO_LLVM_COV_BUILD_DIR'] ?? ''].filter(Boolean);
    const before = dynamicLibraries(...objectDirs);
    const build = await c.step(c.buildCommand, 'building the instrumented extension');
    const keepDir = fs.mkdtempSync(path.join(run.env['RUNNER_TEMP'] || os.tmpdir(), 'rpc-extension-'));
    const removeKept = () => fs.rmSync(keepDir, { recursive: true, force: true });
    const forget = onCancel(removeKept);
    try {
        const kept = commandOk(build) ? keepBuiltObjects(objectDirs, before, keepDir) : [];
        const pythonProfiles = pythonProfilesDir(profile);
        // What a killed earlier run left there would join this run's profiles.
        fs.rmSync(pythonProfiles, { recursive: true, force: true });
        fs.mkdirSync(pythonProfiles, { recursive: true });
        const python = c.runPythonSuite({ ...env, LLVM_PROFILE_FILE: path.join(pythonProfiles, path.basename(profile)) }, c.pythonLog);
        const tests = await c.step(c.testCommand, 'Rust tests');
        // The Rust tests' own report, while the Python tests may still run (their profiles are apart): it reads the
        // objects of the Rust tests' own build, as when they run before the extension's.
        if (worthReporting(tests))
            await c.step(c.onlyReport, 'report of the Rust tests alone');
        await python;
        await c.pythonLog.show();
        try {
            const restored = putBackObjects(kept);
            if (restored > 0)
                info$1(`rust-from-python: ${restored} object(s) of the instrumented extension put back after the Rust tests' build.`);
            joinProfiles(pythonProfiles, path.dirname(profile));
        }
        catch (error) {
            run.findings.add('rust', 'tool-failed', `rust-from-python: the instrumented extension's objects or the Python tests' profiles could not be put in place (${error.message}); the Rust reports over all profiles were not made`);
            return { tests: null, build };
        }
        return { tests, build };
    }
    finally {
        forget();
        removeKept();
    }
}
/** Where the Python tests' profiles go while the Rust tests run beside them (beside cargo-llvm-cov's own). */
const pythonProfilesDir = (profileFile) => path.join(path.dirname(profileFile), 'python-tests-profiles');
/** The Python tests' profiles moved beside the others (named apart, so none replaces one), their folder removed. */
function joinProfiles(from, to) {
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.profraw'))
            fs.renameSync(path.join(from, entry.name), path.join(to, `python-${entry.name}`));
    }
    fs.rmSync(from, { recursive: true, force: true });
}
/** LLVM_PROFILE_FILE must be set and lie under cargo-llvm-cov's target directory (no default_*.profraw in the project). */
function profileFileProblem(vars) {
    const profile = vars['LLVM_PROFILE_FILE'];
    const target = vars['CARGO_LLVM_COV_TARGET_DIR'];
    if (!profile)
        return 'its output has no LLVM_PROFILE_FILE';
    if (target && path.relative(target, path.dirname(profile)).startsWith('..')) {
        return `LLVM_PROFILE_FILE ${profile} is not under the target directory ${target}`;
    }
    return null;
}
/** The Rust tests' own figure (LF/LH sums, as the headline) and the DA lines run in the full report but not in theirs. */
async function fromPythonFigures(workspace, onlyLcov, fullLcov, shownOnly, build) {
    const { parseLcovFile } = await import('./lcov-Th3x4BC9.js');
    const only = await parseLcovFile(onlyLcov, { root: workspace, displayName: shownOnly });
    const full = await parseLcovFile(fullLcov, { root: workspace });
    const tally = only.declared.lines ?? only.totals.lines;
    return {
        rustTestsOnly: tally.total > 0 ? { percent: (tally.covered * 100) / tally.total, covered: tally.covered, total: tally.total } : null,
        linesOnlyPython: linesOnlyIn(full, only),
        rustTestsLcov: shownOnly,
        buildCommand: build.command,
        buildSeconds: Math.round(build.durationMs / 100) / 10
    };
}
/** Lines hit in `full` that `base` does not hit (absent or missed there). */
function linesOnlyIn(full, base) {
    const baseFiles = new Map(base.files.map((f) => [f.path, f.lineStates]));
    let count = 0;
    for (const file of full.files) {
        const states = file.lineStates;
        if (!states)
            continue;
        const before = baseFiles.get(file.path);
        for (let line = 1; line < states.length; line++) {
            if (states[line] === LINE_HIT && (before?.[line] ?? 0) !== LINE_HIT)
                count++;
        }
    }
    return count;
}

// The run phase: the Rust suite and the Python suite, each guarded so that a
// problem in one never loses the other. With parallel-suites (the default) the
// Python suite runs beside the Rust suite, its log kept and shown after the
// Rust suite's; with Rust measured from the Python tests the order is
// instrumented-extension.ts's. Zipping the Rust HTML report uses the thread
// pool, so it overlaps the Python run. Until a suite has finished, its files
// (partial ones, or an earlier run's) are removed if the run is cancelled, and
// a cancelled run goes no further than the suite it was in.
async function runSuites(run) {
    const { findings, inputs } = run;
    const rustFiles = [inputs.rust.lcov, inputs.rust.htmlDir, rustCoberturaPath(inputs)];
    const pythonFiles = [inputs.python.xml, pythonOutputPath(inputs), pythonTermPath(inputs)];
    const unfinished = new Set([...(inputs.rust.enabled ? [...rustFiles, rustHtmlZipPath(inputs)] : []), ...(inputs.python.enabled ? pythonFiles : [])]);
    // The Python suite's log while it runs beside the Rust suite. Registered first: a cancelled run shows the end of
    // its kept output before the files of the suites that had not finished are removed.
    const pythonLog = new DeferredLog();
    const forgetLog = onCancel(() => pythonLog.showNow());
    const removeUnfinished = onCancel(() => removeStale([...unfinished]));
    const forget = () => {
        removeUnfinished();
        forgetLog();
    };
    // Rust measured from the Python tests too: one instrumented build, each suite run once (instrumented-extension.ts).
    if (rustFromPythonWanted(run)) {
        // Its own files too: a cancelled run leaves none of them.
        if (inputs.rust.enabled)
            for (const file of [showEnvPath(inputs.rust.lcov), rustTestsOnlyPath(inputs.rust.lcov)])
                unfinished.add(file);
        await findings.guard('rust', 'running the suites with the instrumented extension', () => runRustFromPython(run, pythonLog));
        if (isCancelled())
            await halted();
        forget();
        return;
    }
    // Side by side when neither suite needs the other: the job takes the longer suite's time, not the sum. The
    // Python suite starts first (its log kept, shown after the Rust suite's).
    const sideBySide = inputs.parallelSuites && inputs.rust.enabled && inputs.python.enabled;
    const runPythonSuite = (deferred) => findings
        .guard('python', 'running the Python suite', () => runPython(run, childEnv(run.env), deferred))
        .then((result) => {
        run.python = result ?? run.python;
        // A cancelled run removes them, finished or not: the suite was stopped.
        if (!isCancelled())
            for (const file of pythonFiles)
                unfinished.delete(file);
    });
    // The Rust suite's synchronous preparation (cargo metadata, rustc) before the Python suite starts beside it.
    const plan = findings.guardSync('rust', 'preparing the Rust suite', () => prepareRust(run));
    if (sideBySide)
        info$1("parallel-suites: the Python suite runs beside the Rust suite; its log follows the Rust suite's.");
    const python = sideBySide ? runPythonSuite(pythonLog) : null;
    if (plan)
        run.rust = (await findings.guard('rust', 'running the Rust suite', () => runRust(run, plan))) ?? run.rust;
    if (isCancelled())
        await halted();
    for (const file of rustFiles)
        unfinished.delete(file);
    const rustZip = findings
        .guard('rust', 'zipping the Rust HTML report', () => zipRustHtml(run))
        .then(() => unfinished.delete(rustHtmlZipPath(inputs)));
    await (python ?? runPythonSuite());
    if (isCancelled())
        await halted();
    await pythonLog.show();
    await rustZip;
    forget();
}

// The coverage entry's work: one call per phase over one run state, in run
// order. Each phase is guarded: a problem in one suite (or a bug of ours)
// becomes a finding and never loses the other suite's results, the summary or
// the outputs. Phases used only in some runs are loaded when needed.
/** The run state before the first phase: no findings, both suites empty (unless given), nothing measured. */
function createRunState(inputs, env, given = {}) {
    return {
        inputs,
        env,
        findings: new Findings(),
        redact: given.redact ?? makeRedactor(env),
        rust: given.rust ?? emptySuite(inputs, 'rust'),
        python: given.python ?? emptySuite(inputs, 'python'),
        patch: null,
        baseline: null,
        merge: null,
        page: null
    };
}
async function runPipeline(inputs, env = process.env) {
    const run = createRunState(inputs, env);
    const { findings } = run;
    setOutput('skipped', 'false');
    if (inputs.mode === 'merge') {
        const { collectShards } = await import('./shards-Dp2d-5wn.js');
        await findings.guard('action', 'collecting the shard reports', () => collectShards(run));
    }
    else {
        await runSuites(run);
    }
    await readReports(run);
    run.patch = (await findings.guard('action', 'measuring patch coverage', () => measurePatch(run))) ?? null;
    run.baseline = (await findings.guard('action', 'comparing with the baseline', () => compareWithBaseline(run))) ?? null;
    await findings.guard('action', 'uploading artifacts', () => uploadSuites(run));
    // After the suites' uploads: the page links the HTML report's artifact and shows the artifacts' sizes.
    await findings.guard('action', 'writing the HTML page', () => writeCoveragePage(run));
    await findings.guard('action', 'uploading the coverage page', () => uploadPage(run));
    await findings.guard('action', 'sending reports to GitHub code coverage', () => uploadCodeCoverage(run));
    await findings.guard('action', 'writing coverage-summary.json', () => writeSummaryJson(run));
    writeOutputs(run);
    await findings.guard('action', 'writing the job summary', () => writeJobSummary(run));
    if (inputs.comment)
        await findings.guard('action', 'commenting on the pull request', () => commentOnPullRequest(run));
    // Last, so that a failure to write the summary counts too.
    announce(run);
}

var pipeline = /*#__PURE__*/Object.freeze({
    __proto__: null,
    createRunState: createRunState,
    runPipeline: runPipeline
});

export { CENTRAL_HEADER as C, END_OF_CENTRAL_DIRECTORY as E, LINE_HIT as L, rustCoberturaPath as a, relativeToWorkspace as b, coberturaXml as c, LINE_MISSED as d, emptyTally as e, firstLine as f, LOCAL_HEADER as g, artifacts as h, pipeline as i, parseUnifiedDiff as p, removeStale as r };
