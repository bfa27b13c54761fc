import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import { f as setSecret, i as info$1, g as error$1, w as warning$1, n as notice$1, s as setOutput$1, a as setFailed$1, h as getInput } from './core-D1rfoYfl.js';
import * as path from 'node:path';
import { s as shellQuote, t as tomlStrings, g as readMaturinProject, I as InputError, w as workspaceOf, N as NothingToMeasure, i as isInside, r as resolveInside, b as realLocation, j as reportFlags } from './workspace-fs-DBwuGUFX.js';
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
/**
 * `python -m pytest --cov=<package> --cov-report=term --cov-report=xml:<xml> <tests...>`, each word quoted for bash:
 * pytest runs in the interpreter of the environment (the one command-prefix selects, e.g. `uv run python`), not
 * whichever `pytest` script is first on PATH.
 */
function generatedPytestCommand(pythonPackage, xmlPath, tests) {
    return ['python', '-m', 'pytest', `--cov=${pythonPackage}`, '--cov-report=term', `--cov-report=xml:${xmlPath}`, ...testPathWords(tests)]
        .map(shellQuote)
        .join(' ');
}

// The Python package to measure when python-package is empty, found where the
// project itself says it is: maturin's `[tool.maturin] module-name` (its
// top-level package), else the single package under `python-source`, else the
// single package under src/ (src layout) or in the working directory (flat
// layout); a maturin project with no Python source of its own is measured as
// its extension's name (`[lib] name` of the crate, else its package name).
// Also the likely package named by the wrong-package finding.
/** Folders of a flat layout that are never the package under test. */
const NOT_THE_PACKAGE = new Set([
    'tests',
    'test',
    'testing',
    'docs',
    'doc',
    'examples',
    'example',
    'scripts',
    'benches',
    'benchmarks',
    'build',
    'dist',
    'target',
    'site-packages'
]);
const IDENTIFIER = /^[A-Za-z_]\w*$/;
/** The package folders (holding __init__.py) directly under `dir`, sorted. */
function packagesIn(dir) {
    let entries;
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    }
    catch {
        return [];
    }
    return entries
        .filter((e) => e.isDirectory() && IDENTIFIER.test(e.name) && !NOT_THE_PACKAGE.has(e.name))
        .filter((e) => fs.existsSync(path.join(dir, e.name, '__init__.py')))
        .map((e) => e.name)
        .sort();
}
function readText(file) {
    try {
        return fs.readFileSync(file, 'utf8');
    }
    catch {
        return null;
    }
}
/** The package pytest --cov= should measure in `workingDirectory`, or null when the project does not say it unambiguously. */
function inferPythonPackage(workingDirectory) {
    const pyproject = readText(path.join(workingDirectory, 'pyproject.toml'));
    const maturin = pyproject === null ? new Map() : tomlStrings(pyproject, 'tool.maturin');
    const moduleName = maturin.get('module-name')?.trim() ?? '';
    const top = moduleName.split('.')[0] ?? '';
    if (IDENTIFIER.test(top))
        return { name: top, from: `pyproject.toml [tool.maturin] module-name = "${moduleName}"` };
    const source = maturin.get('python-source')?.trim();
    if (source) {
        const found = packagesIn(path.resolve(workingDirectory, source));
        if (found.length === 1)
            return { name: found[0], from: `the one package in ${source}/ ([tool.maturin] python-source)` };
        return null;
    }
    for (const [dir, layout] of [
        ['src', 'src layout'],
        ['.', 'flat layout']
    ]) {
        const found = packagesIn(path.join(workingDirectory, dir));
        if (found.length === 1)
            return { name: found[0], from: `the one package in ${dir === '.' ? 'the working directory' : `${dir}/`} (${layout})` };
        if (found.length > 1)
            return null;
    }
    if (pyproject !== null && readMaturinProject(workingDirectory).maturinBackend)
        return extensionName(workingDirectory);
    return null;
}
/** A maturin project without Python source: its extension module's name, as maturin names it. */
function extensionName(workingDirectory) {
    const manifest = readMaturinProject(workingDirectory).manifestPath;
    const cargo = manifest === null ? null : readText(manifest);
    if (cargo === null)
        return null;
    const lib = tomlStrings(cargo, 'lib').get('name');
    if (lib && IDENTIFIER.test(lib))
        return { name: lib, from: "the crate's [lib] name (a maturin project without Python source)" };
    const name = tomlStrings(cargo, 'package').get('name')?.replace(/-/g, '_');
    if (name && IDENTIFIER.test(name))
        return { name, from: "the crate's package name (a maturin project without Python source)" };
    return null;
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
/** The zipped HTML report's file name, which is also its artifact's name (uploaded unzipped: one zip, not a zip inside a zip). */
function readHtmlArtifactName(read, rustArtifactName) {
    // By default it follows rust-artifact-name, so shard jobs that give theirs a suffix get distinct ones.
    const name = readArtifactName(read, 'rust-html-artifact-name', `${rustArtifactName}-html.zip`);
    if (!/^[^/\\]+\.zip$/.test(name) || name.startsWith('.')) {
        throw new InputError('rust-html-artifact-name', 'must be a file name ending in .zip (the HTML report is uploaded unzipped, named after its file)', name);
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
/** rust-packages: cargo package names, space- or newline-separated; they narrow the default commands only. */
function readPackages(read, customTest) {
    const raw = read('rust-packages');
    const names = raw.split(/[\s,]+/).filter(Boolean);
    if (names.length === 0)
        return [];
    const bad = names.find((n) => !/^[A-Za-z0-9_-]+$/.test(n));
    if (bad !== undefined) {
        throw new InputError('rust-packages', `must be cargo package names (letters, digits, - and _), space- or newline-separated; "${bad}" is not one`, raw);
    }
    if (customTest) {
        throw new InputError('rust-packages', 'narrows the default rust-command only: with your own rust-command, give --package there (the report measures the same packages)', raw);
    }
    return names;
}
/** Report-side flags of rust-command moved to the report commands, or one InputError when they cannot move. */
function readReportFlags(command, customReport) {
    const flags = reportFlags(command, customReport);
    if (flags.ok)
        return flags;
    const where = flags.canMove
        ? `give it in rust-report-command (e.g. "cargo llvm-cov report ${flags.flag} ...")${customReport ? '' : ', or write rust-command as one plain cargo llvm-cov command so it is moved there'}`
        : flags.why;
    throw new InputError('rust-command', `must not carry ${flags.flag}: cargo llvm-cov --no-report ignores it (it acts only on a report); ${where}`, command);
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
    // Per suite, so the Python environment's `uv run ...` need not wrap every cargo command; command-prefix is the default of both.
    const commandPrefix = read('command-prefix').trim();
    const rustPrefix = read('rust-command-prefix').trim() || commandPrefix;
    const pythonPrefix = read('python-command-prefix').trim() || commandPrefix;
    // Secrets written into command inputs (env TOKEN=${{ secrets.X }} ...) are masked in all the action writes.
    const commandInputs = ['command-prefix', 'rust-command-prefix', 'python-command-prefix', 'rust-command', 'rust-report-command', 'python-command'];
    for (const name of commandInputs)
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
    const customTest = read('rust-command') !== '';
    const customReport = read('rust-report-command') !== '';
    const flags = customTest ? readReportFlags(read('rust-command'), customReport) : { testCommand: '', reportArgs: '', moved: [] };
    const rustTest = customTest
        ? flags.testCommand
        : `cargo llvm-cov ${runner === 'nextest' ? 'nextest ' : ''}--no-report --no-default-features --no-fail-fast`;
    const rustReport = read('rust-report-command') || 'cargo llvm-cov report';
    const packages = readPackages(read, customTest);
    const fromPython = read('rust-from-python').trim() || 'auto';
    if (!/^(auto|true|True|TRUE|false|False|FALSE)$/.test(fromPython)) {
        throw new InputError('rust-from-python', 'must be auto, true or false', fromPython);
    }
    const extensionBuild = read('rust-extension-build-command').trim();
    const givenPackage = read('python-package');
    const pythonTests = read('python-tests') || 'tests';
    let pythonCommand = read('python-command');
    let pythonPackage = givenPackage;
    let packageFrom = null;
    if (pythonCommand === '') {
        if (pythonEnabled && pythonPackage === '' && mode === 'run') {
            const inferred = inferPythonPackage(workingDirectory);
            if (!inferred) {
                throw new InputError('python-package', 'is required for the Python suite (the package given to pytest --cov=) when it cannot be inferred ([tool.maturin] module-name or python-source in pyproject.toml, or one package under src/ or in the working directory), unless python-command is set or python-enabled is false', '');
            }
            pythonPackage = inferred.name;
            packageFrom = inferred.from;
        }
        if (!/^[\w.\-/]+$/.test(pythonPackage) && pythonPackage !== '') {
            throw new InputError('python-package', 'must be a package or path name (letters, digits, _ . - /)', pythonPackage);
        }
        pythonCommand = generatedPytestCommand(pythonPackage, path.relative(workingDirectory, xml) || xml, pythonTests);
    }
    const rustArtifactName = readArtifactName(read, 'rust-artifact-name', 'rust-coverage');
    const inputs = {
        mode,
        matrixValue: read('matrix-value'),
        coverageOn: read('coverage-on') || '3.12',
        workspace,
        workingDirectory,
        rust: {
            enabled: rustEnabled,
            commandPrefix: rustPrefix,
            testCommand: withPrefix(rustPrefix, rustTest),
            reportCommand: withPrefix(rustPrefix, rustReport),
            customTestCommand: customTest,
            customReportCommand: customReport,
            fromPython: fromPython === 'auto' ? 'auto' : /^true$/i.test(fromPython),
            // The build installs the extension where the Python tests import it: through their prefix (e.g. uv's environment).
            extensionBuildCommand: extensionBuild ? withPrefix(pythonPrefix, extensionBuild) : '',
            packages,
            reportArgs: flags.reportArgs,
            movedFlags: flags.moved,
            cobertura: readBoolean(read, 'rust-cobertura', true),
            lcov,
            htmlDir,
            timeoutMs: readMinutes(read, 'rust-timeout-minutes', 30),
            minLines: readPercent(read, 'rust-min-lines'),
            artifactName: rustArtifactName,
            htmlArtifactName: readHtmlArtifactName(read, rustArtifactName)
        },
        python: {
            enabled: pythonEnabled,
            commandPrefix: pythonPrefix,
            command: withPrefix(pythonPrefix, pythonCommand),
            package: pythonPackage,
            packageFrom,
            subprocess: readBoolean(read, 'python-subprocess', false),
            xml,
            timeoutMs: readMinutes(read, 'python-timeout-minutes', 30),
            minLines: readPercent(read, 'python-min-lines'),
            artifactName: readArtifactName(read, 'python-artifact-name', 'python-coverage')
        },
        parallelSuites: readBoolean(read, 'parallel-suites', true),
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
                {
                    name: `${rust.htmlArtifactName} (rust-html-artifact-name, written beside rust-lcov)`,
                    file: beside(rust.lcov, rust.htmlArtifactName),
                    derived: true
                },
                { name: 'rust-html-dir', file: rust.htmlDir, folder: true },
                { name: 'rust-lcov', file: rust.lcov }
            ]
            : []),
        ...(python.enabled
            ? [
                { name: 'python-output.txt (written beside python-xml)', file: beside(python.xml, 'python-output.txt'), derived: true },
                { name: 'python-coverage.txt (written beside python-xml)', file: beside(python.xml, 'python-coverage.txt'), derived: true },
                ...(python.subprocess
                    ? [{ name: 'coverage-subprocess.ini (written beside python-xml)', file: beside(python.xml, 'coverage-subprocess.ini'), derived: true }]
                    : []),
                { name: 'python-xml', file: python.xml }
            ]
            : []),
        { name: 'summary-json', file: inputs.summaryJson }
    ];
    refuseCollidingPaths(read, paths);
    if (!inputs.upload)
        return;
    refuseCollidingNames([
        ...(rust.enabled
            ? [
                { name: 'rust-artifact-name', value: rust.artifactName },
                { name: 'rust-html-artifact-name', value: rust.htmlArtifactName }
            ]
            : []),
        ...(python.enabled ? [{ name: 'python-artifact-name', value: python.artifactName }] : []),
        { name: 'summary-artifact-name', value: inputs.summaryArtifactName },
        { name: 'page-artifact-name', value: inputs.pageName }
    ]);
}

export { artifactNameProblem as a, setOutput as b, redactDeep as c, inferPythonPackage as d, error as e, flushAnnotations as f, info as i, makeRedactor as m, notice as n, readInputs as r, setFailed as s, warning as w };
