import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { i as info, w as warning, s as setOutput } from './core-D1rfoYfl.js';
import * as fs from 'node:fs';
import { b as signalLiveCommands, l as liveCommandsSettled, e as refuseNewCommands } from './command-DninvAs8.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import 'node:child_process';
import 'node:stream';
import 'node:string_decoder';

// Cancellation. GitHub cancels a step with SIGINT, then SIGTERM 7.5 s later,
// then SIGKILL 2.5 s after that. On the first signal: no command starts any
// more, every running command's process tree gets SIGTERM, then SIGKILL (at
// once on the second signal); then, synchronously, the cleanups registered by
// the run (the files of suites that did not finish, the folder lock), status
// "cancelled" in the outputs, one line in the job summary, and exit 130/143.
/** How long the command trees get to end on SIGTERM before SIGKILL (well within the runner's 7.5 s). */
const TERM_GRACE_MS = 2_000;
const KILL_WAIT_MS = 500;
const cleanups = new Set();
let cancelledBy = null;
let hurry = () => undefined;
const hurried = new Promise((resolve) => (hurry = resolve));
/** Registers work to do (synchronously) when the run is cancelled; gives the function that unregisters it. */
function onCancel(cleanup) {
    cleanups.add(cleanup);
    return () => cleanups.delete(cleanup);
}
const lastCleanups = new Set();
/**
 * Registers work to do after every other cleanup, whenever it was registered: the folder lock is released only once
 * the run's files are in order (the profiles set aside put back, the unfinished reports removed), so that a run
 * waiting for the lock never finds them half done.
 */
function onCancelLast(cleanup) {
    lastCleanups.add(cleanup);
    return () => lastCleanups.delete(cleanup);
}
const isCancelled = () => cancelledBy !== null;
/** Never resolves: a phase awaits it to go no further once the run is cancelled (the process exits from here). */
const halted = () => new Promise(() => undefined);
function installCancelHandlers() {
    for (const signal of ['SIGINT', 'SIGTERM'])
        process.on(signal, () => void cancel(signal));
}
async function cancel(signal) {
    if (cancelledBy !== null) {
        hurry();
        return;
    }
    cancelledBy = signal;
    refuseNewCommands(`the run was cancelled (${signal})`);
    if (signalLiveCommands('SIGTERM') > 0) {
        info(`Cancelled (${signal}): stopping the running commands and their process trees.`);
        await liveCommandsSettled(TERM_GRACE_MS, hurried);
        if (signalLiveCommands('SIGKILL') > 0)
            await liveCommandsSettled(KILL_WAIT_MS);
    }
    finishCancelled(signal);
}
function finishCancelled(signal) {
    for (const cleanup of [...cleanups, ...lastCleanups]) {
        try {
            cleanup();
        }
        catch (error) {
            warning(`Cleaning up after the cancellation: ${error.message}`);
        }
    }
    const line = `Coverage cancelled (${signal}): the running commands were stopped, and the reports of the suites that had not finished removed.`;
    setOutput('status', 'cancelled');
    info(line);
    const summary = process.env['GITHUB_STEP_SUMMARY'];
    if (summary)
        fs.appendFileSync(summary, `**${line}**\n`);
    const code = signal === 'SIGINT' ? 130 : 143;
    // What the log has not taken yet (a slow reader of a full pipe) would be dropped by the exit: it gets a moment.
    if (process.stdout.writableLength === 0)
        process.exit(code);
    const exit = () => process.exit(code);
    process.stdout.once('drain', exit);
    setTimeout(exit, EXIT_DRAIN_MS);
}
/** The most a cancelled run waits for the log to take what is queued for it. */
const EXIT_DRAIN_MS = 1_000;

export { halted, installCancelHandlers, isCancelled, onCancel, onCancelLast };
