import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as path from 'node:path';
import * as fs$1 from 'node:fs';
import * as os from 'os';
import os__default, { EOL } from 'os';
import * as crypto from 'crypto';
import * as fs from 'fs';
import { promises, constants } from 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import { spawnSync, spawn } from 'node:child_process';
import { finished } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
/**
 * Sanitizes an input into a string so it can be passed into issueCommand safely
 * @param input input to sanitize into a string
 */
function toCommandValue(input) {
    if (input === null || input === undefined) {
        return '';
    }
    else if (typeof input === 'string' || input instanceof String) {
        return input;
    }
    return JSON.stringify(input);
}
/**
 *
 * @param annotationProperties
 * @returns The command properties to send with the actual annotation command
 * See IssueCommandProperties: https://github.com/actions/runner/blob/main/src/Runner.Worker/ActionCommandManager.cs#L646
 */
function toCommandProperties(annotationProperties) {
    if (!Object.keys(annotationProperties).length) {
        return {};
    }
    return {
        title: annotationProperties.title,
        file: annotationProperties.file,
        line: annotationProperties.startLine,
        endLine: annotationProperties.endLine,
        col: annotationProperties.startColumn,
        endColumn: annotationProperties.endColumn
    };
}

/**
 * Issues a command to the GitHub Actions runner
 *
 * @param command - The command name to issue
 * @param properties - Additional properties for the command (key-value pairs)
 * @param message - The message to include with the command
 * @remarks
 * This function outputs a specially formatted string to stdout that the Actions
 * runner interprets as a command. These commands can control workflow behavior,
 * set outputs, create annotations, mask values, and more.
 *
 * Command Format:
 *   ::name key=value,key=value::message
 *
 * @example
 * ```typescript
 * // Issue a warning annotation
 * issueCommand('warning', {}, 'This is a warning message');
 * // Output: ::warning::This is a warning message
 *
 * // Set an environment variable
 * issueCommand('set-env', { name: 'MY_VAR' }, 'some value');
 * // Output: ::set-env name=MY_VAR::some value
 *
 * // Add a secret mask
 * issueCommand('add-mask', {}, 'secretValue123');
 * // Output: ::add-mask::secretValue123
 * ```
 *
 * @internal
 * This is an internal utility function that powers the public API functions
 * such as setSecret, warning, error, and exportVariable.
 */
function issueCommand(command, properties, message) {
    const cmd = new Command(command, properties, message);
    process.stdout.write(cmd.toString() + os.EOL);
}
function issue(name, message = '') {
    issueCommand(name, {}, message);
}
const CMD_STRING = '::';
class Command {
    constructor(command, properties, message) {
        if (!command) {
            command = 'missing.command';
        }
        this.command = command;
        this.properties = properties;
        this.message = message;
    }
    toString() {
        let cmdStr = CMD_STRING + this.command;
        if (this.properties && Object.keys(this.properties).length > 0) {
            cmdStr += ' ';
            let first = true;
            for (const key in this.properties) {
                if (this.properties.hasOwnProperty(key)) {
                    const val = this.properties[key];
                    if (val) {
                        if (first) {
                            first = false;
                        }
                        else {
                            cmdStr += ',';
                        }
                        cmdStr += `${key}=${escapeProperty(val)}`;
                    }
                }
            }
        }
        cmdStr += `${CMD_STRING}${escapeData(this.message)}`;
        return cmdStr;
    }
}
function escapeData(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A');
}
function escapeProperty(s) {
    return toCommandValue(s)
        .replace(/%/g, '%25')
        .replace(/\r/g, '%0D')
        .replace(/\n/g, '%0A')
        .replace(/:/g, '%3A')
        .replace(/,/g, '%2C');
}

// For internal use, subject to change.
// We use any as a valid input type
/* eslint-disable @typescript-eslint/no-explicit-any */
function issueFileCommand(command, message) {
    const filePath = process.env[`GITHUB_${command}`];
    if (!filePath) {
        throw new Error(`Unable to find environment variable for file command ${command}`);
    }
    if (!fs.existsSync(filePath)) {
        throw new Error(`Missing file at path: ${filePath}`);
    }
    fs.appendFileSync(filePath, `${toCommandValue(message)}${os.EOL}`, {
        encoding: 'utf8'
    });
}
function prepareKeyValueMessage(key, value) {
    const delimiter = `ghadelimiter_${crypto.randomUUID()}`;
    const convertedValue = toCommandValue(value);
    // These should realistically never happen, but just in case someone finds a
    // way to exploit uuid generation let's not allow keys or values that contain
    // the delimiter.
    if (key.includes(delimiter)) {
        throw new Error(`Unexpected input: name should not contain the delimiter "${delimiter}"`);
    }
    if (convertedValue.includes(delimiter)) {
        throw new Error(`Unexpected input: value should not contain the delimiter "${delimiter}"`);
    }
    return `${key}<<${delimiter}${os.EOL}${convertedValue}${os.EOL}${delimiter}`;
}

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

var __awaiter = (undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { access, appendFile, writeFile } = promises;
const SUMMARY_ENV_VAR = 'GITHUB_STEP_SUMMARY';
class Summary {
    constructor() {
        this._buffer = '';
    }
    /**
     * Finds the summary file path from the environment, rejects if env var is not found or file does not exist
     * Also checks r/w permissions.
     *
     * @returns step summary file path
     */
    filePath() {
        return __awaiter(this, void 0, void 0, function* () {
            if (this._filePath) {
                return this._filePath;
            }
            const pathFromEnv = process.env[SUMMARY_ENV_VAR];
            if (!pathFromEnv) {
                throw new Error(`Unable to find environment variable for $${SUMMARY_ENV_VAR}. Check if your runtime environment supports job summaries.`);
            }
            try {
                yield access(pathFromEnv, constants.R_OK | constants.W_OK);
            }
            catch (_a) {
                throw new Error(`Unable to access summary file: '${pathFromEnv}'. Check if the file has correct read/write permissions.`);
            }
            this._filePath = pathFromEnv;
            return this._filePath;
        });
    }
    /**
     * Wraps content in an HTML tag, adding any HTML attributes
     *
     * @param {string} tag HTML tag to wrap
     * @param {string | null} content content within the tag
     * @param {[attribute: string]: string} attrs key-value list of HTML attributes to add
     *
     * @returns {string} content wrapped in HTML element
     */
    wrap(tag, content, attrs = {}) {
        const htmlAttrs = Object.entries(attrs)
            .map(([key, value]) => ` ${key}="${value}"`)
            .join('');
        if (!content) {
            return `<${tag}${htmlAttrs}>`;
        }
        return `<${tag}${htmlAttrs}>${content}</${tag}>`;
    }
    /**
     * Writes text in the buffer to the summary buffer file and empties buffer. Will append by default.
     *
     * @param {SummaryWriteOptions} [options] (optional) options for write operation
     *
     * @returns {Promise<Summary>} summary instance
     */
    write(options) {
        return __awaiter(this, void 0, void 0, function* () {
            const overwrite = !!(options === null || options === void 0 ? void 0 : options.overwrite);
            const filePath = yield this.filePath();
            const writeFunc = overwrite ? writeFile : appendFile;
            yield writeFunc(filePath, this._buffer, { encoding: 'utf8' });
            return this.emptyBuffer();
        });
    }
    /**
     * Clears the summary buffer and wipes the summary file
     *
     * @returns {Summary} summary instance
     */
    clear() {
        return __awaiter(this, void 0, void 0, function* () {
            return this.emptyBuffer().write({ overwrite: true });
        });
    }
    /**
     * Returns the current summary buffer as a string
     *
     * @returns {string} string of summary buffer
     */
    stringify() {
        return this._buffer;
    }
    /**
     * If the summary buffer is empty
     *
     * @returns {boolen} true if the buffer is empty
     */
    isEmptyBuffer() {
        return this._buffer.length === 0;
    }
    /**
     * Resets the summary buffer without writing to summary file
     *
     * @returns {Summary} summary instance
     */
    emptyBuffer() {
        this._buffer = '';
        return this;
    }
    /**
     * Adds raw text to the summary buffer
     *
     * @param {string} text content to add
     * @param {boolean} [addEOL=false] (optional) append an EOL to the raw text (default: false)
     *
     * @returns {Summary} summary instance
     */
    addRaw(text, addEOL = false) {
        this._buffer += text;
        return addEOL ? this.addEOL() : this;
    }
    /**
     * Adds the operating system-specific end-of-line marker to the buffer
     *
     * @returns {Summary} summary instance
     */
    addEOL() {
        return this.addRaw(EOL);
    }
    /**
     * Adds an HTML codeblock to the summary buffer
     *
     * @param {string} code content to render within fenced code block
     * @param {string} lang (optional) language to syntax highlight code
     *
     * @returns {Summary} summary instance
     */
    addCodeBlock(code, lang) {
        const attrs = Object.assign({}, (lang && { lang }));
        const element = this.wrap('pre', this.wrap('code', code), attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML list to the summary buffer
     *
     * @param {string[]} items list of items to render
     * @param {boolean} [ordered=false] (optional) if the rendered list should be ordered or not (default: false)
     *
     * @returns {Summary} summary instance
     */
    addList(items, ordered = false) {
        const tag = ordered ? 'ol' : 'ul';
        const listItems = items.map(item => this.wrap('li', item)).join('');
        const element = this.wrap(tag, listItems);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML table to the summary buffer
     *
     * @param {SummaryTableCell[]} rows table rows
     *
     * @returns {Summary} summary instance
     */
    addTable(rows) {
        const tableBody = rows
            .map(row => {
            const cells = row
                .map(cell => {
                if (typeof cell === 'string') {
                    return this.wrap('td', cell);
                }
                const { header, data, colspan, rowspan } = cell;
                const tag = header ? 'th' : 'td';
                const attrs = Object.assign(Object.assign({}, (colspan && { colspan })), (rowspan && { rowspan }));
                return this.wrap(tag, data, attrs);
            })
                .join('');
            return this.wrap('tr', cells);
        })
            .join('');
        const element = this.wrap('table', tableBody);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds a collapsable HTML details element to the summary buffer
     *
     * @param {string} label text for the closed state
     * @param {string} content collapsable content
     *
     * @returns {Summary} summary instance
     */
    addDetails(label, content) {
        const element = this.wrap('details', this.wrap('summary', label) + content);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML image tag to the summary buffer
     *
     * @param {string} src path to the image you to embed
     * @param {string} alt text description of the image
     * @param {SummaryImageOptions} options (optional) addition image attributes
     *
     * @returns {Summary} summary instance
     */
    addImage(src, alt, options) {
        const { width, height } = options || {};
        const attrs = Object.assign(Object.assign({}, (width && { width })), (height && { height }));
        const element = this.wrap('img', null, Object.assign({ src, alt }, attrs));
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML section heading element
     *
     * @param {string} text heading text
     * @param {number | string} [level=1] (optional) the heading level, default: 1
     *
     * @returns {Summary} summary instance
     */
    addHeading(text, level) {
        const tag = `h${level}`;
        const allowedTag = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'].includes(tag)
            ? tag
            : 'h1';
        const element = this.wrap(allowedTag, text);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML thematic break (<hr>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addSeparator() {
        const element = this.wrap('hr', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML line break (<br>) to the summary buffer
     *
     * @returns {Summary} summary instance
     */
    addBreak() {
        const element = this.wrap('br', null);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML blockquote to the summary buffer
     *
     * @param {string} text quote text
     * @param {string} cite (optional) citation url
     *
     * @returns {Summary} summary instance
     */
    addQuote(text, cite) {
        const attrs = Object.assign({}, (cite && { cite }));
        const element = this.wrap('blockquote', text, attrs);
        return this.addRaw(element).addEOL();
    }
    /**
     * Adds an HTML anchor tag to the summary buffer
     *
     * @param {string} text link text/content
     * @param {string} href hyperlink
     *
     * @returns {Summary} summary instance
     */
    addLink(text, href) {
        const element = this.wrap('a', text, { href });
        return this.addRaw(element).addEOL();
    }
}
const _summary = new Summary();
const summary = _summary;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
const { chmod, copyFile, lstat, mkdir, open, readdir, rename, rm, rmdir, stat, symlink, unlink } = fs.promises;
// export const {open} = 'fs'
process.platform === 'win32';
fs.constants.O_RDONLY;

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/* eslint-disable @typescript-eslint/unbound-method */
process.platform === 'win32';

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
os__default.platform();
os__default.arch();

(undefined && undefined.__awaiter) || function (thisArg, _arguments, P, generator) {
    function adopt(value) { return value instanceof P ? value : new P(function (resolve) { resolve(value); }); }
    return new (P || (P = Promise))(function (resolve, reject) {
        function fulfilled(value) { try { step(generator.next(value)); } catch (e) { reject(e); } }
        function rejected(value) { try { step(generator["throw"](value)); } catch (e) { reject(e); } }
        function step(result) { result.done ? resolve(result.value) : adopt(result.value).then(fulfilled, rejected); }
        step((generator = generator.apply(thisArg, _arguments || [])).next());
    });
};
/**
 * The code to exit an action
 */
var ExitCode;
(function (ExitCode) {
    /**
     * A code indicating that the action was successful
     */
    ExitCode[ExitCode["Success"] = 0] = "Success";
    /**
     * A code indicating that the action was a failure
     */
    ExitCode[ExitCode["Failure"] = 1] = "Failure";
})(ExitCode || (ExitCode = {}));
/**
 * Registers a secret which will get masked from logs
 *
 * @param secret - Value of the secret to be masked
 * @remarks
 * This function instructs the Actions runner to mask the specified value in any
 * logs produced during the workflow run. Once registered, the secret value will
 * be replaced with asterisks (***) whenever it appears in console output, logs,
 * or error messages.
 *
 * This is useful for protecting sensitive information such as:
 * - API keys
 * - Access tokens
 * - Authentication credentials
 * - URL parameters containing signatures (SAS tokens)
 *
 * Note that masking only affects future logs; any previous appearances of the
 * secret in logs before calling this function will remain unmasked.
 *
 * @example
 * ```typescript
 * // Register an API token as a secret
 * const apiToken = "abc123xyz456";
 * setSecret(apiToken);
 *
 * // Now any logs containing this value will show *** instead
 * console.log(`Using token: ${apiToken}`); // Outputs: "Using token: ***"
 * ```
 */
function setSecret(secret) {
    issueCommand('add-mask', {}, secret);
}
/**
 * Gets the value of an input.
 * Unless trimWhitespace is set to false in InputOptions, the value is also trimmed.
 * Returns an empty string if the value is not defined.
 *
 * @param     name     name of the input to get
 * @param     options  optional. See InputOptions.
 * @returns   string
 */
function getInput(name, options) {
    const val = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] || '';
    return val.trim();
}
/**
 * Sets the value of an output.
 *
 * @param     name     name of the output to set
 * @param     value    value to store. Non-string values will be converted to a string via JSON.stringify
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function setOutput(name, value) {
    const filePath = process.env['GITHUB_OUTPUT'] || '';
    if (filePath) {
        return issueFileCommand('OUTPUT', prepareKeyValueMessage(name, value));
    }
    process.stdout.write(os.EOL);
    issueCommand('set-output', { name }, toCommandValue(value));
}
//-----------------------------------------------------------------------
// Results
//-----------------------------------------------------------------------
/**
 * Sets the action status to failed.
 * When the action exits it will be with an exit code of 1
 * @param message add error issue message
 */
function setFailed(message) {
    process.exitCode = ExitCode.Failure;
    error(message);
}
/**
 * Writes debug message to user log
 * @param message debug message
 */
function debug(message) {
    issueCommand('debug', {}, message);
}
/**
 * Adds an error issue
 * @param message error issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function error(message, properties = {}) {
    issueCommand('error', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a warning issue
 * @param message warning issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function warning(message, properties = {}) {
    issueCommand('warning', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Adds a notice issue
 * @param message notice issue message. Errors will be converted to string via toString()
 * @param properties optional properties to add to the annotation.
 */
function notice(message, properties = {}) {
    issueCommand('notice', toCommandProperties(properties), message instanceof Error ? message.toString() : message);
}
/**
 * Writes info to log with console.log.
 * @param message info message
 */
function info(message) {
    process.stdout.write(message + os.EOL);
}
/**
 * Begin an output group.
 *
 * Output until the next `groupEnd` will be foldable in this group
 *
 * @param name The name of the output group
 */
function startGroup(name) {
    issue('group', name);
}
/**
 * End an output group.
 */
function endGroup() {
    issue('endgroup');
}

// Path containment, shared by input validation and the zip writer.
/** Whether `child` is `parent` or lies below it (lexically; resolve symlinks first where they matter). */
function isInside(child, parent) {
    const rel = path.relative(parent, child);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}
/**
 * Where `file` really lies when that is outside `workspace` (it, or a folder
 * on its way, is a symlink leading out), else null. Both sides are resolved,
 * so a workspace that is itself behind a symlink is fine.
 */
function escapesWorkspace(file, workspace) {
    const real = fs$1.realpathSync(file);
    let root;
    try {
        root = fs$1.realpathSync(workspace);
    }
    catch {
        root = path.resolve(workspace);
    }
    return isInside(real, root) ? null : real;
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
function readArtifactName(read, name, fallback) {
    const raw = read(name) || fallback;
    const problem = artifactNameProblem(raw);
    if (problem)
        throw new InputError(name, `is not a valid artifact name: it ${problem}`, raw);
    return raw;
}
/** Resolves a path input against `base` and requires it to stay inside the workspace. */
function readPathInside(read, name, fallback, base, workspace) {
    const raw = read(name) || fallback;
    if (raw.includes('\0'))
        throw new InputError(name, 'must be a path', raw);
    const resolved = path.resolve(base, raw);
    if (!isInside(resolved, workspace)) {
        throw new InputError(name, `must be a path inside the workspace (${workspace})`, raw);
    }
    return resolved;
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
        setSecret(token);
    return token;
}
function withPrefix(prefix, command) {
    return prefix ? `${prefix} ${command}` : command;
}
function readInputs(read = defaultRead, env = process.env) {
    const mode = read('mode') || 'run';
    if (mode !== 'run' && mode !== 'merge')
        throw new InputError('mode', 'must be run or merge', mode);
    const workspace = path.resolve(env['GITHUB_WORKSPACE'] || process.cwd());
    const workingDirectory = readPathInside(read, 'working-directory', '.', workspace, workspace);
    const commandPrefix = read('command-prefix');
    const inWd = (name, fallback) => readPathInside(read, name, fallback, workingDirectory, workspace);
    const rustEnabled = readBoolean(read, 'rust-enabled', true);
    const pythonEnabled = readBoolean(read, 'python-enabled', true);
    const htmlDir = inWd('rust-html-dir', 'target/coverage/html');
    if (path.basename(htmlDir) !== 'html') {
        throw new InputError('rust-html-dir', 'must end in "/html" (cargo llvm-cov report --html writes <output-dir>/html)', read('rust-html-dir'));
    }
    const lcov = inWd('rust-lcov', 'target/coverage/rust.lcov');
    const xml = inWd('python-xml', 'target/coverage/python.xml');
    const rustTest = read('rust-command') || 'cargo llvm-cov --no-report --no-default-features --no-fail-fast';
    const rustReport = read('rust-report-command') || 'cargo llvm-cov report';
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
    return {
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
}

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
        return fs$1.readFileSync(file, 'latin1');
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
    for (const name of fs$1.readdirSync('/proc')) {
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
    const table = process.platform === 'linux' && fs$1.existsSync('/proc/self/stat') ? linuxTable(tracking) : psTable();
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
    const bash = ['/bin/bash', '/usr/bin/bash', '/usr/local/bin/bash'].find((p) => fs$1.existsSync(p));
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
            if (!capture || captureError !== undefined) {
                resolve(result);
                return;
            }
            capture.end();
            finished(capture, () => resolve(result));
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
                capture = fs$1.createWriteStream(captureFile);
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
            const message = error.code === 'ENOENT' && !fs$1.existsSync(spec.cwd) ? `working directory ${spec.cwd} does not exist` : error.message;
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
    for (const cleanup of cleanups) {
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
        fs$1.appendFileSync(summary, `**${line}**\n`);
    process.exit(signal === 'SIGINT' ? 130 : 143);
}

export { ApiError as A, BaselineUnavailable as B, InputError as I, PatchUnavailable as P, ReportError as R, UploadError as U, setFailed as a, installCancelHandlers as b, escapesWorkspace as c, debug as d, error as e, isInside as f, startGroup as g, endGroup as h, info as i, artifactNameProblem as j, summary as k, runCommand as l, describeFailures as m, notice as n, onCancel as o, commandOk as p, childEnv as q, readInputs as r, setOutput as s, shellQuote as t, isCancelled as u, halted as v, warning as w, setSecret as x };
