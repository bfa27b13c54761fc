import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { spawnSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { finished } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

// How many tests failed, and which, from a test run's output as it streams
// by: libtest (cargo test, cargo llvm-cov), cargo-nextest and pytest. A suite
// whose tests failed has a partial figure: the finding says "N tests failed"
// with a few names instead of "exit code 101". Memory stays bounded whatever
// the output's size: lines are matched one at a time, a few names kept.
const NAMES_KEPT = 5;
/** A longer line is no summary line of these runners: only its start is looked at. */
const LINE_LIMIT = 4096;
const LIBTEST_RESULT = /^test result: FAILED\. \d+ passed; (\d+) failed;/;
const LIBTEST_NAME = /^test (\S+) \.\.\. FAILED$/;
const NEXTEST_SUMMARY = /^\s*Summary \[[^\]]*\]\s+\d+ tests? run: .*?(\d+) failed/;
const NEXTEST_NAME = /^\s*(?:FAIL|SIGSEGV|SIGABRT|SIGKILL|TIMEOUT) \[[^\]]*\] (?:\(\s*\d+\/\d+\) )?(.+?)\s*$/;
const PYTEST_SUMMARY = /^=+ (.*\b(?:failed|errors?)\b.*) in [\d.]+s(?: \([^)]*\))? =+$/;
const PYTEST_NAME = /^(?:FAILED|ERROR) (\S+?)(?: - .*)?$/;
const ANSI = /\x1b\[[0-9;]*m/g;
class Tally {
    failed = 0;
    seen = false;
    names = new Set();
    name(name) {
        // A name is the tool's output (a test's name is the author's): only its start is kept.
        if (this.names.size < NAMES_KEPT)
            this.names.add(name.length > 120 ? `${name.slice(0, 119)}…` : name);
    }
}
class TestFailureScanner {
    partial = '';
    decoder = new StringDecoder('utf8');
    libtest = new Tally();
    nextest = new Tally();
    pytest = new Tally();
    push(chunk) {
        const text = this.partial + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk));
        let start = 0;
        for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            this.line(text.slice(start, Math.min(end, start + LINE_LIMIT)));
            start = end + 1;
        }
        this.partial = text.slice(start, start + LINE_LIMIT);
    }
    /** The failures the output reported (nextest's count, else libtest's, else pytest's), or null when none. */
    result() {
        if (this.partial !== '') {
            this.line(this.partial);
            this.partial = '';
        }
        for (const [runner, tally] of [
            ['nextest', this.nextest],
            ['libtest', this.libtest],
            ['pytest', this.pytest]
        ]) {
            if (tally.seen && tally.failed > 0)
                return { failed: tally.failed, names: [...tally.names], runner };
        }
        return null;
    }
    line(raw) {
        // Every line these runners summarise with starts (after spaces or a colour code) with one of these letters.
        if (!/^(?:\s|\x1b\[[0-9;]*m)*[tF=ESTs]/.test(raw))
            return;
        const line = raw.replace(/\r$/, '').replace(ANSI, '');
        let m;
        if ((m = LIBTEST_RESULT.exec(line))) {
            this.libtest.failed += Number(m[1]);
            this.libtest.seen = true;
        }
        else if ((m = LIBTEST_NAME.exec(line)))
            this.libtest.name(m[1]);
        else if ((m = NEXTEST_SUMMARY.exec(line))) {
            this.nextest.failed = Number(m[1]);
            this.nextest.seen = true;
        }
        else if ((m = NEXTEST_NAME.exec(line)))
            this.nextest.name(m[1]);
        else if ((m = PYTEST_SUMMARY.exec(line))) {
            const count = (word) => Number(word.exec(m?.[1] ?? '')?.[1] ?? 0);
            this.pytest.failed = count(/(\d+) failed/) + count(/(\d+) errors?/);
            this.pytest.seen = true;
        }
        else if ((m = PYTEST_NAME.exec(line)))
            this.pytest.name(m[1]);
    }
}
/** "3 tests failed (a, b, c)" for a finding. */
function describeFailures(failures) {
    const more = failures.failed > failures.names.length ? ', …' : '';
    const names = failures.names.length > 0 ? ` (${failures.names.join(', ')}${more})` : '';
    return `${failures.failed} test${failures.failed === 1 ? '' : 's'} failed${names}`;
}

// A command's whole process tree, to stop it: its process group, every
// descendant (also one that left the group with setsid), and every process
// that still carries the command's tracking variable in its environment (a
// daemon whose parent has already exited). The Actions runner finds a job's
// leftovers the same way (RUNNER_TRACKING_ID).
/** Set in each command's environment to a value of its own; inherited by whatever the command starts. */
const TRACKING_VARIABLE = 'RUST_PYTHON_COVERAGE_COMMAND';
/** Errors that mean the process is gone, or is not ours to look at or signal (its pid was reused). */
const NOT_OURS = new Set(['ESRCH', 'ENOENT', 'EACCES', 'EPERM']);
function errorCode(error) {
    return error?.code;
}
/** One /proc file, or null when the process has gone or is not ours. */
function readProc(file) {
    try {
        return fs.readFileSync(file, 'latin1');
    }
    catch (error) {
        if (NOT_OURS.has(errorCode(error) ?? ''))
            return null;
        throw error;
    }
}
function linuxTable(tracking) {
    const children = new Map();
    const tracked = [];
    const marker = tracking === undefined ? undefined : `${TRACKING_VARIABLE}=${tracking}`;
    for (const name of fs.readdirSync('/proc')) {
        if (!/^\d+$/.test(name))
            continue;
        const pid = Number(name);
        const stat = readProc(`/proc/${name}/stat`);
        if (stat === null)
            continue;
        // pid (comm) state ppid ...: comm may hold spaces and parentheses, so read after the last ')'.
        const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
        children.set(ppid, [...(children.get(ppid) ?? []), pid]);
        if (marker !== undefined && pid !== process.pid && (readProc(`/proc/${name}/environ`) ?? '').split('\0').includes(marker))
            tracked.push(pid);
    }
    return { children, tracked };
}
function psTable() {
    const children = new Map();
    const ps = spawnSync('ps', ['-A', '-o', 'pid=', '-o', 'ppid='], { encoding: 'utf8', timeout: 5_000 });
    for (const line of (ps.stdout ?? '').split('\n')) {
        const m = /^\s*(\d+)\s+(\d+)/.exec(line);
        if (m)
            children.set(Number(m[2]), [...(children.get(Number(m[2])) ?? []), Number(m[1])]);
    }
    return { children, tracked: [] };
}
/** The descendants of `root` and the processes tracked by `tracking`, as they are now. */
function treePids(root, tracking) {
    const table = process.platform === 'linux' && fs.existsSync('/proc/self/stat') ? linuxTable(tracking) : psTable();
    const found = new Set();
    const queue = [root];
    while (queue.length > 0) {
        for (const child of table.children.get(queue.pop()) ?? []) {
            if (!found.has(child)) {
                found.add(child);
                queue.push(child);
            }
        }
    }
    for (const pid of table.tracked)
        found.add(pid);
    found.delete(process.pid);
    return [...found];
}
/** Sends a signal; false when the process is already gone (or the pid is no longer ours). */
function sendSignal(target, signal) {
    try {
        process.kill(target, signal);
        return true;
    }
    catch (error) {
        if (NOT_OURS.has(errorCode(error) ?? ''))
            return false;
        throw error;
    }
}
/**
 * Signals the command started as the leader of process group `pid`: the group, and with `tracking` also every
 * descendant and every process carrying that tracking value (found before the group is signalled, while the
 * shell still links its children).
 */
function signalTree(pid, signal, tracking) {
    if (process.platform === 'win32') {
        spawnSync('taskkill', ['/pid', String(pid), '/T', '/F'], { windowsHide: true });
        return;
    }
    const others = tracking === undefined ? [] : treePids(pid, tracking);
    sendSignal(-pid, signal);
    for (const other of others)
        sendSignal(other, signal);
}

// Runs one shell command: streams its output to the log, optionally keeps a
// copy in a file (both with bounded memory: the child waits while they are
// behind), enforces a time limit by killing the whole process tree, and
// recognises the usual "tool not installed" failures to give a hint. Keeps the
// commands running now, so that a cancelled run can stop them all.
// @actions/exec is not used: it has no time limit and cannot kill a process tree.
const commandOk = (r) => r.exitCode === 0 && !r.timedOut && !r.spawnError;
/** Variables a coverage command has no business seeing (the runner does not give them to `run:` steps either). */
const PRIVATE_ENV = ['ACTIONS_RUNTIME_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_TOKEN', 'ACTIONS_ID_TOKEN_REQUEST_URL'];
function childEnv(env) {
    const out = {};
    for (const [key, value] of Object.entries(env)) {
        if (PRIVATE_ENV.includes(key) || key.startsWith('INPUT_'))
            continue;
        out[key] = value;
    }
    return out;
}
const HINTS = [
    [
        /no such (sub)?command:? [`']?llvm-cov|cargo-llvm-cov: (command )?not found/i,
        'cargo-llvm-cov is not installed: add `taiki-e/install-action@cargo-llvm-cov` before this step, or run `cargo install cargo-llvm-cov --locked`.'
    ],
    [
        /failed to find llvm-tools-preview|llvm-tools-preview/i,
        "cargo-llvm-cov needs llvm-cov/llvm-profdata matching rustc's LLVM: `rustup component add llvm-tools-preview`, or set LLVM_COV and LLVM_PROFDATA (e.g. /usr/lib/llvm-22/bin/llvm-cov for rustc 1.95)."
    ],
    [
        /unrecognized arguments: --cov|no module named ['"]?pytest_cov/i,
        'pytest-cov is not installed in the environment pytest runs in: `pip install pytest-cov` (or add it to your dev dependency group).'
    ],
    [
        /no module named pytest\b|pytest: (command )?not found/i,
        'pytest is not installed: `pip install pytest pytest-cov` (or run it through your environment with command-prefix, e.g. `uv run`).'
    ],
    [
        /(^|\s)python: (command )?not found/im,
        'There is no `python` on PATH to run `python -m pytest`: set up Python (actions/setup-python) or activate a virtual environment, or run it through command-prefix (e.g. `uv run`).'
    ],
    [/cargo: (command )?not found/i, 'cargo is not on PATH: set up Rust before this step (e.g. dtolnay/rust-toolchain).'],
    [/uv: (command )?not found/i, 'uv is not on PATH: add astral-sh/setup-uv before this step, or clear command-prefix.']
];
/** A hint for the failure, from the last part of its output, or from exit code 127. */
function hintFor(outputTail, exitCode) {
    for (const [pattern, hint] of HINTS)
        if (pattern.test(outputTail))
            return hint;
    if (exitCode === 127)
        return 'The shell could not find the command (exit 127): check that the tool is installed and on PATH.';
    return undefined;
}
/**
 * The shell GitHub's `run:` steps use (`bash --noprofile --norc -eo pipefail {0}`): a failing command stops the
 * script and fails it, also inside a pipeline, and no profile or rc file changes what runs.
 */
function shellFor(command) {
    if (process.platform === 'win32')
        return { file: process.env['ComSpec'] || 'cmd.exe', args: ['/d', '/s', '/c', command] };
    const bash = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find((p) => fs.existsSync(p));
    return bash ? { file: bash, args: ['--noprofile', '--norc', '-eo', 'pipefail', '-c', command] } : { file: '/bin/sh', args: ['-e', '-c', command] };
}
/** The last `limit` bytes of the output, for the hint; older chunks are dropped as new ones come. */
class OutputTail {
    limit;
    chunks = [];
    size = 0;
    constructor(limit) {
        this.limit = limit;
    }
    push(chunk) {
        this.chunks.push(chunk);
        this.size += chunk.length;
        while (this.chunks.length > 1 && this.size - this.chunks[0].length >= this.limit) {
            this.size -= this.chunks.shift().length;
        }
    }
    /** Bytes held now (at most the limit plus one chunk). */
    get bytes() {
        return this.size;
    }
    text() {
        const all = Buffer.concat(this.chunks);
        return all.subarray(Math.max(0, all.length - this.limit)).toString('utf8');
    }
}
const TAIL_BYTES = 64 * 1024;
/** Between SIGTERM at the deadline and SIGKILL; then the command is given up on, pipes closed. */
const KILL_GRACE_MS = 3_000;
/** After the shell exits, how long a process it left behind may hold the output pipes. */
const LEFTOVER_GRACE_MS = 2_000;
/** After SIGKILL, how long the pipes may take to close (they close as the killed holders exit); then they are closed. */
const CLOSE_WAIT_MS = 500;
/** The commands running now (a cancelled run stops them all). */
const live = new Set();
/** Once set (the run is cancelled), no command starts any more: each gives this as its spawn error. */
let refusal = null;
function refuseNewCommands(reason) {
    refusal = reason;
}
/** Sends `signal` to the whole tree of every running command; gives how many there were. */
function signalLiveCommands(signal) {
    for (const command of live)
        command.stop(signal);
    return live.size;
}
/** Resolves when every running command has ended, or after `limitMs`, or when `early` resolves. */
async function liveCommandsSettled(limitMs, early) {
    if (live.size === 0)
        return;
    let timer;
    await Promise.race([
        Promise.all([...live].map((c) => c.settled)),
        new Promise((resolve) => (timer = setTimeout(resolve, limitMs))),
        ...(early ? [early] : [])
    ]);
    clearTimeout(timer);
}
let serial = 0;
function runCommand(spec, sink) {
    const started = Date.now();
    if (refusal !== null) {
        return Promise.resolve({ command: spec.command, exitCode: null, signal: null, timedOut: false, durationMs: 0, spawnError: refusal });
    }
    const tracking = `${process.pid}-${++serial}-${started}`;
    const { file, args } = shellFor(spec.command);
    return new Promise((resolve) => {
        const tail = new OutputTail(TAIL_BYTES);
        const tests = new TestFailureScanner();
        const timers = new Set();
        const later = (ms, work) => {
            const timer = setTimeout(() => {
                timers.delete(timer);
                work();
            }, ms);
            timers.add(timer);
        };
        let timedOut = false;
        let exited = null;
        let settled = false;
        let markSettled = () => undefined;
        let entry;
        let child;
        let capture;
        let captureError;
        const finish = (partial) => {
            if (settled)
                return;
            settled = true;
            for (const timer of timers)
                clearTimeout(timer);
            if (entry)
                live.delete(entry);
            markSettled();
            // A process outside the tree may still hold the pipes: stop reading them.
            child?.stdout?.destroy();
            child?.stderr?.destroy();
            const hint = partial.spawnError === undefined && partial.exitCode !== 0 ? hintFor(tail.text(), partial.exitCode) : undefined;
            const failures = partial.spawnError === undefined && partial.exitCode !== 0 ? tests.result() : null;
            const result = {
                command: spec.command,
                durationMs: Date.now() - started,
                timedOut,
                ...partial,
                ...(hint ? { hint } : {}),
                ...(failures ? { failures } : {})
            };
            if (!capture) {
                resolve(result);
                return;
            }
            if (captureError !== undefined) {
                resolve({ ...result, capturedBytes: capture.bytesWritten, captureError });
                return;
            }
            const kept = capture;
            kept.end();
            finished(kept, () => resolve({ ...result, capturedBytes: kept.bytesWritten }));
        };
        // Backpressure: while the log or the capture file is behind, the child's pipes are not read (it waits).
        let blocked = 0;
        const block = (stream) => {
            if (++blocked === 1) {
                child?.stdout?.pause();
                child?.stderr?.pause();
            }
            const release = () => {
                stream.off('drain', release);
                stream.off('error', release);
                stream.off('close', release);
                if (--blocked === 0 && !settled) {
                    child?.stdout?.resume();
                    child?.stderr?.resume();
                }
            };
            stream.on('drain', release);
            stream.on('error', release);
            stream.on('close', release);
        };
        const send = (chunk) => {
            if (typeof sink === 'function')
                sink(chunk);
            else if (!sink.write(chunk))
                block(sink);
        };
        try {
            if (spec.captureFile) {
                const captureFile = spec.captureFile;
                capture = fs.createWriteStream(captureFile);
                capture.on('error', (error) => {
                    captureError = error.message;
                    send(Buffer.from(`\n[rust-python-coverage] could not write ${captureFile}: ${error.message}\n`));
                });
            }
            child = spawn(file, args, {
                cwd: spec.cwd,
                env: { ...spec.env, [TRACKING_VARIABLE]: tracking },
                stdio: ['ignore', 'pipe', 'pipe'],
                detached: process.platform !== 'win32',
                windowsHide: true
            });
        }
        catch (error) {
            finish({ exitCode: null, signal: null, spawnError: error.message });
            return;
        }
        const onData = (chunk) => {
            tail.push(chunk);
            tests.push(chunk);
            send(chunk);
            if (capture && captureError === undefined && !capture.write(chunk))
                block(capture);
        };
        child.stdout?.on('data', onData);
        child.stderr?.on('data', onData);
        const pid = child.pid;
        const stop = (signal) => {
            if (pid !== undefined)
                signalTree(pid, signal, tracking);
        };
        if (pid !== undefined) {
            entry = { stop, settled: new Promise((done) => (markSettled = done)) };
            live.add(entry);
        }
        later(spec.timeoutMs, () => {
            timedOut = true;
            stop('SIGTERM');
            // What ignores SIGTERM is killed; what still holds the pipes from outside the tree is no longer waited for.
            later(KILL_GRACE_MS, () => {
                stop('SIGKILL');
                later(CLOSE_WAIT_MS, () => finish(exited ?? { exitCode: null, signal: null }));
            });
        });
        child.on('error', (error) => {
            const message = error.code === 'ENOENT' && !fs.existsSync(spec.cwd) ? `working directory ${spec.cwd} does not exist` : error.message;
            finish({ exitCode: null, signal: null, spawnError: message });
        });
        child.on('exit', (exitCode, signal) => {
            exited = { exitCode, signal };
            const result = exited;
            // Whatever the shell left behind (a background job, a daemon that left the process group) may hold the
            // output pipes open: give it a moment to finish writing, then end it and stop waiting.
            later(LEFTOVER_GRACE_MS, () => {
                stop('SIGKILL');
                later(CLOSE_WAIT_MS, () => finish(result));
            });
        });
        child.on('close', (exitCode, signal) => {
            // Background jobs of the command that closed their output: they do not outlive it.
            if (pid !== undefined)
                signalTree(pid, 'SIGKILL');
            finish({ exitCode, signal });
        });
    });
}

export { childEnv as a, signalLiveCommands as b, commandOk as c, describeFailures as d, refuseNewCommands as e, liveCommandsSettled as l, runCommand as r, shellFor as s };
