import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { k as simpleWords, p as physicalPath, s as shellQuote, n as llvmCovRun, q as flagName, l as liesInside, r as resolveInside, b as realLocation, m as mkdirInside, P as PathOutsideWorkspace, o as openRegularFile, g as readMaturinProject, u as tempNameBeside } from './workspace-fs-DBwuGUFX.js';
import { spawnSync } from 'node:child_process';
import { a as childEnv } from './command-DninvAs8.js';

// Which cargo packages the Rust suite measures, the same for the test run and
// the report: a workspace root (a root crate plus crates/*) is measured whole
// (--workspace), rust-packages narrows it (--package a --package b), and a
// rust-command of the user's own is read for its selection so the default
// report commands match it. Also the default features that the test run's
// --no-default-features leaves out (other than PyO3's extension-module).
//
// The facts come from `cargo metadata --no-deps` (no dependency resolution,
// a few tens of milliseconds).
/**
 * Answers given in this run, by question: the folder lock asks first (lock.ts), the Rust suite after it. cargo sees
 * the same environment both times (childEnv: no INPUT_*, no token); the llvm tools' paths the action may add for
 * the suite are left out of the question, cargo does not read them. Only answers are kept: when cargo could not say
 * (a toolchain still being installed at the limit, say), the suite asks again.
 */
const answered = new Map();
/** The workspace of a manifest as `cargo metadata --no-deps` describes it, or null when cargo cannot say. */
function readCargoWorkspace(manifestPath, cwd, env) {
    const seen = childEnv(env);
    const asked = Object.entries(seen).filter(([name]) => name !== 'LLVM_COV' && name !== 'LLVM_PROFDATA');
    const question = JSON.stringify([manifestPath, cwd, asked.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))]);
    const known = answered.get(question);
    if (known)
        return known;
    const answer = askCargo(manifestPath, cwd, seen);
    if (answer)
        answered.set(question, answer);
    return answer;
}
/**
 * cargo's answer, its folders as the system resolves them: cargo passes a configured target-dir through as written
 * (`<ws>/link/../target`), and a link in it may lead elsewhere than the same path tidied by path.resolve.
 */
function askCargo(manifestPath, cwd, env) {
    const out = spawnSync('cargo', ['metadata', '--no-deps', '--format-version', '1', '--manifest-path', manifestPath], {
        cwd,
        env,
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 64 * 1024 * 1024
    });
    if (out.status !== 0 || typeof out.stdout !== 'string')
        return null;
    const ws = parseCargoMetadata(out.stdout);
    if (ws === null)
        return null;
    const physical = (dir) => (dir === null ? null : physicalPath(dir));
    return { ...ws, targetDirectory: physical(ws.targetDirectory), buildDirectory: physical(ws.buildDirectory) };
}
/** `[features]` as cargo metadata gives it, or {} when it is not a table of string lists. */
function featureTable(features) {
    if (typeof features !== 'object' || features === null || Array.isArray(features))
        return {};
    const table = {};
    for (const [name, enables] of Object.entries(features)) {
        if (Array.isArray(enables) && enables.every((e) => typeof e === 'string'))
            table[name] = enables;
    }
    return table;
}
function parseCargoMetadata(json) {
    try {
        const data = JSON.parse(json);
        if (typeof data.workspace_root !== 'string' || !Array.isArray(data.packages))
            return null;
        const memberIds = new Set(data.workspace_members ?? data.packages.map((p) => p.id));
        // Each field checked: a package that is not as cargo writes it makes the whole answer unusable, never a crash.
        if (!data.packages.every((p) => typeof p?.id === 'string' && typeof p.name === 'string' && typeof p.manifest_path === 'string'))
            return null;
        const members = data.packages
            .filter((p) => memberIds.has(p.id))
            .map((p) => ({ name: p.name, manifestPath: p.manifest_path, features: featureTable(p.features) }));
        const absolute = (value) => (typeof value === 'string' && path.isAbsolute(value) ? value : null);
        const targetDirectory = absolute(data.target_directory);
        // Older cargo gives no build_directory: the build folder is the target folder.
        const buildDirectory = data.build_directory === undefined ? targetDirectory : absolute(data.build_directory);
        return { root: data.workspace_root, members, targetDirectory, buildDirectory };
    }
    catch {
        return null;
    }
}
const packageArgs = (names) => names.map((n) => ` --package ${shellQuote(n)}`).join('');
/**
 * The selection for a manifest. `requested`: rust-packages (default commands only);
 * `customTest`: the user's rust-command (read for its own selection), or null for the default.
 */
function cargoScope(ws, manifestPath, requested, customTest) {
    const chosen = selectScope(ws, manifestPath, requested, customTest);
    if (!chosen.ok)
        return chosen;
    const measured = new Set(chosen.scope.packages);
    return { ok: true, scope: { ...chosen.scope, othersUnmeasured: ws.members.some((m) => !measured.has(m.name)) } };
}
function selectScope(ws, manifestPath, requested, customTest) {
    const names = ws.members.map((m) => m.name).sort();
    const own = ws.members.find((m) => path.resolve(m.manifestPath) === path.resolve(manifestPath));
    const atRoot = path.resolve(path.dirname(manifestPath)) === path.resolve(ws.root);
    const several = ws.members.length > 1;
    const whole = {
        testArgs: ' --workspace',
        reportArgs: ' --workspace',
        packages: names,
        wholeWorkspace: true,
        shown: several
    };
    const single = (name) => ({
        testArgs: '',
        reportArgs: '',
        packages: name ? [name] : [],
        wholeWorkspace: false,
        shown: false
    });
    if (customTest === null) {
        if (requested.length > 0) {
            const unknown = requested.filter((r) => !names.includes(r));
            if (unknown.length > 0) {
                return { ok: false, message: `rust-packages: no package ${unknown.join(', ')} in the cargo workspace (its packages: ${names.join(', ')})` };
            }
            const chosen = [...new Set(requested)].sort();
            const args = packageArgs(chosen);
            return { ok: true, scope: { testArgs: args, reportArgs: args, packages: chosen, wholeWorkspace: false, shown: true } };
        }
        // A virtual manifest (no package of its own) or a root crate with members: the whole workspace.
        if (atRoot && (several || !own))
            return { ok: true, scope: whole };
        return { ok: true, scope: single(own?.name) };
    }
    // The user's own test command: the default report measures what it selects.
    const selection = selectionFlags(customTest);
    if (selection === null)
        return { ok: true, scope: single(own?.name) };
    if (selection.workspace) {
        if (selection.exclude.length === 0)
            return { ok: true, scope: { ...whole, testArgs: '' } };
        // cargo llvm-cov report takes no --exclude: the packages left are named instead.
        const left = names.filter((n) => !selection.exclude.some((pattern) => matchesPackage(pattern, n)));
        return { ok: true, scope: { testArgs: '', reportArgs: packageArgs(left), packages: left, wholeWorkspace: false, shown: true } };
    }
    if (selection.packages.length > 0) {
        // cargo reads -p values as glob patterns over the workspace's packages; a plain name is kept as given.
        const chosen = [...new Set(selection.packages.flatMap((p) => (isPattern(p) ? names.filter((n) => matchesPackage(p, n)) : [p])))].sort();
        return { ok: true, scope: { testArgs: '', reportArgs: packageArgs(chosen), packages: chosen, wholeWorkspace: false, shown: true } };
    }
    return { ok: true, scope: single(own?.name) };
}
/** A default feature that only turns on PyO3's extension-module (which test binaries cannot link with). */
function isExtensionModule(feature, features) {
    const direct = (f) => f === 'extension-module' || /^pyo3\??\/extension-module$/.test(f);
    if (direct(feature))
        return true;
    const enables = features[feature];
    return enables !== undefined && enables.length > 0 && enables.every(direct);
}
/** Features the command turns on by name (--features a,b / -F a / --features=a), or null with --all-features. */
function featuresNamed(command) {
    const words = simpleWords(command)?.map((w) => w.text) ?? command.split(/\s+/);
    const named = new Set();
    for (let i = 0; i < words.length; i++) {
        const word = words[i];
        if (word === '--')
            break;
        if (word === '--all-features')
            return null;
        let value;
        if (word === '--features' || word === '-F')
            value = words[++i];
        else if (word.startsWith('--features='))
            value = word.slice('--features='.length);
        else if (/^-F./.test(word))
            value = word.slice(2);
        for (const f of (value ?? '').split(/[\s,]+/))
            if (f)
                named.add(f);
    }
    return named;
}
/**
 * The default features of the measured packages that `--no-default-features` in
 * the test command leaves out (PyO3's extension-module aside), as cargo spells
 * them on a command line (`feature` for the manifest's own package, `package/feature`
 * for others); empty when the command keeps them or has no --no-default-features.
 */
function droppedDefaultFeatures(ws, manifestPath, packages, testCommand) {
    const words = simpleWords(testCommand)?.map((w) => w.text) ?? testCommand.split(/\s+/);
    const own = words.indexOf('--');
    if (!(own === -1 ? words : words.slice(0, own)).includes('--no-default-features'))
        return [];
    const named = featuresNamed(testCommand);
    if (named === null)
        return [];
    const dropped = [];
    for (const member of ws.members) {
        if (!packages.includes(member.name))
            continue;
        const isOwn = path.resolve(member.manifestPath) === path.resolve(manifestPath);
        for (const feature of member.features['default'] ?? []) {
            if (isExtensionModule(feature, member.features))
                continue;
            const spelled = isOwn ? feature : `${member.name}/${feature}`;
            if (named.has(spelled) || named.has(`${member.name}/${feature}`))
                continue;
            dropped.push(spelled);
        }
    }
    return dropped;
}
const isPattern = (value) => /[*?[]/.test(value);
/** A package name against cargo's `-p`/`--exclude` glob (`*`, `?`, `[...]`), whole name. */
function matchesPackage(pattern, name) {
    if (!isPattern(pattern))
        return pattern === name;
    const source = pattern
        .replace(/[.+^${}()|\\]/g, '\\$&')
        .replace(/\*/g, '.*')
        .replace(/\?/g, '.');
    try {
        return new RegExp(`^${source}$`).test(name);
    }
    catch {
        return false;
    }
}
function selectionFlags(command) {
    const words = simpleWords(command);
    if (words === null)
        return null;
    const run = llvmCovRun(words);
    if (run === null)
        return null;
    const own = words.slice(run.body, run.end);
    const selection = { workspace: false, packages: [], exclude: [] };
    // A variable (`-p "$CRATE"`) is known to bash only: the selection cannot be mirrored.
    if (own.some((w) => w.raw.includes('$') && !w.raw.startsWith("'")))
        return null;
    for (let i = 0; i < own.length; i++) {
        const text = own[i].text;
        const value = () => {
            if (text.startsWith('--') && text.includes('='))
                return text.slice(text.indexOf('=') + 1);
            if (/^-p./.test(text))
                return text.slice(2);
            return own[++i]?.text ?? '';
        };
        if (text === '--workspace' || text === '--all')
            selection.workspace = true;
        else if (text === '-p' || /^-p./.test(text) || flagName(text) === '--package')
            selection.packages.push(value());
        else if (flagName(text) === '--exclude')
            selection.exclude.push(value());
    }
    return selection;
}

// The folders cargo-llvm-cov works in, found as it finds them (from cargo
// metadata and its variables), so that the action can act on them beside its
// commands: the raw profiles and the profdata file of a run, and the target and
// build folders `show-env` names, for the clean that runs beside it.
/**
 * Where cargo-llvm-cov keeps the profiles, as it finds it: CARGO_LLVM_COV_TARGET_DIR (from its working folder, as the
 * system resolves it), else
 * `llvm-cov-target` in cargo's target folder; the profdata file is named after the workspace root's folder. Null when
 * cargo metadata did not say.
 */
function profilesPlace(ws, env, cwd) {
    if (!ws)
        return null;
    const dir = ownLlvmCovFolder(env, cwd) ?? (ws.targetDirectory ? path.join(ws.targetDirectory, 'llvm-cov-target') : null);
    if (dir === null)
        return null;
    return { dir, profdata: path.join(dir, `${path.basename(ws.root) || 'default'}.profdata`) };
}
/** CARGO_LLVM_COV_TARGET_DIR when set, the folder cargo-llvm-cov then works in, as the system resolves it from `cwd`. */
function ownLlvmCovFolder(env, cwd) {
    const fromEnv = env['CARGO_LLVM_COV_TARGET_DIR'];
    return fromEnv ? physicalPath(fromEnv, cwd) : null;
}
/**
 * The folders `show-env` will name (absolute): it names cargo's own target and build folders (cargo metadata's),
 * whatever the environment says. Null when cargo metadata did not say, or when CARGO_LLVM_COV_TARGET_DIR or
 * CARGO_LLVM_COV_BUILD_DIR is set: the clean would then act on those folders, not on the ones show-env names.
 */
function showEnvFolders(ws, env) {
    if (env['CARGO_LLVM_COV_TARGET_DIR'] || env['CARGO_LLVM_COV_BUILD_DIR'])
        return null;
    if (!ws?.targetDirectory || !ws.buildDirectory)
        return null;
    return { CARGO_LLVM_COV_TARGET_DIR: ws.targetDirectory, CARGO_LLVM_COV_BUILD_DIR: ws.buildDirectory };
}
/** Whether show-env's variables name the folders foreseen (a build folder it does not name is its target folder). */
function namesTheSameFolders(vars, foreseen, cwd) {
    const target = vars['CARGO_LLVM_COV_TARGET_DIR'];
    if (!target)
        return false;
    const build = vars['CARGO_LLVM_COV_BUILD_DIR'] || target;
    // Both as the system resolves them: cargo's folders (foreseen) are (cargo-scope.ts), show-env prints them as written.
    return physicalPath(target, cwd) === foreseen.CARGO_LLVM_COV_TARGET_DIR && physicalPath(build, cwd) === foreseen.CARGO_LLVM_COV_BUILD_DIR;
}

// One run at a time per report folder: two runs writing the same folder would
// read each other's reports (run A reporting run B's figure as its own). Each
// folder the run writes gets a lock file, created exclusively (`wx`), holding
// the pid, the host and the start time. A lock whose process is gone (dead, or
// its pid now belongs to a process started later) is stale and taken over.
// While a live run holds it, this run waits, as cargo does for its build
// folder, and past the limit it refuses with one line naming the holder.
const LOCK_NAME = '.rust-python-coverage.lock';
function processStart(pid) {
    try {
        const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1');
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'ESRCH')
            return undefined;
        throw error;
    }
}
const me = () => {
    const start = processStart(process.pid);
    return { pid: process.pid, host: os.hostname(), started: new Date().toISOString(), ...(start ? { processStart: start } : {}) };
};
/** The most a lock file is read: a record is some 150 bytes. */
const RECORD_LIMIT = 4096;
/**
 * A lock file's text, or null when there is none or it is no regular file (a FIFO, a device, a folder, a link the
 * repository put there: never opened through a link, never waited on, never read past the limit).
 */
function readLockFile(file) {
    const opened = openRegularFile(file, true);
    if ('refused' in opened)
        return null;
    try {
        const buffer = Buffer.alloc(RECORD_LIMIT);
        const read = fs.readSync(opened.fd, buffer, 0, RECORD_LIMIT, 0);
        return buffer.subarray(0, read).toString('utf8');
    }
    catch {
        return null;
    }
    finally {
        fs.closeSync(opened.fd);
    }
}
function readHolder(file) {
    const text = readLockFile(file);
    if (text === null)
        return null;
    try {
        const holder = JSON.parse(text);
        return typeof holder?.pid === 'number' ? holder : null;
    }
    catch (error) {
        if (error instanceof SyntaxError)
            return null; // being written, or not ours: judged by its age below
        throw error;
    }
}
/** Whether the holder may still be running: another host cannot be checked, so it counts as live. */
function holderLive(holder) {
    if (holder.host !== os.hostname())
        return true;
    try {
        process.kill(holder.pid, 0);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ESRCH')
            return false;
        if (code !== 'EPERM')
            throw error;
    }
    // The pid is taken: by the holder, unless a process started at another time has it now.
    const start = processStart(holder.pid);
    return holder.processStart === undefined || start === undefined || start === holder.processStart;
}
/** How long an unreadable lock file is taken as one being written right now. */
const UNREADABLE_GRACE_MS = 10_000;
function tryLock(file, record) {
    for (let attempt = 0; attempt < 3; attempt++) {
        if (createWithRecord(file, record))
            return { ok: true };
        const holder = readHolder(file);
        const stale = holder ? !holderLive(holder) : ageMs(file) > UNREADABLE_GRACE_MS;
        if (!stale)
            return { ok: false, holder };
        // Taken over only if it is still the stale lock just judged (narrows the race with another taker), and only a
        // regular file (a folder or anything else the repository put there stays, and the lock is not taken).
        if (JSON.stringify(readHolder(file)) === JSON.stringify(holder) && isRegularFile(file))
            fs.rmSync(file, { force: true });
    }
    return { ok: false, holder: readHolder(file) };
}
/**
 * Creates the lock file with its record in one step where the file system allows it: the record is written under a
 * temporary name, then linked to the lock's name (which fails if it exists). So no other run ever reads it empty
 * and takes it for an unreadable, stale one. Where hard links are not supported, `wx` (create, then write).
 */
function createWithRecord(file, record) {
    const temp = tempNameBeside(file);
    try {
        fs.writeFileSync(temp, record, { flag: 'wx' });
        try {
            fs.linkSync(temp, file);
            return true;
        }
        catch (error) {
            const code = error.code;
            if (code === 'EEXIST')
                return false;
            if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'EXDEV' && code !== 'ENOSYS')
                throw error;
        }
        finally {
            fs.rmSync(temp, { force: true });
        }
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
    try {
        fs.writeFileSync(file, record, { flag: 'wx' });
        return true;
    }
    catch (error) {
        if (error.code === 'EEXIST')
            return false;
        throw error;
    }
}
function isRegularFile(file) {
    try {
        return fs.lstatSync(file).isFile();
    }
    catch {
        return false;
    }
}
function ageMs(file) {
    try {
        return Date.now() - fs.lstatSync(file).mtimeMs;
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return Infinity;
        throw error;
    }
}
/** Every lockFolders call of this process not released yet (also one still waiting): what releaseAll removes. */
const attempts = new Set();
/**
 * The cargo target folder the run holds, with the call that locked it and the folder's identity (device and inode)
 * when locked, so that a folder swapped for another (or for a link) since is not taken for it.
 */
let holding = null;
function releaseAttempt(attempt) {
    for (const file of attempt.files.splice(0)) {
        if (readLockFile(file) === attempt.record && isRegularFile(file))
            fs.rmSync(file, { force: true });
    }
    attempts.delete(attempt);
    if (holding?.owner === attempt)
        holding = null;
}
/**
 * Removes every lock file this process has taken (those still holding its own record), also while lockFolders is
 * still waiting for another: what a cancelled run does first, so that no lock of it is left behind.
 */
function releaseAll() {
    for (const attempt of [...attempts])
        releaseAttempt(attempt);
}
/**
 * Locks every folder (sorted by where it really lies, so two runs take them in the same order, however they spell
 * them). While one is held by a live run, waits (`onWait` is told once), polling, for at most `waitMs`; then gives
 * up with a one-line message. A folder leading out of the workspace, or one where no lock file can be made (a file
 * or a dangling link in its place), is refused the same way, and nothing is created for it.
 */
async function lockFolders(folders, waitMs, onWait, options = {}) {
    const record = `${JSON.stringify(me())}\n`;
    const mine = { files: [], record };
    attempts.add(mine);
    const release = () => releaseAttempt(mine);
    const refuse = (message) => {
        release();
        return { ok: false, message };
    };
    try {
        const dirs = [...new Set(folders.map((f) => (options.workspace ? resolveInside(f, options.workspace) : realLocation(f))))].sort();
        const deadline = Date.now() + waitMs;
        let told = false;
        for (const dir of dirs) {
            const file = path.join(dir, LOCK_NAME);
            if (options.workspace)
                mkdirInside(dir, options.workspace);
            else
                fs.mkdirSync(dir, { recursive: true });
            for (;;) {
                const attempt = tryLock(file, record);
                if (attempt.ok) {
                    mine.files.push(file);
                    break;
                }
                const who = attempt.holder
                    ? `another run (pid ${attempt.holder.pid} on ${attempt.holder.host}, started ${attempt.holder.started})`
                    : 'another run';
                if (Date.now() >= deadline) {
                    return refuse(`${who} is writing ${dir}: this run did not start, so that the two runs' reports cannot mix; give each run its own report paths, or delete ${file} if no run is going on`);
                }
                if (!told) {
                    told = true;
                    onWait(`Waiting for ${who} to finish with ${dir} (lock file ${file}).`);
                }
                await new Promise((r) => setTimeout(r, 250));
            }
        }
        const target = options.cargoTarget ? realLocation(options.cargoTarget) : null;
        if (target !== null && dirs.includes(target)) {
            const identity = fs.lstatSync(target);
            holding = { owner: mine, dir: target, dev: identity.dev, ino: identity.ino };
        }
        return { ok: true, lock: { files: [...mine.files], release } };
    }
    catch (error) {
        if (error instanceof PathOutsideWorkspace)
            return refuse(`a folder the run writes is not inside the workspace: ${error.message}`);
        const problem = error;
        return refuse(`a lock file could not be made (${problem.code ?? problem.message}${problem.path ? ` at ${problem.path}` : ''}): this run did not start`);
    }
}
/**
 * The cargo target folder this run locked at start (main.ts), while it is still that folder (not swapped for another
 * or for a link: same device and inode) and its lock file keeps this run's own record: the profiles are moved only
 * inside it. Nothing is asked again (the crate or cargo's answer may differ by now).
 */
function lockedTarget() {
    const held = holding;
    if (held === null)
        return null;
    try {
        const now = fs.lstatSync(held.dir);
        if (!now.isDirectory() || now.dev !== held.dev || now.ino !== held.ino)
            return null;
    }
    catch {
        return null;
    }
    const file = path.join(held.dir, LOCK_NAME);
    return held.owner.files.includes(file) && readLockFile(file) === held.owner.record ? held.dir : null;
}
/**
 * The folders a run writes: the enabled suites' report folders, the folder of coverage-summary.json, and the
 * crate's cargo target folders when the run cleans them or moves its profiles (cargoFolders): two runs on one crate
 * would remove, move or count each other's profiles and test binaries; only those that really lie inside the
 * workspace. With them the cargo target folder whose profiles the run may move (cargoTarget, null when none is held):
 * a lock covers its own folder only, not the folders below it, so a report folder held is no claim on the profiles.
 */
function lockPlan(inputs, env = process.env) {
    const both = inputs.mode === 'merge';
    const rust = inputs.rust;
    const cargo = cargoFolders(inputs, env);
    const held = cargo.all.filter((f) => liesInside(f, inputs.workspace, { followLast: true }));
    return {
        folders: [
            ...(both || rust.enabled ? [path.dirname(rust.lcov), path.dirname(rust.htmlDir)] : []),
            ...(both || inputs.python.enabled ? [path.dirname(inputs.python.xml)] : []),
            path.dirname(inputs.summaryJson),
            ...held
        ],
        cargoTarget: cargo.profiles !== null && held.includes(cargo.profiles) ? cargo.profiles : null
    };
}
/**
 * The run's folders locked (lockPlan, lockFolders): the outcome, never an exception; a problem finding them (an
 * unreadable pyproject.toml, say) is a refusal like any other.
 */
async function lockRun(inputs, waitMs, onWait) {
    let plan;
    try {
        plan = lockPlan(inputs);
    }
    catch (error) {
        return { ok: false, message: `the folders the run writes could not be found (${error.message})` };
    }
    return lockFolders(plan.folders, waitMs, onWait, { workspace: inputs.workspace, cargoTarget: plan.cargoTarget });
}
/**
 * The cargo folders the run cleans or moves profiles in (the default report commands set them aside while they run
 * side by side): cargo-llvm-cov's own folder when it is given one (CARGO_LLVM_COV_TARGET_DIR), where the profiles
 * then are, and cargo's target folder as cargo itself names it (CARGO_TARGET_DIR, a target-dir in
 * .cargo/config.toml, the workspace root's target/ for a member crate), which the instrumented extension's commands
 * use whatever that variable says. None when the run does neither (rust-command and rust-report-command of one's
 * own, without rust-from-python), or without the Rust suite. The Rust suite asks cargo the same question after and
 * gets this answer (cargo-scope.ts), so it costs no second call.
 */
function cargoFolders(inputs, env) {
    const none = { profiles: null, all: [] };
    if (inputs.mode !== 'run' || !inputs.rust.enabled)
        return none;
    const project = readMaturinProject(inputs.workingDirectory);
    const fromPython = inputs.rust.fromPython;
    const instrumented = inputs.python.enabled && (fromPython === true || (fromPython === 'auto' && project.maturinBackend));
    if (inputs.rust.customTestCommand && inputs.rust.customReportCommand && !instrumented)
        return none;
    const cargoTarget = cargoTargetFolder(inputs.workingDirectory, project.manifestPath, env);
    const profiles = ownLlvmCovFolder(env, inputs.workingDirectory) ?? cargoTarget;
    return { profiles, all: [...new Set([profiles, cargoTarget])] };
}
/** cargo's target folder for the crate, as cargo names it; where cargo would put it when it cannot say. */
function cargoTargetFolder(workingDirectory, manifestPath, env) {
    const named = manifestPath ? readCargoWorkspace(manifestPath, workingDirectory, env)?.targetDirectory : null;
    if (named)
        return named;
    if (env['CARGO_TARGET_DIR'])
        return physicalPath(env['CARGO_TARGET_DIR'], workingDirectory);
    return path.join(manifestPath ? path.dirname(manifestPath) : workingDirectory, 'target');
}

var lock = /*#__PURE__*/Object.freeze({
    __proto__: null,
    LOCK_NAME: LOCK_NAME,
    lockFolders: lockFolders,
    lockPlan: lockPlan,
    lockRun: lockRun,
    lockedTarget: lockedTarget,
    releaseAll: releaseAll
});

export { lock as a, cargoScope as c, droppedDefaultFeatures as d, lockedTarget as l, namesTheSameFolders as n, profilesPlace as p, readCargoWorkspace as r, showEnvFolders as s };
