#!/usr/bin/env node
import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { s as setOutput, a as setFailed, i as info$1, w as warning$1, d as debug } from './chunks/core-D1rfoYfl.js';
import * as fs from 'node:fs';
import { r as readInputs, w as warning, n as notice, i as info } from './chunks/read-DmC-2hCo.js';
import { I as InputError } from './chunks/workspace-fs-DBwuGUFX.js';
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

// Decides whether this matrix entry runs coverage. Pure: no I/O.
function decide(matrixValue, coverageOn) {
    const value = matrixValue.trim();
    const wanted = coverageOn.trim();
    if (value === '') {
        return { run: true, reason: 'No matrix-value given: this job runs coverage.' };
    }
    if (value === wanted) {
        return { run: true, reason: `This matrix entry (${value}) is the coverage entry.` };
    }
    let reason = `Coverage runs on the matrix entry ${wanted}; this entry is ${value}, so it skips.`;
    if (Number(value) === Number(wanted) && !Number.isNaN(Number(value))) {
        // YAML reads an unquoted 3.10 as the number 3.1: quote versions in the matrix.
        // Then no entry matches, and nothing is measured at all: a warning, on every entry.
        reason += ` ${value} and ${wanted} differ only as written: YAML reads an unquoted 3.10 as 3.1, so probably no entry runs coverage. Quote Python versions in the matrix and in coverage-on, e.g. "3.10".`;
        return { run: false, reason, suspicious: true };
    }
    return { run: false, reason };
}

// Phases: inputs -> guard -> (only on the coverage entry, loaded on demand)
// suites -> reports -> archive -> upload -> outputs -> summary -> verdict.
async function run() {
    let inputs;
    try {
        inputs = readInputs();
    }
    catch (error) {
        setOutput('status', 'failed');
        setFailed(error instanceof InputError ? error.message : `Could not read the inputs: ${error.message}`);
        return;
    }
    const decision = decide(inputs.matrixValue, inputs.coverageOn);
    if (!decision.run) {
        if (decision.suspicious)
            warning(decision.reason, { title: 'Coverage skipped' });
        else
            notice(decision.reason, { title: 'Coverage skipped' });
        setOutput('skipped', 'true');
        setOutput('status', 'skipped');
        return;
    }
    info(decision.reason);
    const started = Date.now();
    // Loaded here, not at start: the skip path of every other matrix entry runs no command and needs neither.
    const { installCancelHandlers, onCancel, onCancelLast } = await import('./chunks/cancel-Cw6omMz6.js');
    // SIGINT then SIGTERM is how a cancelled step is stopped: the commands' process trees go with it (run/cancel.ts).
    installCancelHandlers();
    const { lockRun, releaseAll } = await import('./chunks/lock-CSQ57us7.js').then(function (n) { return n.a; });
    // A cancel while the run waits for a second folder leaves no lock of it behind; a later one releases the lock
    // after every other cleanup (the profiles set aside are back first).
    const forgetLock = onCancelLast(releaseAll);
    // Another run writing the same folders: wait for it (at most as long as this run's commands may take), then refuse.
    const locked = await lockRun(inputs, inputs.rust.timeoutMs + inputs.python.timeoutMs, (line) => info$1(line));
    if (!locked.ok) {
        forgetLock();
        setOutput('skipped', 'false');
        setOutput('findings', '1');
        setOutput('status', inputs.nonBlocking ? 'warned' : 'failed');
        if (inputs.nonBlocking)
            warning$1(`Coverage not run: ${locked.message} (would fail the step with non-blocking: false)`);
        else
            setFailed(`Coverage not run: ${locked.message}`);
        return;
    }
    // A cancelled run leaves no coverage-summary.json of an earlier run, as if it were this one's.
    const forgetSummary = onCancel(() => removeIfOlder(inputs.summaryJson, started));
    try {
        const { runPipeline } = await import('./chunks/pipeline-DIPvzHFK.js').then(function (n) { return n.i; });
        await runPipeline(inputs);
    }
    catch (error) {
        // Only a bug gets here: the pipeline records every expected problem as a finding.
        const message = `Internal error: ${error?.message ?? String(error)} (please report this)`;
        debug(error?.stack ?? '');
        setOutput('status', inputs.nonBlocking ? 'warned' : 'failed');
        if (inputs.nonBlocking)
            warning$1(`${message} (would fail the step with non-blocking: false)`);
        else
            setFailed(message);
    }
    finally {
        forgetSummary();
        forgetLock();
        locked.lock.release();
    }
}
function removeIfOlder(file, time) {
    if (fs.existsSync(file) && fs.statSync(file).mtimeMs < time)
        fs.rmSync(file, { force: true });
}

// The action's entry point: everything happens in run(). Exit when it is done,
// so that a request the artifact service never answers (already reported as a
// finding after upload-timeout-minutes) cannot keep the step running.
// Outside GitHub Actions (a developer's machine) inputs come from flags and the
// log is shown as plain lines: see local.ts.
if (process.env['GITHUB_ACTIONS'] === 'true') {
    await run();
}
else {
    const { humanConsole, inputsFromArgs } = await import('./chunks/local-CZnLxRez.js');
    const start = inputsFromArgs(process.argv.slice(2), process.env);
    if (!start.ok) {
        process.stdout.write(`${start.message}\n`);
        process.exit(start.exitCode);
    }
    const listOutputs = humanConsole(process.env);
    await run();
    listOutputs();
}
process.exit();
