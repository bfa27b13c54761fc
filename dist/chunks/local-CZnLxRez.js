import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

// The runner's GITHUB_OUTPUT file as @actions/core writes it: one
// `name<<delimiter` line, the value's lines, then the delimiter alone. Read
// back by a local run (to list the outputs) and by the tests. Pure.
/** The outputs in the file, in the order written; a later value of the same name wins. */
function parseOutputFile(text) {
    const outputs = new Map();
    const lines = text.split('\n');
    for (let i = 0; i < lines.length; i++) {
        const m = /^([^=<]+)<<(.+)$/.exec(lines[i] ?? '');
        if (!m)
            continue;
        const value = [];
        while (i + 1 < lines.length && lines[++i] !== m[2])
            value.push(lines[i] ?? '');
        outputs.set(m[1], value.join('\n'));
    }
    return outputs;
}

// The action's input names, as action.yml declares them (a unit test keeps the
// two equal), for the flags of a local run: an unknown flag is an error naming
// the closest input, never silently ignored.
const INPUT_NAMES = [
    'mode',
    'matrix-value',
    'coverage-on',
    'working-directory',
    'command-prefix',
    'rust-command-prefix',
    'python-command-prefix',
    'rust-enabled',
    'python-enabled',
    'rust-command',
    'rust-test-runner',
    'rust-report-command',
    'rust-cobertura',
    'rust-from-python',
    'rust-extension-build-command',
    'rust-packages',
    'python-package',
    'python-tests',
    'python-command',
    'python-subprocess',
    'parallel-suites',
    'rust-timeout-minutes',
    'python-timeout-minutes',
    'rust-lcov',
    'rust-html-dir',
    'python-xml',
    'rust-artifact-name',
    'rust-html-artifact-name',
    'python-artifact-name',
    'upload',
    'upload-timeout-minutes',
    'retention-days',
    'compression-level',
    'non-blocking',
    'rust-min-lines',
    'python-min-lines',
    'summary-files',
    'summary-json',
    'summary-artifact-name',
    'page-artifact-name',
    'patch-coverage',
    'patch-base',
    'min-patch',
    'patch-annotations',
    'baseline',
    'baseline-branch',
    'max-drop',
    'comment',
    'github-code-coverage',
    'github-token'
];
/** Edit distance (insertions, deletions, substitutions). */
function distance(a, b) {
    let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
    for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) {
            current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        }
        previous = current;
    }
    return previous[b.length];
}
/** Whether the letters of `short` appear in `long` in order (e.g. python-pkg in python-package). */
function isSubsequence(short, long) {
    let at = 0;
    for (const c of long)
        if (c === short[at])
            at++;
    return at === short.length;
}
/** The input name closest to `name`: fewest edits, an abbreviation (letters in order) counting far fewer. */
function closestInput(name) {
    let best = INPUT_NAMES[0];
    let bestScore = Infinity;
    for (const candidate of INPUT_NAMES) {
        const edits = distance(name, candidate);
        const score = isSubsequence(name, candidate) ? edits * 0.3 : edits;
        if (score < bestScore) {
            best = candidate;
            bestScore = score;
        }
    }
    return best;
}

// A run from a developer's machine (outside GitHub Actions): inputs come from
// command-line flags (`--python-package mixed_demo`, `--rust-min-lines=70`),
// workflow commands are shown as plain lines (warnings, groups, annotations
// with file:line), outputs are listed at the end, the summary goes to the
// terminal and the reports stay under target/coverage. Nothing is uploaded.
const USAGE = `Usage: node dist/index.js [--<input> <value> | --<input>=<value>]...

Runs the coverage pipeline of the rust-python-coverage action here: the Rust and
Python commands, the reports under target/coverage, the summary printed below.
Inputs are the action's (see action.yml / README), e.g.:

  node dist/index.js --working-directory examples/mixed-project \\
    --python-package mixed_demo --python-tests tests/python --rust-min-lines 70

Patch coverage against a branch: --patch-base origin/main`;
/** Turns flags into INPUT_* variables, as the runner would set them. */
function inputsFromArgs(argv, env) {
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        if (arg === '--help' || arg === '-h')
            return { ok: false, message: USAGE, exitCode: 0 };
        const m = /^--([a-z][a-z0-9-]*)(?:=(.*))?$/s.exec(arg);
        if (!m)
            return { ok: false, message: `Unexpected argument ${JSON.stringify(arg)}: inputs are given as --<input> <value>\n\n${USAGE}`, exitCode: 2 };
        const name = m[1];
        if (!INPUT_NAMES.includes(name)) {
            return {
                ok: false,
                message: `Unknown input --${name}: did you mean --${closestInput(name)}? (the inputs are listed in action.yml)`,
                exitCode: 2
            };
        }
        let value = m[2];
        if (value === undefined) {
            const next = argv[i + 1];
            if (next === undefined || next.startsWith('--'))
                return { ok: false, message: `Input --${m[1]} needs a value`, exitCode: 2 };
            value = next;
            i++;
        }
        env[`INPUT_${m[1].toUpperCase()}`] = value;
    }
    return { ok: true };
}
const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
const unescapeProperty = (s) => unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
/** One workflow command as a terminal line; null to show nothing. Outputs are collected. */
function humanLine(line, outputs, debug) {
    const m = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/s.exec(line);
    if (!m)
        return line;
    const [, command, props = '', data = ''] = m;
    const properties = new Map(props
        .split(',')
        .filter(Boolean)
        .map((p) => {
        const at = p.indexOf('=');
        return [p.slice(0, at), unescapeProperty(p.slice(at + 1))];
    }));
    const message = unescapeData(data);
    switch (command) {
        case 'group':
            return `\n── ${message}`;
        case 'endgroup':
        case 'add-mask':
            return null;
        case 'debug':
            return debug ? `debug: ${message}` : null;
        case 'set-output':
            outputs.set(properties.get('name') ?? '', message);
            return null;
        case 'warning':
        case 'error':
        case 'notice': {
            const file = properties.get('file');
            const line = properties.get('line');
            const end = properties.get('endLine');
            const where = file ? `${file}${line ? `:${line}${end && end !== line ? `-${end}` : ''}` : ''}: ` : '';
            const title = properties.get('title');
            return `${command}: ${where}${title ? `${title}: ` : ''}${message}`;
        }
        default:
            return line;
    }
}
/**
 * Rewrites the action's workflow commands on stdout into plain lines and sends
 * outputs to a temporary file; returns a function that lists them.
 */
function humanConsole(env) {
    const outputs = new Map();
    const debug = env['RUNNER_DEBUG'] === '1';
    const outputFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rust-python-coverage-')), 'outputs');
    fs.writeFileSync(outputFile, '');
    env['GITHUB_OUTPUT'] = outputFile;
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk, ...rest) => {
        const text = typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8');
        if (!text.startsWith('::'))
            return write(chunk, ...rest);
        const shown = text
            .split(/\r?\n/)
            .filter((l, i, all) => l !== '' || i < all.length - 1)
            .map((l) => humanLine(l, outputs, debug))
            .filter((l) => l !== null);
        return shown.length === 0 ? true : write(`${shown.join('\n')}\n`);
    });
    return () => {
        for (const [name, value] of parseOutputFile(fs.readFileSync(outputFile, 'utf8')))
            outputs.set(name, value);
        fs.rmSync(path.dirname(outputFile), { recursive: true, force: true });
        if (outputs.size === 0)
            return;
        const width = Math.max(...[...outputs.keys()].map((k) => k.length));
        write(`\nOutputs:\n${[...outputs].map(([k, v]) => `  ${k.padEnd(width)}  ${v}`).join('\n')}\n`);
    };
}

export { humanConsole, humanLine, inputsFromArgs };
