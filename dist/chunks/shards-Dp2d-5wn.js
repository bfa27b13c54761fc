import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { b as startGroup, e as endGroup } from './core-D1rfoYfl.js';
import { i as info } from './read-DmC-2hCo.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { once } from 'node:events';
import { finished } from 'node:stream/promises';
import { f as firstLine, r as removeStale, a as rustCoberturaPath, b as relativeToWorkspace, L as LINE_HIT, e as emptyTally, c as coberturaXml, d as LINE_MISSED } from './pipeline-DIPvzHFK.js';
import { R as ReportError } from './workspace-fs-DBwuGUFX.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:zlib';
import 'node:child_process';
import 'node:util';
import 'node:os';
import './command-DninvAs8.js';
import 'node:stream';
import 'node:string_decoder';
import './cancel-Cw6omMz6.js';
import './lock-CSQ57us7.js';

// Merge mode, in a final job of the workflow run: the shard artifacts that the
// matrix jobs uploaded (`<rust-artifact-name>-*`, `<python-artifact-name>-*`,
// except the unzipped ones named like files: `*-html.zip`, pages) are
// downloaded from this run, their lcov reports concatenated into one (the
// lcov reader merges repeated files line by line) and their Cobertura reports
// merged by line state into one Cobertura file. The rest of the pipeline then
// reads, judges, uploads and summarises the merged reports as usual.
//
// Shards are untrusted and may be large: an artifact's name must be a plain
// folder name before it becomes one; it is downloaded into a folder of the
// action's own making (never deleting a folder of the workspace); lcov reports
// are concatenated by streaming copy; the Cobertura merge keeps only the lines
// the shards record (memory and time follow the records, not the largest line
// number); and one bad shard is a finding for its own suite only.
/** An artifact named like a file of these kinds is one uploaded unzipped (an HTML report's zip, a page), never a shard's reports. */
const UNZIPPED_FILE = /\.(zip|html)$/i;
/** Files under `dir` (recursively) whose names pass `accept`, sorted. */
function findFiles(dir, accept) {
    const out = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
        if (entry.isFile() && accept(entry.name))
            out.push(path.join(entry.parentPath ?? entry.path, entry.name));
    }
    return out.sort();
}
/** The merge phase (instead of running the suites): the shards' reports merged into this job's report paths. */
async function collectShards(run) {
    const { inputs, findings, rust, python } = run;
    const merge = { shards: [] };
    run.merge = merge;
    const started = Date.now();
    const { downloadRunArtifact, listRunArtifacts, uploadUnavailable } = await import('./pipeline-DIPvzHFK.js').then(function (n) { return n.h; });
    const unavailable = uploadUnavailable(run.env);
    if (unavailable) {
        findings.add('action', 'report-missing', `Merge mode reads the shard artifacts of this workflow run, but there is ${unavailable}`);
        return;
    }
    let listed;
    try {
        listed = await listRunArtifacts();
    }
    catch (error) {
        findings.add('action', 'report-missing', `Merge mode could not list this run's artifacts: ${firstLine(error.message)}`);
        return;
    }
    removeStale([inputs.rust.lcov, inputs.python.xml, rustCoberturaPath(inputs)]);
    // A fresh folder of our own for the downloads: nothing there before is touched.
    const parent = path.dirname(inputs.summaryJson);
    fs.mkdirSync(parent, { recursive: true });
    const runId = (run.env['GITHUB_RUN_ID'] ?? '').replace(/[^0-9]/g, '') || 'local';
    const shardsRoot = fs.mkdtempSync(path.join(parent, `.rpc-shards-${runId}-`));
    for (const suite of [rust, python]) {
        if (!suite.enabled)
            continue;
        const prefix = `${inputs[suite.suite].artifactName}-`;
        const named = listed.filter((a) => a.name.startsWith(prefix));
        // The shards' unzipped artifacts (their HTML reports, <name>-html.zip, and pages) share the prefix; they hold no report.
        const files = named.filter((a) => UNZIPPED_FILE.test(a.name)).map((a) => a.name);
        if (files.length > 0)
            info(`${suite.label}: ${files.sort().join(', ')} passed over (unzipped files, not shard reports)`);
        const mine = named.filter((a) => !UNZIPPED_FILE.test(a.name)).sort((a, b) => (a.name < b.name ? -1 : 1));
        if (mine.length === 0) {
            findings.add(suite.suite, 'report-missing', `No ${suite.label} shard artifacts (${prefix}*) in this run: give each matrix job's ${suite.suite}-artifact-name a suffix, e.g. ${prefix}\${{ matrix.shard }}, and make this job need them`);
            continue;
        }
        const safe = mine.filter((a) => {
            const why = unsafeFolderName(a.name);
            if (why)
                findings.add(suite.suite, 'report-missing', `Shard artifact ${JSON.stringify(a.name).slice(0, 200)} is left out: its name ${why}`);
            return !why;
        });
        if (safe.length === 0)
            continue;
        startGroup(`Downloading ${safe.length} ${suite.label} shard artifact(s): ${safe.map((a) => a.name).join(', ')}`);
        const reports = [];
        try {
            for (const artifact of safe) {
                const dir = path.join(shardsRoot, artifact.name);
                fs.mkdirSync(dir, { recursive: true });
                try {
                    await downloadRunArtifact(artifact.id, dir);
                }
                catch (error) {
                    findings.add(suite.suite, 'report-missing', `Shard artifact "${artifact.name}" could not be downloaded: ${firstLine(error.message)}`);
                    continue;
                }
                let report;
                try {
                    report = shardReport(dir, suite.suite, inputs);
                }
                catch (error) {
                    findings.add(suite.suite, 'report-unreadable', `Shard artifact "${artifact.name}" could not be read: ${firstLine(error.message)}`);
                    continue;
                }
                merge.shards.push({
                    suite: suite.suite,
                    artifact: artifact.name,
                    id: artifact.id,
                    report: report ? relativeToWorkspace(inputs, report) : null
                });
                if (report)
                    reports.push({ artifact: artifact.name, file: report });
                else
                    findings.add(suite.suite, 'report-missing', `Shard artifact "${artifact.name}" holds no ${suite.suite === 'rust' ? 'lcov' : 'Cobertura XML'} report`);
            }
        }
        finally {
            endGroup();
        }
        if (reports.length === 0)
            continue;
        // This suite's merge alone: an error in it is this suite's finding, the other suite still merges.
        try {
            if (suite.suite === 'rust')
                await concatenateLcov(reports, inputs.rust.lcov, findings);
            else
                await mergeCobertura(reports, inputs, findings);
        }
        catch (error) {
            findings.add(suite.suite, 'report-unreadable', `Could not merge the ${suite.label} shard reports: ${firstLine(error.message)}`);
            continue;
        }
        info(`${suite.label}: ${reports.length} shard report(s) merged into ${relativeToWorkspace(inputs, suite.suite === 'rust' ? inputs.rust.lcov : inputs.python.xml)}`);
    }
    rust.durationMs = python.durationMs = Date.now() - started;
}
/** The shard's report: the file named like this job's report input, else the only report of its kind. */
function shardReport(dir, suite, inputs) {
    const wanted = path.basename(suite === 'rust' ? inputs.rust.lcov : inputs.python.xml);
    const named = findFiles(dir, (n) => n === wanted);
    if (named.length > 0)
        return named[0];
    const kind = findFiles(dir, (n) => (suite === 'rust' ? /\.(lcov|info)$/.test(n) : n.endsWith('.xml') && !n.includes('cobertura')));
    return kind.length === 1 ? kind[0] : null;
}
/** Why an artifact's name cannot be a folder name (a separator, "..", a control character), or null. */
function unsafeFolderName(name) {
    if (name === '' || name.length > 255)
        return 'is empty or longer than 255 characters';
    if (/[/\\]/.test(name))
        return 'holds a path separator';
    if (name.includes('..'))
        return 'holds ".."';
    if (/[\u0000-\u001f\u007f]/.test(name))
        return 'holds a control character';
    return null;
}
/**
 * One lcov file of all shards' records, copied by streaming (a shard's report
 * may be larger than any buffer); repeated files are merged when it is read.
 * A shard that cannot be read is a finding and left out.
 */
async function concatenateLcov(reports, target, findings) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const out = fs.createWriteStream(target);
    const put = async (chunk) => {
        if (!out.write(chunk))
            await once(out, 'drain');
    };
    try {
        for (const report of reports) {
            let last = 0x0a;
            const start = out.bytesWritten + out.writableLength;
            try {
                for await (const chunk of fs.createReadStream(report.file)) {
                    const data = chunk;
                    if (data.length > 0)
                        last = data[data.length - 1];
                    await put(data);
                }
            }
            catch (error) {
                findings.add('rust', 'report-unreadable', `Shard artifact "${report.artifact}": its lcov report could not be read: ${firstLine(error.message)}`);
                // Whatever part was copied stays; it ends at a line so that the next shard starts cleanly.
                if (out.bytesWritten + out.writableLength > start)
                    last = 0;
            }
            if (last !== 0x0a)
                await put('\n');
        }
    }
    finally {
        out.end();
        await finished(out);
    }
}
/**
 * A shard's file whose highest line number is beyond this many lines per
 * record (plus a page of slack) is left out of the merge with a finding: no
 * source file is that sparse, and a hostile report could otherwise make the
 * merge's time and memory follow one huge line number instead of its records.
 */
const MAX_LINES_PER_RECORD = 1024;
const LINE_SLACK = 65_536;
/** The dense line states the Cobertura writer takes, from the merged lines of one file (bounded by the check above). */
function denseStates(lines) {
    let max = 0;
    for (const n of lines.keys())
        if (n > max)
            max = n;
    const states = new Uint8Array(max + 1);
    for (const [n, hit] of lines)
        states[n] = hit ? LINE_HIT : LINE_MISSED;
    return states;
}
/**
 * Line states of all shards, a line run when any shard ran it, written as one
 * Cobertura report. The merge keeps a map of the recorded lines per file; a
 * file whose line numbers run far beyond its records is a finding, left out.
 */
async function mergeCobertura(reports, inputs, findings) {
    const { parseCoberturaFile } = await import('./cobertura-Ci8Nxbie.js');
    const merged = new Map();
    let read = 0;
    for (const report of reports) {
        const shown = relativeToWorkspace(inputs, report.file);
        let parsed;
        try {
            parsed = await parseCoberturaFile(report.file, { root: inputs.workspace, displayName: shown });
        }
        catch (error) {
            findings.add('python', 'report-unreadable', `Shard report ${error instanceof ReportError ? error.message : `${shown}: ${firstLine(error.message)}`}`);
            continue;
        }
        let farFiles = 0;
        let example = '';
        for (const file of parsed.files) {
            const states = file.lineStates ?? new Uint8Array(0);
            const highest = states.length - 1;
            if (highest > file.lines.total * MAX_LINES_PER_RECORD + LINE_SLACK) {
                if (farFiles++ === 0)
                    example = `${file.path.slice(0, 200)}: ${file.lines.total} line(s) numbered up to ${highest}`;
                continue;
            }
            let lines = merged.get(file.path);
            if (!lines)
                merged.set(file.path, (lines = new Map()));
            for (let n = 1; n <= highest; n++) {
                const state = states[n];
                if (state === LINE_HIT)
                    lines.set(n, true);
                else if (state && !lines.has(n))
                    lines.set(n, false);
            }
        }
        if (farFiles > 0) {
            findings.add('python', 'report-unreadable', `Shard report ${shown}: ${farFiles} file(s) with line numbers far beyond their records left out of the merge (${example}${farFiles > 1 ? ', …' : ''})`);
        }
        read++;
    }
    if (read === 0)
        return;
    const files = [...merged]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([filePath, lines]) => {
        let covered = 0;
        for (const hit of lines.values())
            if (hit)
                covered++;
        return {
            path: filePath,
            lines: { covered, total: lines.size },
            branches: emptyTally(),
            functions: emptyTally(),
            lineStates: denseStates(lines)
        };
    });
    const note = `Merged by rust-python-coverage from ${read} shard report(s): a line counts as run when any shard ran it; hits are 1 or 0; branch data is not merged.`;
    fs.mkdirSync(path.dirname(inputs.python.xml), { recursive: true });
    fs.writeFileSync(inputs.python.xml, coberturaXml(files, inputs.workspace, note));
}

export { LINE_SLACK, MAX_LINES_PER_RECORD, collectShards, concatenateLcov, unsafeFolderName };
