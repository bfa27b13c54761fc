import { createRequire as __rpcCreateRequire } from 'node:module'; const require = __rpcCreateRequire(import.meta.url);
import * as fs from 'node:fs';
import * as path from 'node:path';
import { D as Digits, e as bytesOf, F as FixedBytes, h as hasBomAt, f as startsWithAt, i as isSpace, g as equalsAt, c as readHead, s as sniff, d as scanFile, a as scanBuffer, L as LineStates, n as normalisePath, r as rethrowAs, b as startLineStateBudget } from './bytes-CPztFWii.js';
import { X as XmlError, R as ReportError } from './workspace-fs-DBwuGUFX.js';
import { e as emptyTally } from './pipeline-DIPvzHFK.js';
import './core-D1rfoYfl.js';
import 'os';
import 'crypto';
import 'fs';
import 'path';
import 'string_decoder';
import 'events';
import 'child_process';
import 'assert';
import 'timers';
import './read-DmC-2hCo.js';
import 'node:zlib';
import 'node:child_process';
import 'node:util';
import 'node:os';
import 'node:stream/promises';
import './command-DninvAs8.js';
import 'node:stream';
import 'node:string_decoder';
import './cancel-Cw6omMz6.js';
import './lock-CSQ57us7.js';

const MAX_ATTRIBUTES = 16;
const COMMENT_START = bytesOf('<!--');
const COMMENT_END = bytesOf('-->');
const CDATA_START = bytesOf('<![CDATA[');
const CDATA_END = bytesOf(']]>');
const PI_END = bytesOf('?>');
const DOCTYPE_START = bytesOf('<!DOCTYPE');
const NO_NAMES = [];
/** Bytes that end a tag or attribute name: whitespace, '=', '/', '>'. */
const NAME_STOP = new Uint8Array(256);
for (const c of [32 /* Byte.Space */, 10 /* Byte.LineFeed */, 9 /* Byte.Tab */, 13 /* Byte.CarriageReturn */, 61 /* Byte.Equals */, 47 /* Byte.Slash */, 62 /* Byte.GreaterThan */])
    NAME_STOP[c] = 1;
/** Bytes an attribute value loop must look at: quotes, '<', '&', newline. */
const VALUE_STOP = new Uint8Array(256);
for (const c of [34 /* Byte.DoubleQuote */, 39 /* Byte.SingleQuote */, 60 /* Byte.LessThan */, 38 /* Byte.Ampersand */, 10 /* Byte.LineFeed */])
    VALUE_STOP[c] = 1;
/** The captured attributes of the tag being opened; valid only during XmlHandler.open. */
class XmlAttributes {
    buf = Buffer.alloc(0);
    start = new Int32Array(MAX_ATTRIBUTES).fill(-1);
    end = new Int32Array(MAX_ATTRIBUTES);
    entities = new Uint8Array(MAX_ATTRIBUTES);
    line = 0;
    digits = new Digits();
    has(slot) {
        return this.start[slot] >= 0;
    }
    /** The decoded value, or undefined when the attribute is absent. */
    text(slot) {
        const s = this.start[slot];
        if (s < 0)
            return undefined;
        const raw = this.buf.toString('utf8', s, this.end[slot]);
        return this.entities[slot] ? decodeEntities(raw, this.line) : raw;
    }
    /** The value when it is plain decimal digits (at most 15), else -1 (absent, empty, signed, fractional, ...). */
    uint(slot) {
        const s = this.start[slot];
        const e = this.end[slot];
        if (s < 0 || e === s || e - s > 15)
            return -1;
        return this.digits.at(this.buf, s, e) === e ? this.digits.value : -1;
    }
    /** Numbers of the first "(a/b)" in the value (as in condition-coverage="50% (1/2)"), in this.numerator / this.denominator; false when there is none. */
    numerator = 0;
    denominator = 0;
    fraction(slot) {
        const s = this.start[slot];
        const e = this.end[slot];
        const buf = this.buf;
        const digits = this.digits;
        for (let i = s; i < e; i++) {
            if (buf[i] !== 40 /* Byte.OpenParen */)
                continue;
            const slash = digits.at(buf, i + 1, e);
            const a = digits.value;
            if (slash === i + 1 || slash >= e || buf[slash] !== 47 /* Byte.Slash */)
                continue;
            const close = digits.at(buf, slash + 1, e);
            if (close === slash + 1 || close >= e || buf[close] !== 41 /* Byte.CloseParen */)
                continue;
            this.numerator = a;
            this.denominator = digits.value;
            return true;
        }
        return false;
    }
    /** Whether the raw value is exactly these bytes (see bytesOf). */
    is(slot, word) {
        const s = this.start[slot];
        return s >= 0 && equalsAt(this.buf, s, this.end[slot], word);
    }
}
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decodeEntities(raw, line) {
    return raw.replace(/&([^;&\s]*);?/g, (whole, ref) => {
        if (!whole.endsWith(';'))
            throw new XmlError(`"&" not followed by an entity reference`, line);
        const named = ENTITIES[ref];
        if (named !== undefined)
            return named;
        const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref);
        const code = m ? Number.parseInt(m[1] ?? m[2] ?? '', m[1] ? 16 : 10) : NaN;
        if (!(code > 0 && code <= 0x10ffff))
            throw new XmlError(`undefined entity &${ref}; (entities are not expanded)`, line);
        return String.fromCodePoint(code);
    });
}
class XmlScanner {
    handler;
    /** 1-based line of the scan position, for messages. */
    line = 1;
    names;
    attributeNames;
    attrs = new XmlAttributes();
    /** Open elements: handler ids, and for unknown ones (-1) their names in `unknown`. */
    stack = [];
    unknown = [];
    rootSeen = false;
    rootClosed = false;
    started = false;
    /** `<name first="` and `" second="` of the quick element, or empty. */
    quickHead;
    quickMiddle;
    /** The first byte after '<' of the quick element (-1: none). */
    quickInitial;
    /** A DataView of the buffer being scanned (made again when the buffer changes). */
    view = new DataView(new ArrayBuffer(0));
    viewOf = null;
    digits = new Digits();
    constructor(handler) {
        this.handler = handler;
        this.names = handler.elements.map(bytesOf);
        this.attributeNames = handler.attributes.map((list) => list.map(bytesOf));
        const quick = handler.quick;
        this.quickHead = new FixedBytes(quick ? `<${quick.name} ${quick.first}="` : '');
        this.quickMiddle = new FixedBytes(quick ? `" ${quick.second}="` : '');
        this.quickInitial = quick ? (Buffer.from(quick.name)[0] ?? -1) : -1;
    }
    /**
     * The quick element in its exact plain form, at buf[i] === '<': the position
     * after it, or -1 to read it the general way (any other form, or too few bytes).
     * Only digits and fixed bytes are accepted, so no XML rule can be skipped.
     */
    quickTag(buf, i, end) {
        const head = this.quickHead;
        const middle = this.quickMiddle;
        if (this.stack.length === 0 || i + head.length > end || !head.at(this.view, buf, i))
            return -1;
        const digits = this.digits;
        const firstStart = i + head.length;
        let j = digits.at(buf, firstStart, end);
        const first = digits.value;
        if (j === firstStart || j - firstStart > 9 || j + middle.length > end || !middle.at(this.view, buf, j))
            return -1;
        const secondStart = j + middle.length;
        j = digits.at(buf, secondStart, end);
        const second = digits.value;
        if (j === secondStart || j - secondStart > 15 || j + 2 >= end)
            return -1;
        if (buf[j] !== 34 /* Byte.DoubleQuote */ || buf[j + 1] !== 47 /* Byte.Slash */ || buf[j + 2] !== 62 /* Byte.GreaterThan */)
            return -1;
        this.handler.quick.onNumbers(first, second, this.line);
        return j + 3;
    }
    fail(message, extraLines = 0) {
        throw new XmlError(message, this.line + extraLines);
    }
    scan(buf, end, final) {
        if (buf !== this.viewOf) {
            this.view = new DataView(buf.buffer, buf.byteOffset, buf.length);
            this.viewOf = buf;
        }
        let pos = 0;
        if (!this.started) {
            if (end < 3 && !final)
                return 0;
            this.started = true;
            if (hasBomAt(buf, 0))
                pos = 3;
        }
        // The whitespace tests here and in startTag's loops are written out on purpose, for speed: isBlank() measured 2 % slower.
        while (pos < end) {
            // Text up to the next '<'.
            let i = pos;
            let newlines = 0;
            let content = false;
            for (; i < end; i++) {
                const c = buf[i];
                if (c === 60 /* Byte.LessThan */)
                    break;
                if (c === 10 /* Byte.LineFeed */)
                    newlines++;
                else if (c !== 32 /* Byte.Space */ && c !== 9 /* Byte.Tab */ && c !== 13 /* Byte.CarriageReturn */)
                    content = true;
            }
            if (i === end && !final)
                return pos;
            if (content)
                this.text(buf, pos, i, true);
            this.line += newlines;
            pos = i;
            if (i === end)
                break;
            const next = this.markup(buf, i, end, final);
            if (next < 0)
                return pos;
            pos = next;
        }
        if (final)
            this.finish();
        return end;
    }
    finish() {
        if (!this.rootSeen)
            this.fail('no root element');
        if (this.stack.length > 0)
            this.fail(`<${this.nameOf(this.stack.length - 1)}> is not closed at the end of the file (truncated?)`);
    }
    nameOf(depth) {
        const id = this.stack[depth];
        return id >= 0 ? this.handler.elements[id] : this.unknown[depth];
    }
    text(buf, from, to, decode) {
        if (this.stack.length === 0)
            this.fail(this.rootClosed ? 'text after the root element' : 'text before the root element');
        if (this.handler.wantsText) {
            const raw = buf.toString('utf8', from, to);
            this.handler.text(decode && raw.includes('&') ? decodeEntities(raw, this.line) : raw);
        }
    }
    /** Handles the markup at buf[i] === '<'; returns the position after it, or -1 when more bytes are needed. */
    markup(buf, i, end, final) {
        if (end - i < 9 && !final)
            return -1;
        const c = buf[i + 1];
        if (c === 33 /* Byte.Bang */) {
            if (startsWithAt(buf, i, end, COMMENT_START)) {
                const close = buf.indexOf(COMMENT_END, i + 4);
                if (close < 0 || close + 3 > end)
                    return final ? this.fail('comment is not closed') : -1;
                const text = buf.toString('utf8', i + 4, close);
                this.handler.comment(text);
                this.line += countNewlines(buf, i, close);
                return close + 3;
            }
            if (startsWithAt(buf, i, end, CDATA_START)) {
                const close = buf.indexOf(CDATA_END, i + CDATA_START.length);
                if (close < 0 || close + 3 > end)
                    return final ? this.fail('CDATA section is not closed') : -1;
                this.text(buf, i + CDATA_START.length, close, false);
                this.line += countNewlines(buf, i, close);
                return close + 3;
            }
            if (startsWithAt(buf, i, end, DOCTYPE_START))
                return this.doctype(buf, i, end, final);
            return this.fail('"<!" that starts no comment, CDATA or DOCTYPE');
        }
        if (c === 63 /* Byte.Question */) {
            const close = buf.indexOf(PI_END, i + 2);
            if (close < 0 || close + 2 > end)
                return final ? this.fail('processing instruction is not closed') : -1;
            this.line += countNewlines(buf, i, close);
            return close + 2;
        }
        if (c === 47 /* Byte.Slash */)
            return this.endTag(buf, i, end, final);
        if (c === this.quickInitial) {
            const next = this.quickTag(buf, i, end);
            if (next > 0)
                return next;
        }
        return this.startTag(buf, i, end, final);
    }
    doctype(buf, i, end, final) {
        if (this.rootSeen)
            this.fail('DOCTYPE after the root element');
        let quote = 0;
        let depth = 0;
        for (let j = i + DOCTYPE_START.length; j < end; j++) {
            const c = buf[j];
            if (quote) {
                if (c === quote)
                    quote = 0;
            }
            else if (c === 34 /* Byte.DoubleQuote */ || c === 39 /* Byte.SingleQuote */)
                quote = c;
            else if (c === 91 /* Byte.OpenBracket */)
                depth++;
            else if (c === 93 /* Byte.CloseBracket */)
                depth--;
            else if (c === 62 /* Byte.GreaterThan */ && depth <= 0) {
                this.handler.doctype(buf.toString('utf8', i, j + 1));
                this.line += countNewlines(buf, i, j);
                return j + 1;
            }
        }
        return final ? this.fail('DOCTYPE is not closed') : -1;
    }
    endTag(buf, i, end, final) {
        const close = buf.indexOf(62 /* Byte.GreaterThan */, i + 2);
        if (close < 0 || close >= end)
            return final ? this.fail('end tag is not closed') : -1;
        let nameEnd = i + 2;
        while (nameEnd < close && !isSpace(buf[nameEnd]))
            nameEnd++;
        for (let j = nameEnd; j < close; j++)
            if (!isSpace(buf[j]))
                this.fail('end tag with content after its name');
        const depth = this.stack.length - 1;
        if (depth < 0)
            this.fail(`end tag </${buf.toString('utf8', i + 2, nameEnd)}> with no open element`);
        const id = this.stack[depth];
        const matches = id >= 0 ? equalsAt(buf, i + 2, nameEnd, this.names[id]) : buf.toString('utf8', i + 2, nameEnd) === this.unknown[depth];
        if (!matches)
            this.fail(`end tag </${buf.toString('utf8', i + 2, nameEnd)}> does not match <${this.nameOf(depth)}>`);
        this.stack.pop();
        if (id < 0)
            this.unknown.pop();
        this.line += countNewlines(buf, i, close);
        if (this.stack.length === 0)
            this.rootClosed = true;
        this.handler.close(id);
        return close + 1;
    }
    startTag(buf, i, end, final) {
        // Every read below is guarded by j < end: an out-of-bounds read would make V8 drop its fast code.
        let j = i + 1;
        while (j < end && NAME_STOP[buf[j]] === 0)
            j++;
        if (j >= end)
            return this.more(final);
        if (j === i + 1)
            this.fail('"<" that starts no tag');
        if (this.rootClosed)
            this.fail('a second root element');
        const id = this.elementId(buf, i + 1, j);
        const wanted = id >= 0 ? this.attributeNames[id] : NO_NAMES;
        const attrs = this.attrs;
        for (let k = 0; k < wanted.length; k++)
            attrs.start[k] = -1;
        let newlines = 0;
        let c = 0;
        // Attributes: name, optional whitespace, '=', optional whitespace, quoted value.
        for (;;) {
            for (; j < end; j++) {
                c = buf[j];
                if (c === 10 /* Byte.LineFeed */)
                    newlines++;
                else if (c !== 32 /* Byte.Space */ && c !== 9 /* Byte.Tab */ && c !== 13 /* Byte.CarriageReturn */)
                    break;
            }
            if (j >= end)
                return this.more(final);
            if (c === 62 /* Byte.GreaterThan */ || c === 47 /* Byte.Slash */)
                break;
            const nameStart = j;
            while (j < end && NAME_STOP[buf[j]] === 0)
                j++;
            const nameEnd = j;
            for (; j < end; j++) {
                c = buf[j];
                if (c === 10 /* Byte.LineFeed */)
                    newlines++;
                else if (c !== 32 /* Byte.Space */ && c !== 9 /* Byte.Tab */ && c !== 13 /* Byte.CarriageReturn */)
                    break;
            }
            if (j >= end)
                return this.more(final);
            if (c !== 61 /* Byte.Equals */)
                this.fail('attribute without "=value"', newlines);
            for (j++; j < end; j++) {
                c = buf[j];
                if (c === 10 /* Byte.LineFeed */)
                    newlines++;
                else if (c !== 32 /* Byte.Space */ && c !== 9 /* Byte.Tab */ && c !== 13 /* Byte.CarriageReturn */)
                    break;
            }
            if (j >= end)
                return this.more(final);
            if (c !== 34 /* Byte.DoubleQuote */ && c !== 39 /* Byte.SingleQuote */)
                this.fail('attribute value without quotes', newlines);
            const quote = c;
            const valueStart = ++j;
            let entities = 0;
            for (; j < end; j++) {
                c = buf[j];
                if (VALUE_STOP[c] !== 0) {
                    if (c === quote)
                        break;
                    if (c === 60 /* Byte.LessThan */)
                        this.fail('"<" in an attribute value', newlines);
                    if (c === 38 /* Byte.Ampersand */)
                        entities = 1;
                    else if (c === 10 /* Byte.LineFeed */)
                        newlines++;
                }
            }
            if (j >= end)
                return this.more(final);
            const first = buf[nameStart];
            for (let k = 0; k < wanted.length; k++) {
                const name = wanted[k];
                if (name[0] === first && equalsAt(buf, nameStart, nameEnd, name)) {
                    attrs.start[k] = valueStart;
                    attrs.end[k] = j;
                    attrs.entities[k] = entities;
                    break;
                }
            }
            j++;
            if (j >= end)
                return this.more(final);
            c = buf[j];
            if (NAME_STOP[c] === 0)
                this.fail('attributes without whitespace between them', newlines);
        }
        let selfClosing = false;
        if (c === 47 /* Byte.Slash */) {
            if (j + 1 >= end)
                return this.more(final);
            if (buf[j + 1] !== 62 /* Byte.GreaterThan */)
                this.fail('"/" in a tag not followed by ">"', newlines);
            selfClosing = true;
            j++;
        }
        const name = id >= 0 ? this.handler.elements[id] : buf.toString('utf8', i + 1, this.nameEnd(buf, i + 1, end));
        this.rootSeen = true;
        attrs.buf = buf;
        attrs.line = this.line;
        this.stack.push(id);
        if (id < 0)
            this.unknown[this.stack.length - 1] = name;
        this.handler.open(id, name, attrs);
        this.line += newlines;
        if (selfClosing) {
            this.stack.pop();
            if (id < 0)
                this.unknown.pop();
            if (this.stack.length === 0)
                this.rootClosed = true;
            this.handler.close(id);
        }
        return j + 1;
    }
    /** -1 (wait for more bytes), or at the end of the file an unclosed tag. */
    more(final) {
        return final ? this.fail('tag is not closed (truncated file?)') : -1;
    }
    nameEnd(buf, from, end) {
        let j = from;
        while (j < end && NAME_STOP[buf[j]] === 0)
            j++;
        return j;
    }
    elementId(buf, from, to) {
        const first = buf[from];
        for (let k = 0; k < this.names.length; k++) {
            const name = this.names[k];
            if (name[0] === first && equalsAt(buf, from, to, name))
                return k;
        }
        return -1;
    }
}
function countNewlines(buf, from, to) {
    let n = 0;
    for (let i = buf.indexOf(10 /* Byte.LineFeed */, from); i >= 0 && i < to; i = buf.indexOf(10 /* Byte.LineFeed */, i + 1))
        n++;
    return n;
}

// Streaming Cobertura reader on our XML byte scanner: comments, CDATA and
// quoting are handled by the scanner; entity declarations are refused and
// nothing external is ever loaded. Lines are counted once per file and
// line number, so Java-style <method><lines> duplicates do not double count.
/** The elements the reader looks at, each with the attributes it reads. */
const WANTED = {
    coverage: ['lines-valid', 'lines-covered', 'branches-valid', 'branches-covered', 'version'],
    source: [],
    class: ['filename', 'name'],
    methods: [],
    line: ['number', 'hits', 'branch', 'condition-coverage'],
    method: ['hits']
};
const ELEMENTS = Object.keys(WANTED);
/** The scanner's id of an element: its index in ELEMENTS. */
const element = (name) => ELEMENTS.indexOf(name);
/** The slot of an element's attribute in XmlAttributes: its index in the element's list. */
const slot = (name, attribute) => WANTED[name].indexOf(attribute);
const COVERAGE = element('coverage');
const SOURCE = element('source');
const CLASS = element('class');
const METHODS = element('methods');
const LINE = element('line');
const METHOD = element('method');
const COVERAGE_LINES_VALID = slot('coverage', 'lines-valid');
const COVERAGE_LINES_COVERED = slot('coverage', 'lines-covered');
const COVERAGE_BRANCHES_VALID = slot('coverage', 'branches-valid');
const COVERAGE_BRANCHES_COVERED = slot('coverage', 'branches-covered');
const COVERAGE_VERSION = slot('coverage', 'version');
const CLASS_FILENAME = slot('class', 'filename');
const CLASS_NAME = slot('class', 'name');
const LINE_NUMBER = slot('line', 'number');
const LINE_HITS = slot('line', 'hits');
const LINE_BRANCH = slot('line', 'branch');
const LINE_CONDITION_COVERAGE = slot('line', 'condition-coverage');
const METHOD_HITS = slot('method', 'hits');
const TRUE = bytesOf('true');
class CoberturaReader {
    shown;
    opts;
    elements = ELEMENTS;
    attributes = ELEMENTS.map((name) => WANTED[name]);
    wantsText = false;
    /** `<line number="N" hits="M"/>`, most of a report, read without attribute objects. */
    quick = {
        name: 'line',
        first: 'number',
        second: 'hits',
        onNumbers: (number, hits, line) => this.lineNumbers(number, hits, line)
    };
    scanner = new XmlScanner(this);
    files = new Map();
    sources = [];
    warnings = [];
    current = null;
    sourceText = '';
    depthInMethods = 0;
    /** The open <method>: -1 none; else 1 when hit so far, 0 when not. */
    methodHit = -1;
    rootChecked = false;
    producer;
    producerVersion;
    declared = {};
    constructor(shown, opts) {
        this.shown = shown;
        this.opts = opts;
    }
    doctype(text) {
        if (/<!ENTITY/i.test(text))
            throw new ReportError(this.shown, 'declares XML entities (refused)');
    }
    comment(text) {
        const m = /Generated by coverage\.py[^\d]*([\d.]+\w*)?/.exec(text);
        if (m) {
            this.producer = 'coverage.py';
            if (m[1])
                this.producerVersion = m[1].replace(/\.$/, '');
        }
    }
    text(text) {
        this.sourceText += text;
    }
    open(id, name, a) {
        if (id === LINE && this.rootChecked)
            return this.line(a);
        if (!this.rootChecked) {
            this.rootChecked = true;
            if (id !== COVERAGE)
                throw new ReportError(this.shown, `is not a Cobertura report (root element <${name}>)`);
            const lv = a.text(COVERAGE_LINES_VALID);
            const lc = a.text(COVERAGE_LINES_COVERED);
            if (lv !== undefined && lc !== undefined)
                this.declared.lines = { covered: Number(lc), total: Number(lv) };
            const bv = a.text(COVERAGE_BRANCHES_VALID);
            const bc = a.text(COVERAGE_BRANCHES_COVERED);
            if (bv !== undefined && bc !== undefined)
                this.declared.branches = { covered: Number(bc), total: Number(bv) };
            if (!this.producer && /^gcovr/.test(a.text(COVERAGE_VERSION) ?? ''))
                this.producer = 'gcovr';
            return;
        }
        switch (id) {
            case SOURCE:
                this.wantsText = true;
                this.sourceText = '';
                return;
            case CLASS: {
                const path = this.resolve(a.text(CLASS_FILENAME) ?? a.text(CLASS_NAME) ?? '');
                let state = this.files.get(path);
                if (!state) {
                    state = { lines: new LineStates(), branches: null, functions: emptyTally() };
                    this.files.set(path, state);
                }
                this.current = state;
                return;
            }
            case METHODS:
                this.depthInMethods++;
                return;
            case METHOD: {
                const hits = a.uint(METHOD_HITS);
                this.methodHit = hits > 0 ? 1 : 0;
                return;
            }
        }
    }
    /** A plain <line> of the quick form. */
    lineNumbers(number, hits, line) {
        const file = this.current;
        if (file === null)
            return;
        if (this.depthInMethods > 0) {
            if (this.methodHit === 0 && hits > 0)
                this.methodHit = 1;
            return;
        }
        if (number <= 0 || number > MAX_LINE) {
            if (this.warnings.length < 20)
                this.warnings.push(`${this.shown}:${line}: <line> with invalid number ${JSON.stringify(String(number))}; ignored`);
            return;
        }
        file.lines.mark(number, hits > 0);
    }
    /** <line number= hits= branch= condition-coverage=>, the bulk of the file: numbers read from the bytes. */
    line(a) {
        const file = this.current;
        if (file === null)
            return;
        if (this.depthInMethods > 0) {
            // A method's own lines repeat the class's: they only tell whether the method ran.
            if (this.methodHit === 0 && a.uint(LINE_HITS) > 0)
                this.methodHit = 1;
            return;
        }
        let number = a.uint(LINE_NUMBER);
        if (number <= 0 || number > MAX_LINE) {
            const raw = a.text(LINE_NUMBER) ?? '';
            number = Number(raw);
            if (!Number.isInteger(number) || number <= 0 || number > MAX_LINE) {
                if (this.warnings.length < 20)
                    this.warnings.push(`${this.shown}:${a.line}: <line> with invalid number ${JSON.stringify(raw.slice(0, 40))}; ignored`);
                return;
            }
        }
        let hits = a.uint(LINE_HITS);
        if (hits < 0) {
            const parsed = Number.parseFloat(a.text(LINE_HITS) ?? '0');
            hits = Number.isFinite(parsed) ? parsed : 0;
        }
        file.lines.mark(number, hits > 0);
        if (a.is(LINE_BRANCH, TRUE) && a.has(LINE_CONDITION_COVERAGE) && a.fraction(LINE_CONDITION_COVERAGE)) {
            const branches = (file.branches ??= new Map());
            const prev = branches.get(number);
            if (!prev)
                branches.set(number, { covered: a.numerator, total: a.denominator });
            else if (a.numerator > prev.covered) {
                prev.covered = a.numerator;
                prev.total = a.denominator;
            }
        }
    }
    close(id) {
        if (id === SOURCE) {
            this.wantsText = false;
            const s = this.sourceText.trim();
            if (s)
                this.sources.push(s);
        }
        else if (id === METHODS)
            this.depthInMethods--;
        else if (id === METHOD && this.current !== null && this.methodHit >= 0) {
            this.current.functions.total++;
            this.current.functions.covered += this.methodHit;
            this.methodHit = -1;
        }
        else if (id === CLASS)
            this.current = null;
    }
    existsCache = new Map();
    /**
     * A class filename as a workspace path. Relative names are resolved against
     * the <source> folders: with one source that exists here, against it; with
     * several, against the first under which the file exists. Otherwise kept as
     * written (a report made on another machine).
     */
    resolve(filename) {
        const f = filename.replace(/\\/g, '/');
        if (!path.isAbsolute(f)) {
            const sources = this.sources.map((source) => source.replace(/\\/g, '/'));
            if (sources.length === 1) {
                if (this.exists(sources[0]))
                    return normalisePath(path.resolve(sources[0], f), this.opts.root);
            }
            else {
                for (const source of sources) {
                    const candidate = path.resolve(source, f);
                    if (this.exists(candidate))
                        return normalisePath(candidate, this.opts.root);
                }
            }
        }
        return normalisePath(f, this.opts.root);
    }
    exists(path) {
        let exists = this.existsCache.get(path);
        if (exists === undefined) {
            exists = fs.existsSync(path);
            this.existsCache.set(path, exists);
        }
        return exists;
    }
    finish() {
        const files = [];
        const totals = { lines: emptyTally(), branches: emptyTally(), functions: emptyTally() };
        for (const [path, state] of this.files) {
            const lines = state.lines.tally();
            const branches = emptyTally();
            for (const b of state.branches?.values() ?? []) {
                branches.covered += b.covered;
                branches.total += b.total;
            }
            const entry = { path, lines, branches, functions: state.functions };
            if (this.opts.keepLineStates !== false)
                entry.lineStates = state.lines.toArray();
            files.push(entry);
            totals.lines.covered += lines.covered;
            totals.lines.total += lines.total;
            totals.branches.covered += branches.covered;
            totals.branches.total += branches.total;
            totals.functions.covered += state.functions.covered;
            totals.functions.total += state.functions.total;
        }
        files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
        return {
            format: 'cobertura',
            source: this.shown,
            ...(this.producer ? { producer: this.producer } : {}),
            ...(this.producerVersion ? { producerVersion: this.producerVersion } : {}),
            files,
            totals,
            declared: this.declared,
            warnings: this.warnings
        };
    }
}
const MAX_LINE = 10_000_000;
/** A scanner error as the one-line ReportError the parsers throw. */
function explain(shown) {
    return (error) => {
        if (error instanceof XmlError)
            throw new ReportError(shown, `is not well-formed XML (line ${error.line}: ${error.message})`);
        return rethrowAs(shown)(error);
    };
}
function parseCoberturaBuffer(buf, source, opts = {}) {
    const shown = opts.displayName ?? source;
    sniff(buf.subarray(0, 65536), shown, 'cobertura', buf.length);
    startLineStateBudget();
    const reader = new CoberturaReader(shown, opts);
    try {
        scanBuffer(reader.scanner, buf);
    }
    catch (error) {
        explain(shown)(error);
    }
    return reader.finish();
}
async function parseCoberturaFile(path, opts = {}) {
    const shown = opts.displayName ?? path;
    const head = await readHead(path, shown);
    sniff(head.bytes, shown, 'cobertura', head.size);
    startLineStateBudget();
    const reader = new CoberturaReader(shown, opts);
    await scanFile(path, reader.scanner).catch(explain(shown));
    return reader.finish();
}

export { parseCoberturaBuffer, parseCoberturaFile };
