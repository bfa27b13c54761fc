import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as path from 'node:path';

// Lexical path containment, shared by input validation, the zip writer and
// workspace-fs.ts (which resolves symlinks first: use resolveInside there).
/** Whether `child` is `parent` or lies below it (lexically; resolve symlinks first where they matter). */
function isInside(child, parent) {
    const rel = path.relative(parent, child);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${path.sep}`) && !path.isAbsolute(rel));
}

// Quoting for values the action puts into a bash command line.
/** The value as one bash word: as it is when it holds only safe characters, else single-quoted. */
function shellQuote(value) {
    return /^[\w@%+=:,./-]+$/.test(value) ? value : `'${value.replace(/'/g, `'\\''`)}'`;
}

// What pyproject.toml says about a maturin (PyO3) project: whether maturin is
// its build backend, and where the Rust crate is. maturin takes
// `[tool.maturin] manifest-path`, else Cargo.toml beside pyproject.toml, else
// rust/Cargo.toml; the Rust suite finds the crate the same way.
//
// Only the few keys needed are read, by a small line reader (no TOML library):
// `key = "value"` or `key = 'value'` on one line, under `[build-system]` and
// `[tool.maturin]` (comments and other tables are passed over).
/** The string values of `[table]` in a TOML text (one-line basic or literal strings only). */
function tomlStrings(text, table) {
    const values = new Map();
    let current = '';
    for (const raw of text.split(/\r?\n/)) {
        const line = raw.trim();
        const header = /^\[\s*([^\]]+?)\s*\]\s*(#.*)?$/.exec(line);
        if (header && !line.startsWith('[[')) {
            current = header[1].replace(/\s*\.\s*/g, '.');
            continue;
        }
        if (line.startsWith('[[')) {
            current = '';
            continue;
        }
        if (current !== table)
            continue;
        const m = /^("?)([\w.-]+)\1\s*=\s*(?:"((?:[^"\\]|\\.)*)"|'([^']*)')\s*(#.*)?$/.exec(line);
        if (!m)
            continue;
        const value = m[3] !== undefined ? m[3].replace(/\\(["\\])/g, '$1') : m[4];
        values.set(m[2], value);
    }
    return values;
}
function readMaturinProject(workingDirectory) {
    const pyproject = path.join(workingDirectory, 'pyproject.toml');
    let text;
    try {
        text = fs.readFileSync(pyproject, 'utf8');
    }
    catch {
        text = null;
    }
    const backend = text === null ? '' : (tomlStrings(text, 'build-system').get('build-backend') ?? '');
    const setting = text === null ? null : (tomlStrings(text, 'tool.maturin').get('manifest-path') ?? null);
    const candidates = setting !== null ? [setting] : ['Cargo.toml', 'rust/Cargo.toml'];
    const found = candidates.map((c) => path.resolve(workingDirectory, c)).find((p) => fs.existsSync(p) && fs.statSync(p).isFile());
    return {
        hasPyproject: text !== null,
        maturinBackend: backend.trim() === 'maturin',
        manifestPath: found ?? null,
        tried: candidates,
        manifestSetting: setting
    };
}
/** `--manifest-path <path>` for cargo, or '' when the crate is the working directory's own Cargo.toml (cargo's default). */
function manifestArgument(workingDirectory, manifestPath, quote) {
    if (manifestPath === null || manifestPath === path.join(workingDirectory, 'Cargo.toml'))
        return '';
    return ` --manifest-path ${quote(manifestPath)}`;
}

// The flags of a rust-command, read as cargo-llvm-cov reads them.
//
// `cargo llvm-cov --no-report` ignores every flag that acts only on a report
// (cargo-llvm-cov 0.9.1, ReportOptions::validate: a buried "conflicts with
// --no-report" warning), so given in rust-command they change nothing the
// action reports. The ones that filter or annotate the report move to the
// action's report commands; the ones that choose a format, a path or a gate
// are refused (the action writes its reports itself and gates with
// rust-min-lines). On the inputs' path (read.ts): nothing heavy here.
//
// Only a command that is one plain word list is rewritten: shell operators,
// substitutions or newlines outside quotes leave nothing safe to move.
/**
 * The words of a shell line of plain commands joined by `&&` (each `&&` a word of
 * its own), or null when it has other operators, substitutions or newlines outside quotes.
 */
function simpleWords(command) {
    const words = [];
    let text = '';
    let raw = '';
    let open = false;
    const end = () => {
        if (open)
            words.push({ text, raw });
        text = '';
        raw = '';
        open = false;
    };
    for (let i = 0; i < command.length; i++) {
        const c = command[i];
        if (c === ' ' || c === '\t') {
            end();
            continue;
        }
        if (c === '&' && command[i + 1] === '&' && command[i + 2] !== '&') {
            end();
            words.push({ text: '&&', raw: '&&' });
            i++;
            continue;
        }
        if (';&|<>()`\n\r'.includes(c) || (c === '$' && command[i + 1] === '('))
            return null;
        // A comment: what follows is not the command's (bash drops it), so the line is not read as words.
        if (c === '#' && !open)
            return null;
        open = true;
        if (c === "'" || c === '"') {
            const close = findClose(command, i, c);
            if (close === -1)
                return null;
            const inner = command.slice(i + 1, close);
            if (c === '"' && (inner.includes('`') || inner.includes('$(')))
                return null;
            text += c === '"' ? inner.replace(/\\(["\\$`])/g, '$1') : inner;
            raw += command.slice(i, close + 1);
            i = close;
        }
        else if (c === '\\' && i + 1 < command.length) {
            text += command[i + 1];
            raw += command.slice(i, i + 2);
            i++;
        }
        else {
            text += c;
            raw += c;
        }
    }
    end();
    return words;
}
function findClose(command, open, quote) {
    for (let i = open + 1; i < command.length; i++) {
        if (quote === '"' && command[i] === '\\')
            i++;
        else if (command[i] === quote)
            return i;
    }
    return -1;
}
/** Report-side flags that move to the report commands as they are (true: takes a value). */
const MOVABLE = {
    '--ignore-filename-regex': true,
    '--no-default-ignore-filename-regex': false,
    '--include-build-script': false,
    '--show-instantiations': false,
    '--show-missing-lines': false,
    '--failure-mode': true
};
const WRITES = 'the action writes its reports itself (rust-lcov, rust-html-dir, rust-cobertura)';
const GATES = 'the action gates with rust-min-lines';
/** Report-side flags that cannot move: why (and whether they take a value). */
const REFUSED = {
    '--json': { value: false, why: WRITES },
    '--lcov': { value: false, why: WRITES },
    '--cobertura': { value: false, why: WRITES },
    '--codecov': { value: false, why: WRITES },
    '--text': { value: false, why: WRITES },
    '--html': { value: false, why: WRITES },
    '--open': { value: false, why: WRITES },
    '--summary-only': { value: false, why: WRITES },
    '--output-path': { value: true, why: WRITES },
    '--output-dir': { value: true, why: WRITES },
    '--skip-functions': { value: false, why: 'cargo llvm-cov cannot give it to the HTML report' },
    '--fail-under-lines': { value: true, why: GATES },
    '--fail-under-functions': { value: true, why: GATES },
    '--fail-under-regions': { value: true, why: GATES },
    '--fail-under-file-lines': { value: true, why: GATES },
    '--fail-uncovered-lines': { value: true, why: GATES },
    '--fail-uncovered-regions': { value: true, why: GATES },
    '--fail-uncovered-functions': { value: true, why: GATES }
};
const flagName = (word) => word.split('=')[0];
const isAnd = (w) => w.raw === '&&';
/**
 * The `cargo llvm-cov` run among the `&&`-joined commands (the one with `--no-report`
 * first): where it starts (`cargo`), and where its own words end (before `--`, whose
 * words are the test binaries' own arguments, or the next `&&`). Null when there is none.
 */
function llvmCovRun(words) {
    let best = null;
    let start = 0;
    for (let i = 0; i <= words.length; i++) {
        if (i < words.length && !isAnd(words[i]))
            continue;
        const segment = words.slice(start, i);
        for (let at = 0; at < segment.length && !best?.noReport; at++) {
            if (segment[at].text !== 'cargo')
                continue;
            const sub = subcommandAt(segment, at + 1);
            if (sub === -1 || segment[sub].text !== 'llvm-cov')
                continue;
            const dashes = segment.findIndex((w, k) => k > sub && w.text === '--');
            const end = start + (dashes === -1 ? segment.length : dashes);
            const noReport = words.slice(start + sub, end).some((w) => w.text === '--no-report');
            if (!best || (noReport && !best.noReport))
                best = { at: start + at, body: start + sub + 1, end, noReport };
            break;
        }
        start = i + 1;
    }
    return best;
}
/** cargo's global options that take a value as the next word (`cargo -Z x llvm-cov`, `cargo --config k=v llvm-cov`). */
const CARGO_GLOBAL_WITH_VALUE = new Set(['-Z', '--config', '-C', '--color']);
/** The index of cargo's subcommand after `+toolchain` and cargo's global options, from `from`; -1 when there is none. */
function subcommandAt(words, from) {
    for (let k = from; k < words.length; k++) {
        const text = words[k].text;
        if (text.startsWith('+') && k === from)
            continue;
        if (CARGO_GLOBAL_WITH_VALUE.has(text)) {
            k++;
            continue;
        }
        if (text.startsWith('-'))
            continue;
        return k;
    }
    return -1;
}
/**
 * The report-side flags of rust-command: moved out of a `--no-report` run into
 * `reportArgs` (appended to the report commands, as written), copied when the
 * command writes a report of its own; refused when they cannot move.
 * `reportCommandCustom`: the report commands are the user's, so nothing moves there.
 */
function reportFlags(command, reportCommandCustom) {
    const words = simpleWords(command);
    if (words === null) {
        // Not one plain command: flags are found by name only, to refuse them clearly when they would be ignored.
        if (!/(^|\s)--no-report(\s|$)/.test(command))
            return { ok: true, testCommand: command, reportArgs: '', moved: [] };
        const flag = [...Object.keys(MOVABLE), ...Object.keys(REFUSED)].find((f) => new RegExp(`(^|\\s)${f}(=|\\s|$)`).test(command));
        if (!flag)
            return { ok: true, testCommand: command, reportArgs: '', moved: [] };
        return { ok: false, flag, why: REFUSED[flag]?.why ?? 'it cannot be moved out of a command with shell operators', canMove: flag in MOVABLE };
    }
    const run = llvmCovRun(words);
    // Another command (a script, plain cargo test): its flags are its own.
    if (run === null)
        return { ok: true, testCommand: command, reportArgs: '', moved: [] };
    const { noReport } = run;
    const keep = [];
    const moved = [];
    for (let i = run.body; i < run.end; i++) {
        const word = words[i];
        const name = flagName(word.text);
        const inline = word.text.includes('=');
        if (name in MOVABLE) {
            const parts = [word.raw];
            if (MOVABLE[name] && !inline && i + 1 < run.end)
                parts.push(words[++i].raw);
            if (reportCommandCustom && noReport)
                return { ok: false, flag: name, why: 'rust-report-command is your own', canMove: true };
            if (!reportCommandCustom)
                moved.push(parts.join(' '));
            if (!noReport || reportCommandCustom)
                keep.push(...parts.map((raw) => ({ raw, text: raw })));
            continue;
        }
        const refused = REFUSED[name];
        if (refused && noReport)
            return { ok: false, flag: name, why: refused.why, canMove: false };
        keep.push(word);
    }
    if (moved.length === 0)
        return { ok: true, testCommand: command, reportArgs: '', moved: [] };
    const rewritten = [...words.slice(0, run.body), ...keep, ...words.slice(run.end)];
    const testCommand = noReport ? rewritten.map((w) => w.raw).join(' ') : command;
    return { ok: true, testCommand, reportArgs: moved.map((m) => ` ${m}`).join(''), moved };
}

// Every error the action expects and explains itself: one line, safe to show
// as it is. Each sets its name the same way (its class name), so a log line
// or a test can tell them apart; anything else that reaches a phase's guard is
// a bug of ours and is reported as an internal error.
class ActionError extends Error {
    constructor(message) {
        super(message);
        this.name = new.target.name;
    }
}
/** An input that is not valid: names the input, what was expected and what was given. */
class InputError extends ActionError {
    input;
    constructor(input, expected, got) {
        super(`Input "${input}" ${expected}, got ${JSON.stringify(got)}`);
        this.input = input;
    }
}
/** A report that cannot be used at all: names the file and what was wrong. */
class ReportError extends ActionError {
    file;
    problem;
    constructor(file, problem) {
        super(`${file}: ${problem}`);
        this.file = file;
        this.problem = problem;
    }
}
/** A GitHub REST call that failed: method, path, status and message. */
class ApiError extends ActionError {
    status;
    constructor(status, message) {
        super(message);
        this.status = status;
    }
}
/** An artifact that could not be uploaded or downloaded. */
class UploadError extends ActionError {
}
/** Why there is no baseline: said as a notice, never a finding. */
class BaselineUnavailable extends ActionError {
}
/** Why patch coverage could not be measured, with what to do. */
class PatchUnavailable extends ActionError {
}
/** A path that leads out of the workspace (a symlink on its way): refused, nothing read, written, removed or uploaded through it. */
class PathOutsideWorkspace extends ActionError {
    shown;
    real;
    constructor(shown, real) {
        super(`${shown}: leads to ${real}, outside the workspace (a symlink?); refused`);
        this.shown = shown;
        this.real = real;
    }
}
/** Both suites disabled: nothing to measure, said as it is (not as a passed run). */
class NothingToMeasure extends InputError {
    constructor() {
        super('rust-enabled', 'and python-enabled are both false', 'false');
        this.message = 'Nothing to measure: rust-enabled and python-enabled are false (enable a suite, or leave this step out)';
    }
}
/** XML that is not well-formed, at a line of the report (the Cobertura reader makes it a ReportError). */
class XmlError extends ActionError {
    line;
    constructor(message, line) {
        super(message);
        this.line = line;
    }
}
/** A single line or tag too long for any coverage report (the readers make it a ReportError). */
class TokenTooLongError extends ActionError {
}
/** A field of another run's coverage-summary.json that is not what this action writes. */
class InvalidSummary extends ActionError {
}
/** A report whose line numbers run so far beyond its records that their states would not fit the memory budget. */
class LineStateBudgetExceeded extends ActionError {
}

// Workspace containment for every path the action reads, writes, deletes or
// uploads. A path is judged by where it really lies: the realpath of its
// nearest existing ancestor, joined with the part that does not exist yet, so
// a folder on the way that is a symlink leading out is caught before anything
// is created, written or removed through it. Writes never follow a final
// symlink (temporary name in the same folder, then rename, which replaces the
// link itself); removal never follows a symlink (the link itself goes).
/** The workspace as the runner gives it (GITHUB_WORKSPACE), else the current folder; absolute, not resolved. */
function workspaceOf(env = process.env) {
    return path.resolve(env['GITHUB_WORKSPACE'] || process.cwd());
}
/** The real path of `file` without following a final symlink: realpath of the nearest existing ancestor + the rest. */
function realParentJoin(file) {
    const absolute = path.resolve(file);
    const rest = [];
    let current = absolute;
    for (;;) {
        try {
            const real = fs.realpathSync(current);
            return rest.length === 0 ? real : path.join(real, ...rest.reverse());
        }
        catch {
            const parent = path.dirname(current);
            if (parent === current)
                return absolute;
            rest.push(path.basename(current));
            current = parent;
        }
    }
}
/** Where `file` really lies: realpath of the file itself (when it exists) or of its nearest existing ancestor. */
function realLocation(file, followLast = true) {
    const absolute = path.resolve(file);
    if (!followLast) {
        const parent = path.dirname(absolute);
        return parent === absolute ? realParentJoin(absolute) : path.join(realParentJoin(parent), path.basename(absolute));
    }
    return realParentJoin(absolute);
}
/**
 * The folder a path names as the system resolves it, each link followed where it stands: a `..` after a link leads up
 * from the link's target, where path.resolve would drop the link and the `..` together and name another folder
 * (cargo passes a configured target-dir through as written, `<ws>/link/../tgt`). A relative path is taken from
 * `base` as the system takes it from a working folder. The part that does not exist yet is taken as written. On
 * Windows, where `..` is resolved on the text, path.resolve is the system's answer.
 */
function physicalPath(file, base = process.cwd()) {
    if (process.platform === 'win32')
        return path.resolve(base, file);
    const raw = path.isAbsolute(file) ? file : `${base}/${file}`;
    let current = '/';
    let existing = true;
    for (const part of raw.split('/')) {
        if (part === '' || part === '.')
            continue;
        if (part === '..') {
            current = path.dirname(current);
            // Back up to a folder that exists: the links below it count again.
            existing = existing || fs.existsSync(current);
            continue;
        }
        current = path.join(current, part);
        if (!existing)
            continue;
        try {
            current = fs.realpathSync(current);
        }
        catch {
            existing = false; // below a folder that does not exist, nothing is a link: the rest as written
        }
    }
    return current;
}
/**
 * The real location of `file`, which must lie inside `workspace` (itself
 * resolved, so a workspace behind a symlink is fine). Throws
 * PathOutsideWorkspace (one line: the path, where it leads, what was refused).
 */
function resolveInside(file, workspace, options = {}) {
    const root = realLocation(workspace);
    const real = realLocation(file, options.followLast ?? true);
    if (!isInside(real, root)) {
        const shown = options.shown ?? (path.relative(path.resolve(workspace), path.resolve(file)) || '.');
        throw new PathOutsideWorkspace(shown, real);
    }
    return real;
}
/** Whether `file` lies inside `workspace` by the same rule as resolveInside. */
function liesInside(file, workspace, options = {}) {
    try {
        resolveInside(file, workspace, options);
        return true;
    }
    catch (error) {
        if (error instanceof PathOutsideWorkspace)
            return false;
        throw error;
    }
}
/** Creates `dir` (and its parents) after checking it lies inside the workspace; gives its real path. */
function mkdirInside(dir, workspace, shown) {
    resolveInside(dir, workspace, shown === undefined ? {} : { shown });
    fs.mkdirSync(dir, { recursive: true });
    // Checked again: a folder on the way may have been swapped for a link meanwhile.
    return resolveInside(dir, workspace, shown === undefined ? {} : { shown });
}
const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0;
/**
 * Opens a file for reading when it is a regular file, else says what it is not. O_NONBLOCK: opening a FIFO named
 * by a report never waits for a writer (no time limit could end that wait); it changes nothing for a regular file.
 * `noFollow`: a symlink is refused (the caller resolved the path already). The caller closes the descriptor;
 * `size` is the file's at opening.
 */
function openRegularFile(file, noFollow = false) {
    let fd;
    try {
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK | (noFollow ? NOFOLLOW : 0));
    }
    catch (error) {
        return { refused: `it cannot be opened (${error.code ?? 'error'})` };
    }
    try {
        const stat = fs.fstatSync(fd);
        if (stat.isFile())
            return { fd, size: stat.size };
    }
    catch {
        // Fall through: closed below, refused as not regular.
    }
    fs.closeSync(fd);
    return { refused: 'it is not a regular file' };
}
/** A fresh name beside `file`, for writing before the rename. */
function tempNameBeside(file) {
    return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Math.random().toString(36).slice(2, 10)}.tmp`);
}
/**
 * Writes `data` to `file` inside the workspace: the folder is checked (and
 * created) inside, the bytes go to a new temporary file in that folder (opened
 * exclusive and no-follow), which is then renamed over `file`. A `file` that is
 * a symlink is replaced by the new file; what it pointed to is never touched.
 * Gives the real path written.
 */
function writeFileAtomic(file, data, workspace, shown) {
    const dir = mkdirInside(path.dirname(path.resolve(file)), workspace, shown);
    const target = path.join(dir, path.basename(file));
    const temp = tempNameBeside(target);
    const fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644);
    try {
        fs.writeFileSync(fd, data);
    }
    finally {
        fs.closeSync(fd);
    }
    try {
        fs.renameSync(temp, target);
    }
    catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
    return target;
}
/**
 * Lets `write` produce `file` under a temporary name in the same (checked)
 * folder, then renames it into place: for writers that open the path
 * themselves (e.g. the zip writer), so a final symlink is never followed.
 */
async function writeThroughTemp(file, workspace, write, shown) {
    const dir = mkdirInside(path.dirname(path.resolve(file)), workspace, shown);
    const target = path.join(dir, path.basename(file));
    const temp = tempNameBeside(target);
    try {
        const result = await write(temp);
        fs.renameSync(temp, target);
        return result;
    }
    finally {
        fs.rmSync(temp, { force: true });
    }
}
/**
 * Removes `file` (a file, a folder with its contents, or a symlink) when it
 * lies inside the workspace. A symlink is removed as a link: what it points to
 * is never touched; a folder's contents are removed without following links.
 * Missing is fine. A path whose folder leads out of the workspace throws
 * PathOutsideWorkspace and nothing is removed.
 */
function removeInside(file, workspace, shown) {
    resolveInside(file, workspace, { followLast: false, ...(shown === undefined ? {} : { shown }) });
    let stat;
    try {
        stat = fs.lstatSync(file);
    }
    catch {
        return;
    }
    if (stat.isSymbolicLink() || !stat.isDirectory())
        fs.unlinkSync(file);
    else
        fs.rmSync(file, { recursive: true, force: true });
}

export { ApiError as A, BaselineUnavailable as B, InputError as I, LineStateBudgetExceeded as L, NothingToMeasure as N, PathOutsideWorkspace as P, ReportError as R, TokenTooLongError as T, UploadError as U, XmlError as X, removeInside as a, realLocation as b, InvalidSummary as c, PatchUnavailable as d, writeFileAtomic as e, writeThroughTemp as f, readMaturinProject as g, manifestArgument as h, isInside as i, reportFlags as j, simpleWords as k, liesInside as l, mkdirInside as m, llvmCovRun as n, openRegularFile as o, physicalPath as p, flagName as q, resolveInside as r, shellQuote as s, tomlStrings as t, tempNameBeside as u, workspaceOf as w };
