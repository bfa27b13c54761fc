import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { v as startGroup, x as endGroup, i as info, R as ReportError } from './cancel-DkpcUj3z.js';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { f as firstLine, r as removeStale, a as rustCoberturaPath, b as relativeToWorkspace, c as coberturaXml } from './pipeline-B42NFajs.js';
import { L as LineStates } from './line-states-CVXBm8ho.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'http';
import 'https';
import 'net';
import 'tls';
import 'events';
import 'assert';
import 'util';
import 'node:assert';
import 'node:net';
import 'node:http';
import 'node:stream';
import 'node:buffer';
import 'node:util';
import 'node:querystring';
import 'node:events';
import 'node:diagnostics_channel';
import 'node:tls';
import 'node:zlib';
import 'node:perf_hooks';
import 'node:util/types';
import 'node:worker_threads';
import 'node:url';
import 'node:async_hooks';
import 'node:console';
import 'node:dns';
import 'string_decoder';
import 'child_process';
import 'timers';
import 'node:child_process';
import 'node:string_decoder';

// Merge mode, in a final job of the workflow run: the shard artifacts that the
// matrix jobs uploaded (`<rust-artifact-name>-*`, `<python-artifact-name>-*`)
// are downloaded from this run, their lcov reports concatenated into one (the
// lcov reader merges repeated files line by line) and their Cobertura reports
// merged by line state into one Cobertura file. The rest of the pipeline then
// reads, judges, uploads and summarises the merged reports as usual.
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
    const { downloadRunArtifact, listRunArtifacts, uploadUnavailable } = await import('./pipeline-B42NFajs.js').then(function (n) { return n.g; });
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
    const shardsRoot = path.join(path.dirname(inputs.summaryJson), 'shards');
    removeStale([shardsRoot, inputs.rust.lcov, inputs.python.xml, rustCoberturaPath(inputs)]);
    for (const suite of [rust, python]) {
        if (!suite.enabled)
            continue;
        const prefix = `${inputs[suite.suite].artifactName}-`;
        const mine = listed.filter((a) => a.name.startsWith(prefix)).sort((a, b) => (a.name < b.name ? -1 : 1));
        if (mine.length === 0) {
            findings.add(suite.suite, 'report-missing', `No ${suite.label} shard artifacts (${prefix}*) in this run: give each matrix job's ${suite.suite}-artifact-name a suffix, e.g. ${prefix}\${{ matrix.shard }}, and make this job need them`);
            continue;
        }
        startGroup(`Downloading ${mine.length} ${suite.label} shard artifact(s): ${mine.map((a) => a.name).join(', ')}`);
        const reports = [];
        try {
            for (const artifact of mine) {
                const dir = path.join(shardsRoot, artifact.name);
                fs.mkdirSync(dir, { recursive: true });
                try {
                    await downloadRunArtifact(artifact.id, dir);
                }
                catch (error) {
                    findings.add(suite.suite, 'report-missing', `Shard artifact "${artifact.name}" could not be downloaded: ${firstLine(error.message)}`);
                    continue;
                }
                const report = shardReport(dir, suite.suite, inputs);
                merge.shards.push({
                    suite: suite.suite,
                    artifact: artifact.name,
                    id: artifact.id,
                    report: report ? relativeToWorkspace(inputs, report) : null
                });
                if (report)
                    reports.push(report);
                else
                    findings.add(suite.suite, 'report-missing', `Shard artifact "${artifact.name}" holds no ${suite.suite === 'rust' ? 'lcov' : 'Cobertura XML'} report`);
            }
        }
        finally {
            endGroup();
        }
        if (reports.length === 0)
            continue;
        if (suite.suite === 'rust')
            concatenateLcov(reports, inputs.rust.lcov);
        else
            await mergeCobertura(reports, inputs, findings);
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
/** One lcov file of all shards' records; repeated files are merged when it is read. */
function concatenateLcov(reports, target) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const fd = fs.openSync(target, 'w');
    try {
        for (const report of reports) {
            const data = fs.readFileSync(report);
            fs.writeSync(fd, data);
            if (data.length > 0 && data[data.length - 1] !== 0x0a)
                fs.writeSync(fd, '\n');
        }
    }
    finally {
        fs.closeSync(fd);
    }
}
/** Line states of all shards, a line run when any shard ran it, written as one Cobertura report. */
async function mergeCobertura(reports, inputs, findings) {
    const { parseCoberturaFile } = await import('./cobertura-BtJw-eFz.js');
    const merged = new Map();
    let read = 0;
    for (const report of reports) {
        const shown = relativeToWorkspace(inputs, report);
        try {
            const parsed = await parseCoberturaFile(report, { root: inputs.workspace, displayName: shown });
            for (const file of parsed.files) {
                let states = merged.get(file.path);
                if (!states)
                    merged.set(file.path, (states = new LineStates()));
                const lines = file.lineStates ?? new Uint8Array(0);
                for (let n = 1; n < lines.length; n++)
                    if (lines[n])
                        states.mark(n, lines[n] === 2);
            }
            read++;
        }
        catch (error) {
            if (!(error instanceof ReportError))
                throw error;
            findings.add('python', 'report-unreadable', `Shard report ${error.message}`);
        }
    }
    if (read === 0)
        return;
    const files = [...merged]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([filePath, states]) => ({
        path: filePath,
        lines: states.tally(),
        branches: { covered: 0, total: 0 },
        functions: { covered: 0, total: 0 },
        lineStates: states.toArray()
    }));
    const note = `Merged by rust-python-coverage from ${read} shard report(s): a line counts as run when any shard ran it; hits are 1 or 0; branch data is not merged.`;
    fs.mkdirSync(path.dirname(inputs.python.xml), { recursive: true });
    fs.writeFileSync(inputs.python.xml, coberturaXml(files, inputs.workspace, note));
}

export { collectShards };
