import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { f as setSecret, i as info$1, g as error$1, w as warning$1, n as notice$1, s as setOutput$1, a as setFailed$1, h as getInput } from './core-D1rfoYfl.js';
import * as path from 'node:path';
import * as fs from 'node:fs';

// Keeps secrets out of everything the action itself writes, logs or uploads
// (log lines, annotations, the job summary, coverage-summary.json, outputs):
// the values of secret-looking variables (ACTIONS_RUNTIME_TOKEN, INPUT_GITHUB-TOKEN,
// DEPLOY_TOKEN, ...), every value registered through registerSecret (which also
// masks it in the runner's log, like core.setSecret), and text that looks like a
// credential whatever its source: `Authorization: ...`, `Bearer xxx`, `token xxx`,
// GitHub token formats, `NAME=value` for secret-looking names, credentials in URLs.
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|APIKEY|ACCESS_KEY|CREDENTIALS?|AUTH)$/i;
const MASK = '***';
/** Values registered in this process (the github-token input, secrets seen in command inputs). */
const registered = new Set();
function remember(value) {
    for (const part of [value, ...value.split(/\r?\n/)]) {
        const trimmed = part.trim();
        if (trimmed.length >= 4)
            registered.add(trimmed);
    }
}
/** Masks `value` in the runner's log (core.setSecret) and in everything the action writes. */
function registerSecret(value) {
    if (value.trim() === '')
        return;
    setSecret(value);
    remember(value);
}
// NAME=value / --name=value / --name value for secret-looking names (quoted or not).
const ASSIGNMENT = /(\b[\w-]*(?:TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|APIKEY|ACCESS_KEY|CREDENTIALS?)=|--[\w-]*(?:token|password|passwd|secret|api-key|access-key) )("[^"]*"|'[^']*'|[^\s"'&;|]+)/gi;
/** Values assigned to secret-looking names in a command line (`env TOKEN=abc cmd`, `--password=abc`); registered too. */
function registerSecretsIn(commandLine) {
    for (const m of commandLine.matchAll(ASSIGNMENT)) {
        const value = (m[2] ?? '').replace(/^(['"])(.*)\1$/s, '$2');
        if (value.length >= 4)
            registerSecret(value);
    }
}
/** Text shapes that are credentials wherever they appear. */
const PATTERNS = [
    // An Authorization header's value: its scheme (if any) and credential, up to a space, quote or comma.
    [/(\b(?:proxy-)?authorization\b["']?\s*[:=]\s*["']?)(?:[A-Za-z]+[ \t]+)?[^\s"',}]+/gi, `$1${MASK}`],
    // Bearer / Basic / token schemes followed by a credential-looking word.
    [/\b(bearer|basic|token)(\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${MASK}`],
    // GitHub token formats (classic, fine-grained, app, OAuth, refresh).
    [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, MASK],
    // Credentials in a URL: scheme://user:password@host.
    [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi, `$1${MASK}@`],
    // NAME=value for secret-looking names, --token value.
    [ASSIGNMENT, `$1${MASK}`]
];
function envSecrets(env) {
    return Object.entries(env)
        .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= 6)
        .map(([, value]) => value.trim());
}
/**
 * A redactor for this environment: secret-looking variables (read now),
 * registered values (read at each call, so later registrations count) and
 * the credential patterns.
 */
function makeRedactor(env = process.env) {
    const fromEnv = envSecrets(env);
    return (text) => {
        if (typeof text !== 'string' || text === '')
            return text;
        let out = text;
        const secrets = [...fromEnv, ...registered].sort((a, b) => b.length - a.length);
        for (const secret of secrets)
            if (out.includes(secret))
                out = out.split(secret).join(MASK);
        for (const [pattern, replacement] of PATTERNS)
            out = out.replace(pattern, replacement);
        return out;
    };
}
let shared = null;
/** The process-wide redactor (process.env read once, registered values live). */
function redact(text) {
    shared ??= makeRedactor(process.env);
    return shared(text);
}
/** A copy of `value` with every string in it (not the keys) redacted: for JSON written or uploaded. */
function redactDeep(value, redactor = redact) {
    if (typeof value === 'string')
        return redactor(value);
    if (Array.isArray(value))
        return value.map((v) => redactDeep(v, redactor));
    if (value !== null && typeof value === 'object') {
        const out = {};
        for (const [k, v] of Object.entries(value))
            out[k] = redactDeep(v, redactor);
        return out;
    }
    return value;
}

// The action's own log lines and annotations. Every line is redacted, and a
// plain log line (info) can never become a workflow command: a value with a
// newline (a working-directory, a file name, a tool's message) is shown on one
// line with `⏎` where the line breaks were, and a line that would start with
// `::` is shown as `: :`. Annotations (notice, warning, error) go through the
// toolkit, which escapes their message (%0A, %0D, %25), and are counted per
// type: GitHub shows 10 per type per step, so past 9 the rest go to the log and
// flushAnnotations() adds one annotation saying how many and where to look.
// Named one by one, not core[type]: a computed member of the toolkit's namespace makes the bundler keep all of it
// (its OIDC client, undici), which the skip path of every other matrix entry would then load.
const ANNOTATE = {
    notice: notice$1,
    warning: warning$1,
    error: error$1
};
/** GitHub shows at most this many annotations of each type per step. */
const ANNOTATIONS_PER_TYPE = 10;
/** One line, safe for the log: redacted, line breaks shown as ⏎, no leading workflow command. */
function oneLine(text) {
    const flat = redact(String(text)).replace(/\r\n|\r|\n|\u2028|\u2029/g, '⏎');
    return /^\s*::/.test(flat) ? flat.replace('::', ': :') : flat;
}
/** A log line (never a workflow command). */
function info(message) {
    info$1(oneLine(message));
}
const shown = { notice: 0, warning: 0, error: 0 };
const heldBack = { notice: 0, warning: 0, error: 0 };
/** Slots kept free: one error for the failed step's own message (core.setFailed is an error annotation). */
const reserved = { notice: 0, warning: 0, error: 1 };
function annotate(type, message, properties = {}) {
    const text = redact(String(message));
    const props = { ...properties, ...(properties.title ? { title: redact(properties.title) } : {}) };
    // One slot per type stays free for the line that says how many were left out.
    if (shown[type] < ANNOTATIONS_PER_TYPE - 1 - reserved[type]) {
        shown[type]++;
        ANNOTATE[type](text, props);
        return true;
    }
    heldBack[type]++;
    const where = props.file ? `${props.file}${props.startLine ? `:${props.startLine}` : ''}: ` : '';
    info$1(oneLine(`${type}: ${where}${props.title ? `${props.title}: ` : ''}${text}`));
    return false;
}
/** A notice annotation (counted); gives false when it went to the log instead. */
const notice = (message, properties) => annotate('notice', message, properties);
/** A warning annotation (counted); gives false when it went to the log instead. */
const warning = (message, properties) => annotate('warning', message, properties);
/** An error annotation (counted); gives false when it went to the log instead. */
const error = (message, properties) => annotate('error', message, properties);
/** Fails the step with one redacted message (its error annotation uses the reserved slot). */
function setFailed(message) {
    setFailed$1(redact(String(message)));
}
/**
 * One annotation per type for those left out (how many, where to look); call
 * once after the last annotation of the step.
 */
function flushAnnotations() {
    for (const type of ['error', 'warning', 'notice']) {
        const count = heldBack[type];
        if (count === 0)
            continue;
        heldBack[type] = 0;
        shown[type]++;
        ANNOTATE[type](`${count} more ${type}(s) not shown as annotations (GitHub shows ${ANNOTATIONS_PER_TYPE} per type per step); see the job summary and the log.`);
    }
}
/** A step output, redacted. */
function setOutput(name, value) {
    setOutput$1(name, redact(value));
}

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

// The Python command the action writes when python-command is not given:
// every value in it (package, report path, each test path) is one shell word.
/**
 * python-tests as pytest arguments. A value of several lines gives one path per
 * line (so a path may hold spaces); a one-line value is split on whitespace.
 * Nothing in it is shell syntax: `tests; touch x` is three arguments for pytest.
 */
function testPathWords(raw) {
    const words = /[\r\n]/.test(raw.trim()) ? raw.split(/\r?\n|\r/).map((line) => line.trim()) : raw.trim().split(/\s+/);
    return words.filter((word) => word !== '');
}
/** `pytest --cov=<package> --cov-report=term --cov-report=xml:<xml> <tests...>`, each word quoted for bash. */
function generatedPytestCommand(pythonPackage, xmlPath, tests) {
    return ['pytest', `--cov=${pythonPackage}`, '--cov-report=term', `--cov-report=xml:${xmlPath}`, ...testPathWords(tests)].map(shellQuote).join(' ');
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

// Every input is read and validated here, once, into a typed Inputs object.
// A bad value throws an InputError whose one-line message names the input and
// says what was expected.
const defaultRead = (name) => getInput(name);
function readBoolean(read, name, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback;
    if (/^(true|True|TRUE)$/.test(raw))
        return true;
    if (/^(false|False|FALSE)$/.test(raw))
        return false;
    throw new InputError(name, 'must be true or false', raw);
}
function readInteger(read, name, min, max, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback;
    if (!/^\d+$/.test(raw) || Number(raw) < min || Number(raw) > max) {
        throw new InputError(name, `must be a whole number from ${min} to ${max}`, raw);
    }
    return Number(raw);
}
function readPercent(read, name) {
    const raw = read(name).replace(/%$/, '').trim();
    if (raw === '')
        return null;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value > 100) {
        throw new InputError(name, 'must be a percentage from 0 to 100 (e.g. 70 or 72.5), or empty for no gate', read(name));
    }
    return value;
}
function readMinutes(read, name, fallback) {
    const raw = read(name);
    if (raw === '')
        return fallback * 60_000;
    const value = Number(raw);
    if (!/^\d+(\.\d+)?$/.test(raw) || value <= 0 || value > 360) {
        throw new InputError(name, 'must be a number of minutes greater than 0 and at most 360', raw);
    }
    return Math.round(value * 60_000);
}
/** The artifact service's name rules (checked again before upload by the client). */
function artifactNameProblem(name) {
    if (name.trim() === '')
        return 'must not be empty';
    const bad = [...name].filter((c) => '":<>|*?\r\n\\/'.includes(c));
    if (bad.length > 0)
        return `must not contain ${[...new Set(bad)].map((c) => JSON.stringify(c)).join(' ')}`;
    return null;
}
/** The page's file name, which is also its artifact's name (an unzipped artifact is named after its file). */
function readPageName(read, summaryArtifactName) {
    // By default it follows the summary's artifact name, so jobs that give theirs a suffix (shards) get distinct pages.
    const fallback = summaryArtifactName.includes('coverage-summary')
        ? `${summaryArtifactName.replace('coverage-summary', 'coverage-report')}.html`
        : `${summaryArtifactName}-report.html`;
    const name = readArtifactName(read, 'page-artifact-name', fallback);
    if (!/^[^/\\]+\.html$/.test(name) || name.startsWith('.')) {
        throw new InputError('page-artifact-name', 'must be a file name ending in .html (the page is uploaded unzipped, named after its file)', name);
    }
    return name;
}
function readArtifactName(read, name, fallback) {
    const raw = read(name) || fallback;
    const problem = artifactNameProblem(raw);
    if (problem)
        throw new InputError(name, `is not a valid artifact name: it ${problem}`, raw);
    return raw;
}
/**
 * Resolves a path input against `base` and requires it to stay inside the
 * workspace, both as written and where it really leads (the realpath of its
 * nearest existing ancestor: a folder on the way that is a symlink leading out
 * is refused). The final name may be a symlink for paths the action replaces
 * (reports, coverage-summary.json); `followLast` judges it by where it leads.
 */
function readPathInside(read, name, fallback, base, workspace, followLast = false) {
    const raw = read(name) || fallback;
    if (raw.includes('\0'))
        throw new InputError(name, 'must be a path', raw);
    const resolved = path.resolve(base, raw);
    if (!isInside(resolved, workspace)) {
        throw new InputError(name, `must be a path inside the workspace (${workspace})`, raw);
    }
    try {
        resolveInside(resolved, workspace, { followLast });
    }
    catch {
        throw new InputError(name, `must lead to a place inside the workspace, but it leads to ${realLocation(resolved, followLast)} (a symlink on the way?)`, raw);
    }
    return resolved;
}
/** The real location of a path input (symlinked folders resolved, final name kept), for comparing two inputs. */
const realOf = (file) => realLocation(file, false);
/**
 * Two inputs naming the same file (or a path inside rust-html-dir, which the
 * report command replaces) would overwrite each other: refused with one line
 * naming both. Paths are compared after resolving symlinked folders.
 */
function refuseCollidingPaths(read, paths) {
    const real = paths.map((p) => realOf(p.file));
    for (let j = 0; j < paths.length; j++) {
        const b = paths[j];
        if (b.derived)
            continue;
        for (let i = 0; i < paths.length; i++) {
            const a = paths[i];
            if (i === j)
                continue;
            if (i < j && real[i] === real[j]) {
                throw new InputError(b.name, `must not name the same file as "${a.name}" (both are ${real[j]}): one would overwrite the other`, read(b.name));
            }
            if (a.folder && real[i] !== real[j] && isInside(real[j], real[i])) {
                throw new InputError(b.name, `must not lie inside "${a.name}" (${real[i]}), which the Rust report command replaces`, read(b.name));
            }
        }
    }
}
/** Each artifact of a run needs its own name (the service refuses a second one with 409). */
function refuseCollidingNames(names) {
    for (let i = 0; i < names.length; i++) {
        for (let j = i + 1; j < names.length; j++) {
            const [a, b] = [names[i], names[j]];
            if (a.value === b.value) {
                throw new InputError(a.name, `must differ from "${b.name}" (each artifact of a run needs its own name)`, a.value);
            }
        }
    }
}
/** A ref or commit for git: no option (leading '-'), no whitespace or control characters, no '..' ranges. */
function readGitRef(read, name) {
    const raw = read(name).trim();
    if (raw === '')
        return '';
    if (raw.startsWith('-') || /[\s\x00-\x1f\x7f:?*[\\]/.test(raw) || raw.includes('..')) {
        throw new InputError(name, 'must be a branch, tag or commit (e.g. origin/main, HEAD~3 or a SHA)', raw);
    }
    return raw;
}
function readToken(read, name) {
    const token = read(name).trim();
    if (token)
        registerSecret(token);
    return token;
}
function withPrefix(prefix, command) {
    return prefix ? `${prefix} ${command}` : command;
}
function readInputs(read = defaultRead, env = process.env) {
    const mode = read('mode') || 'run';
    if (mode !== 'run' && mode !== 'merge')
        throw new InputError('mode', 'must be run or merge', mode);
    const workspace = workspaceOf(env);
    // The commands run there: it must really lie inside the workspace (a symlink on the way is followed).
    const workingDirectory = readPathInside(read, 'working-directory', '.', workspace, workspace, true);
    const commandPrefix = read('command-prefix');
    // Secrets written into command inputs (env TOKEN=${{ secrets.X }} ...) are masked in all the action writes.
    for (const name of ['command-prefix', 'rust-command', 'rust-report-command', 'python-command'])
        registerSecretsIn(read(name));
    const inWd = (name, fallback) => readPathInside(read, name, fallback, workingDirectory, workspace);
    const rustEnabled = readBoolean(read, 'rust-enabled', true);
    const pythonEnabled = readBoolean(read, 'python-enabled', true);
    if (!rustEnabled && !pythonEnabled) {
        throw new NothingToMeasure();
    }
    const htmlDir = inWd('rust-html-dir', 'target/coverage/html');
    if (path.basename(htmlDir) !== 'html') {
        throw new InputError('rust-html-dir', 'must end in "/html" (cargo llvm-cov report --html writes <output-dir>/html)', read('rust-html-dir'));
    }
    const lcov = inWd('rust-lcov', 'target/coverage/rust.lcov');
    const xml = inWd('python-xml', 'target/coverage/python.xml');
    const runner = read('rust-test-runner').trim() || 'cargo-test';
    if (runner !== 'cargo-test' && runner !== 'nextest')
        throw new InputError('rust-test-runner', 'must be cargo-test or nextest', runner);
    const rustTest = read('rust-command') || `cargo llvm-cov ${runner === 'nextest' ? 'nextest ' : ''}--no-report --no-default-features --no-fail-fast`;
    const rustReport = read('rust-report-command') || 'cargo llvm-cov report';
    const fromPython = read('rust-from-python').trim() || 'auto';
    if (!/^(auto|true|True|TRUE|false|False|FALSE)$/.test(fromPython)) {
        throw new InputError('rust-from-python', 'must be auto, true or false', fromPython);
    }
    const extensionBuild = read('rust-extension-build-command').trim();
    const pythonPackage = read('python-package');
    const pythonTests = read('python-tests') || 'tests';
    let pythonCommand = read('python-command');
    if (pythonCommand === '') {
        if (pythonEnabled && pythonPackage === '' && mode === 'run') {
            throw new InputError('python-package', 'is required for the Python suite (the package given to pytest --cov=), unless python-command is set or python-enabled is false', '');
        }
        if (!/^[\w.\-/]+$/.test(pythonPackage) && pythonPackage !== '') {
            throw new InputError('python-package', 'must be a package or path name (letters, digits, _ . - /)', pythonPackage);
        }
        pythonCommand = generatedPytestCommand(pythonPackage, path.relative(workingDirectory, xml) || xml, pythonTests);
    }
    const inputs = {
        mode,
        matrixValue: read('matrix-value'),
        coverageOn: read('coverage-on') || '3.12',
        workspace,
        workingDirectory,
        commandPrefix,
        rust: {
            enabled: rustEnabled,
            testCommand: withPrefix(commandPrefix, rustTest),
            reportCommand: withPrefix(commandPrefix, rustReport),
            customTestCommand: read('rust-command') !== '',
            customReportCommand: read('rust-report-command') !== '',
            fromPython: fromPython === 'auto' ? 'auto' : /^true$/i.test(fromPython),
            extensionBuildCommand: extensionBuild ? withPrefix(commandPrefix, extensionBuild) : '',
            cobertura: readBoolean(read, 'rust-cobertura', true),
            lcov,
            htmlDir,
            timeoutMs: readMinutes(read, 'rust-timeout-minutes', 30),
            minLines: readPercent(read, 'rust-min-lines'),
            artifactName: readArtifactName(read, 'rust-artifact-name', 'rust-coverage')
        },
        python: {
            enabled: pythonEnabled,
            command: withPrefix(commandPrefix, pythonCommand),
            xml,
            timeoutMs: readMinutes(read, 'python-timeout-minutes', 30),
            minLines: readPercent(read, 'python-min-lines'),
            artifactName: readArtifactName(read, 'python-artifact-name', 'python-coverage')
        },
        upload: readBoolean(read, 'upload', true),
        uploadTimeoutMs: readMinutes(read, 'upload-timeout-minutes', 10),
        retentionDays: readInteger(read, 'retention-days', 1, 90, null),
        compressionLevel: readInteger(read, 'compression-level', 0, 9, 6) ?? 6,
        nonBlocking: readBoolean(read, 'non-blocking', true),
        summaryFiles: readInteger(read, 'summary-files', 0, 100, 10) ?? 10,
        summaryJson: inWd('summary-json', 'target/coverage/coverage-summary.json'),
        summaryArtifactName: readArtifactName(read, 'summary-artifact-name', 'coverage-summary'),
        pageName: readPageName(read, readArtifactName(read, 'summary-artifact-name', 'coverage-summary')),
        patch: {
            enabled: readBoolean(read, 'patch-coverage', true),
            base: readGitRef(read, 'patch-base'),
            minPatch: readPercent(read, 'min-patch'),
            annotate: readBoolean(read, 'patch-annotations', true)
        },
        baseline: {
            enabled: readBoolean(read, 'baseline', true),
            branch: readGitRef(read, 'baseline-branch'),
            maxDrop: readPercent(read, 'max-drop')
        },
        comment: readBoolean(read, 'comment', false),
        githubCodeCoverage: readBoolean(read, 'github-code-coverage', false),
        githubToken: readToken(read, 'github-token')
    };
    refuseCollisions(read, inputs);
    return inputs;
}
/** Paths and artifact names of the suites in use that would overwrite each other. */
function refuseCollisions(read, inputs) {
    const { rust, python } = inputs;
    const beside = (file, name) => path.join(path.dirname(file), name);
    // Files the action writes beside the reports come first, so a clash names the input.
    const paths = [
        ...(rust.enabled
            ? [
                ...(rust.cobertura
                    ? [{ name: 'rust.cobertura.xml (written beside rust-lcov)', file: beside(rust.lcov, 'rust.cobertura.xml'), derived: true }]
                    : []),
                { name: 'rust-html.zip (written beside rust-lcov)', file: beside(rust.lcov, 'rust-html.zip'), derived: true },
                { name: 'rust-html-dir', file: rust.htmlDir, folder: true },
                { name: 'rust-lcov', file: rust.lcov }
            ]
            : []),
        ...(python.enabled
            ? [
                { name: 'python-output.txt (written beside python-xml)', file: beside(python.xml, 'python-output.txt'), derived: true },
                { name: 'python-coverage.txt (written beside python-xml)', file: beside(python.xml, 'python-coverage.txt'), derived: true },
                { name: 'python-xml', file: python.xml }
            ]
            : []),
        { name: 'summary-json', file: inputs.summaryJson }
    ];
    refuseCollidingPaths(read, paths);
    if (!inputs.upload)
        return;
    refuseCollidingNames([
        ...(rust.enabled ? [{ name: 'rust-artifact-name', value: rust.artifactName }] : []),
        ...(python.enabled ? [{ name: 'python-artifact-name', value: python.artifactName }] : []),
        { name: 'summary-artifact-name', value: inputs.summaryArtifactName }
    ]);
}

export { ApiError as A, BaselineUnavailable as B, InputError as I, LineStateBudgetExceeded as L, PathOutsideWorkspace as P, ReportError as R, TokenTooLongError as T, UploadError as U, XmlError as X, setOutput as a, resolveInside as b, removeInside as c, workspaceOf as d, error as e, flushAnnotations as f, isInside as g, realLocation as h, info as i, InvalidSummary as j, artifactNameProblem as k, liesInside as l, mkdirInside as m, notice as n, PatchUnavailable as o, writeFileAtomic as p, redactDeep as q, readInputs as r, setFailed as s, writeThroughTemp as t, shellQuote as u, makeRedactor as v, warning as w };
