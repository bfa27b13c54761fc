// A streaming XML scanner over bytes, with the XML rules a coverage report
// needs: comments, CDATA, processing instructions, single- or double-quoted
// attributes with any whitespace, the five predefined entities and character
// references. A DOCTYPE is handed to the handler (which refuses entity
// declarations); nothing external is ever loaded and no entity is expanded.
// Tags must nest; text outside the root, an unclosed tag at the end and an
// undefined entity are errors. Only the elements and attributes the handler
// asks for become strings (a <line> tag becomes none); its speed against saxes
// and xml2js is in bench/RESULTS.md.
import type { ByteScanner } from './chunks.js'
import { XmlError } from '../model/errors.js'
import { FixedBytes } from './bytes.js'

export interface XmlHandler {
  /** Element names the handler cares about; their index is the id passed to open/close (-1 for others). */
  readonly elements: readonly string[]
  /** For each element id, the attribute names to capture; their index is the slot read through XmlAttributes. */
  readonly attributes: readonly (readonly string[])[]
  /** When true, text and CDATA content is decoded and passed to text(). */
  readonly wantsText: boolean
  open(id: number, name: string, attributes: XmlAttributes): void
  close(id: number): void
  text(text: string): void
  comment(text: string): void
  doctype(text: string): void
  /**
   * An element that is mostly written exactly as `<name first="digits" second="digits"/>`
   * (Cobertura's <line>): such tags are read straight from the bytes and handed
   * to onNumbers; any other form of it goes through open/close as usual.
   */
  readonly quick?: QuickElement
}

export interface QuickElement {
  name: string
  first: string
  second: string
  onNumbers(first: number, second: number, line: number): void
}

const MAX_ATTRIBUTES = 16
const LT = 60
const GT = 62
const SLASH = 47
const BANG = 33
const QUESTION = 63
const EQUALS = 61
const AMP = 38
const NL = 10
const COMMENT_END = Buffer.from('-->')
const CDATA_END = Buffer.from(']]>')
const PI_END = Buffer.from('?>')
const CDATA_START = Buffer.from('<![CDATA[')
const DOCTYPE_START = Buffer.from('<!DOCTYPE')

const NO_NAMES: Buffer[] = []
const isSpace = (c: number): boolean => c === 32 || c === 10 || c === 9 || c === 13
/** Bytes that end a tag or attribute name: whitespace, '=', '/', '>'. */
const NAME_STOP = new Uint8Array(256)
for (const c of [32, 10, 9, 13, EQUALS, SLASH, GT]) NAME_STOP[c] = 1
/** Bytes an attribute value loop must look at: quotes, '<', '&', newline. */
const VALUE_STOP = new Uint8Array(256)
for (const c of [34, 39, LT, AMP, NL]) VALUE_STOP[c] = 1

/** The captured attributes of the tag being opened; valid only during XmlHandler.open. */
export class XmlAttributes {
  buf: Buffer = Buffer.alloc(0)
  readonly start = new Int32Array(MAX_ATTRIBUTES).fill(-1)
  readonly end = new Int32Array(MAX_ATTRIBUTES)
  readonly entities = new Uint8Array(MAX_ATTRIBUTES)
  line = 0

  has(slot: number): boolean {
    return (this.start[slot] as number) >= 0
  }

  /** The decoded value, or undefined when the attribute is absent. */
  text(slot: number): string | undefined {
    const s = this.start[slot] as number
    if (s < 0) return undefined
    const raw = this.buf.toString('utf8', s, this.end[slot])
    return this.entities[slot] ? decodeEntities(raw, this.line) : raw
  }

  /** The value when it is plain decimal digits (at most 15), else -1 (absent, empty, signed, fractional, ...). */
  uint(slot: number): number {
    const s = this.start[slot] as number
    const e = this.end[slot] as number
    if (s < 0 || e === s || e - s > 15) return -1
    let n = 0
    for (let i = s; i < e; i++) {
      const c = this.buf[i] as number
      if (c < 48 || c > 57) return -1
      n = n * 10 + (c - 48)
    }
    return n
  }

  /** Numbers of the first "(a/b)" in the value (as in condition-coverage="50% (1/2)"), in this.numerator / this.denominator; false when there is none. */
  numerator = 0
  denominator = 0
  fraction(slot: number): boolean {
    const s = this.start[slot] as number
    const e = this.end[slot] as number
    const buf = this.buf
    for (let i = s; i < e; i++) {
      if (buf[i] !== 40) continue
      let a = 0
      let j = i + 1
      for (; j < e && (buf[j] as number) >= 48 && (buf[j] as number) <= 57; j++) a = a * 10 + ((buf[j] as number) - 48)
      if (j === i + 1 || j >= e || buf[j] !== SLASH) continue
      const from = ++j
      let b = 0
      for (; j < e && (buf[j] as number) >= 48 && (buf[j] as number) <= 57; j++) b = b * 10 + ((buf[j] as number) - 48)
      if (j === from || j >= e || buf[j] !== 41) continue
      this.numerator = a
      this.denominator = b
      return true
    }
    return false
  }

  /** Whether the raw value is exactly this ASCII text. */
  is(slot: number, ascii: string): boolean {
    const s = this.start[slot] as number
    if (s < 0 || (this.end[slot] as number) - s !== ascii.length) return false
    for (let i = 0; i < ascii.length; i++) if (this.buf[s + i] !== ascii.charCodeAt(i)) return false
    return true
  }
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

export function decodeEntities(raw: string, line: number): string {
  return raw.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    if (!whole.endsWith(';')) throw new XmlError(`"&" not followed by an entity reference`, line)
    const named = ENTITIES[ref]
    if (named !== undefined) return named
    const m = /^#(?:x([0-9a-fA-F]+)|([0-9]+))$/.exec(ref)
    const code = m ? Number.parseInt(m[1] ?? m[2] ?? '', m[1] ? 16 : 10) : NaN
    if (!(code > 0 && code <= 0x10ffff)) throw new XmlError(`undefined entity &${ref}; (entities are not expanded)`, line)
    return String.fromCodePoint(code)
  })
}

export class XmlScanner implements ByteScanner {
  /** 1-based line of the scan position, for messages. */
  line = 1
  private readonly names: Buffer[]
  private readonly attributeNames: Buffer[][]
  private readonly attrs = new XmlAttributes()
  /** Open elements: handler ids, and for unknown ones (-1) their names in `unknown`. */
  private readonly stack: number[] = []
  private readonly unknown: string[] = []
  private rootSeen = false
  private rootClosed = false
  private started = false

  /** `<name first="` and `" second="` of the quick element, or empty. */
  private readonly quickHead: FixedBytes
  private readonly quickMiddle: FixedBytes
  /** The first byte after '<' of the quick element (-1: none). */
  private readonly quickInitial: number
  /** A DataView of the buffer being scanned (made again when the buffer changes). */
  private view: DataView = new DataView(new ArrayBuffer(0))
  private viewOf: Buffer | null = null

  constructor(private readonly handler: XmlHandler) {
    this.names = handler.elements.map((n) => Buffer.from(n))
    this.attributeNames = handler.attributes.map((list) => list.map((n) => Buffer.from(n)))
    const quick = handler.quick
    this.quickHead = new FixedBytes(quick ? `<${quick.name} ${quick.first}="` : '')
    this.quickMiddle = new FixedBytes(quick ? `" ${quick.second}="` : '')
    this.quickInitial = quick ? (Buffer.from(quick.name)[0] ?? -1) : -1
  }

  /**
   * The quick element in its exact plain form, at buf[i] === '<': the position
   * after it, or -1 to read it the general way (any other form, or too few bytes).
   * Only digits and fixed bytes are accepted, so no XML rule can be skipped.
   */
  private quickTag(buf: Buffer, i: number, end: number): number {
    const head = this.quickHead
    const middle = this.quickMiddle
    if (this.stack.length === 0 || i + head.length > end || !head.at(this.view, buf, i)) return -1
    let j = i + head.length
    let first = 0
    const firstStart = j
    for (; j < end; j++) {
      const c = (buf[j] as number) - 48
      if (c < 0 || c > 9) break
      first = first * 10 + c
    }
    if (j === firstStart || j - firstStart > 9 || j + middle.length > end || !middle.at(this.view, buf, j)) return -1
    j += middle.length
    let second = 0
    const secondStart = j
    for (; j < end; j++) {
      const c = (buf[j] as number) - 48
      if (c < 0 || c > 9) break
      second = second * 10 + c
    }
    if (j === secondStart || j - secondStart > 15 || j + 2 >= end || buf[j] !== 34 || buf[j + 1] !== SLASH || buf[j + 2] !== GT) return -1
    ;(this.handler.quick as QuickElement).onNumbers(first, second, this.line)
    return j + 3
  }

  private fail(message: string, extraLines = 0): never {
    throw new XmlError(message, this.line + extraLines)
  }

  scan(buf: Buffer, end: number, final: boolean): number {
    if (buf !== this.viewOf) {
      this.view = new DataView(buf.buffer, buf.byteOffset, buf.length)
      this.viewOf = buf
    }
    let pos = 0
    if (!this.started) {
      if (end < 3 && !final) return 0
      this.started = true
      if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) pos = 3
    }
    while (pos < end) {
      // Text up to the next '<'.
      let i = pos
      let newlines = 0
      let content = false
      for (; i < end; i++) {
        const c = buf[i] as number
        if (c === LT) break
        if (c === NL) newlines++
        else if (c !== 32 && c !== 9 && c !== 13) content = true
      }
      if (i === end && !final) return pos
      if (content) this.text(buf, pos, i, true)
      this.line += newlines
      pos = i
      if (i === end) break
      const next = this.markup(buf, i, end, final)
      if (next < 0) return pos
      pos = next
    }
    if (final) this.finish()
    return end
  }

  private finish(): void {
    if (!this.rootSeen) this.fail('no root element')
    if (this.stack.length > 0) this.fail(`<${this.nameOf(this.stack.length - 1)}> is not closed at the end of the file (truncated?)`)
  }

  private nameOf(depth: number): string {
    const id = this.stack[depth] as number
    return id >= 0 ? (this.handler.elements[id] as string) : (this.unknown[depth] as string)
  }

  private text(buf: Buffer, from: number, to: number, decode: boolean): void {
    if (this.stack.length === 0) this.fail(this.rootClosed ? 'text after the root element' : 'text before the root element')
    if (this.handler.wantsText) {
      const raw = buf.toString('utf8', from, to)
      this.handler.text(decode && raw.includes('&') ? decodeEntities(raw, this.line) : raw)
    }
  }

  /** Handles the markup at buf[i] === '<'; returns the position after it, or -1 when more bytes are needed. */
  private markup(buf: Buffer, i: number, end: number, final: boolean): number {
    if (end - i < 9 && !final) return -1
    const c = buf[i + 1]
    if (c === BANG) {
      if (buf[i + 2] === 45 && buf[i + 3] === 45) {
        const close = buf.indexOf(COMMENT_END, i + 4)
        if (close < 0 || close + 3 > end) return final ? this.fail('comment is not closed') : -1
        const text = buf.toString('utf8', i + 4, close)
        this.handler.comment(text)
        this.line += countNewlines(buf, i, close)
        return close + 3
      }
      if (startsWith(buf, i, end, CDATA_START)) {
        const close = buf.indexOf(CDATA_END, i + 9)
        if (close < 0 || close + 3 > end) return final ? this.fail('CDATA section is not closed') : -1
        this.text(buf, i + 9, close, false)
        this.line += countNewlines(buf, i, close)
        return close + 3
      }
      if (startsWith(buf, i, end, DOCTYPE_START)) return this.doctype(buf, i, end, final)
      return this.fail('"<!" that starts no comment, CDATA or DOCTYPE')
    }
    if (c === QUESTION) {
      const close = buf.indexOf(PI_END, i + 2)
      if (close < 0 || close + 2 > end) return final ? this.fail('processing instruction is not closed') : -1
      this.line += countNewlines(buf, i, close)
      return close + 2
    }
    if (c === SLASH) return this.endTag(buf, i, end, final)
    if (c === this.quickInitial) {
      const next = this.quickTag(buf, i, end)
      if (next > 0) return next
    }
    return this.startTag(buf, i, end, final)
  }

  private doctype(buf: Buffer, i: number, end: number, final: boolean): number {
    if (this.rootSeen) this.fail('DOCTYPE after the root element')
    let quote = 0
    let depth = 0
    for (let j = i + 9; j < end; j++) {
      const c = buf[j] as number
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === 34 || c === 39) quote = c
      else if (c === 91) depth++
      else if (c === 93) depth--
      else if (c === GT && depth <= 0) {
        this.handler.doctype(buf.toString('utf8', i, j + 1))
        this.line += countNewlines(buf, i, j)
        return j + 1
      }
    }
    return final ? this.fail('DOCTYPE is not closed') : -1
  }

  private endTag(buf: Buffer, i: number, end: number, final: boolean): number {
    const close = buf.indexOf(GT, i + 2)
    if (close < 0 || close >= end) return final ? this.fail('end tag is not closed') : -1
    let nameEnd = i + 2
    while (nameEnd < close && !isSpace(buf[nameEnd] as number)) nameEnd++
    for (let j = nameEnd; j < close; j++) if (!isSpace(buf[j] as number)) this.fail('end tag with content after its name')
    const depth = this.stack.length - 1
    if (depth < 0) this.fail(`end tag </${buf.toString('utf8', i + 2, nameEnd)}> with no open element`)
    const id = this.stack[depth] as number
    const matches = id >= 0 ? bytesEqual(buf, i + 2, nameEnd, this.names[id] as Buffer) : buf.toString('utf8', i + 2, nameEnd) === this.unknown[depth]
    if (!matches) this.fail(`end tag </${buf.toString('utf8', i + 2, nameEnd)}> does not match <${this.nameOf(depth)}>`)
    this.stack.pop()
    if (id < 0) this.unknown.pop()
    this.line += countNewlines(buf, i, close)
    if (this.stack.length === 0) this.rootClosed = true
    this.handler.close(id)
    return close + 1
  }

  private startTag(buf: Buffer, i: number, end: number, final: boolean): number {
    // Every read below is guarded by j < end: an out-of-bounds read would make V8 drop its fast code.
    let j = i + 1
    while (j < end && NAME_STOP[buf[j] as number] === 0) j++
    if (j >= end) return this.more(final)
    if (j === i + 1) this.fail('"<" that starts no tag')
    if (this.rootClosed) this.fail('a second root element')
    const id = this.elementId(buf, i + 1, j)
    const wanted = id >= 0 ? (this.attributeNames[id] as Buffer[]) : NO_NAMES
    const attrs = this.attrs
    for (let k = 0; k < wanted.length; k++) attrs.start[k] = -1
    let newlines = 0
    let c = 0
    // Attributes: name, optional whitespace, '=', optional whitespace, quoted value.
    for (;;) {
      for (; j < end; j++) {
        c = buf[j] as number
        if (c === NL) newlines++
        else if (c !== 32 && c !== 9 && c !== 13) break
      }
      if (j >= end) return this.more(final)
      if (c === GT || c === SLASH) break
      const nameStart = j
      while (j < end && NAME_STOP[buf[j] as number] === 0) j++
      const nameEnd = j
      for (; j < end; j++) {
        c = buf[j] as number
        if (c === NL) newlines++
        else if (c !== 32 && c !== 9 && c !== 13) break
      }
      if (j >= end) return this.more(final)
      if (c !== EQUALS) this.fail('attribute without "=value"', newlines)
      for (j++; j < end; j++) {
        c = buf[j] as number
        if (c === NL) newlines++
        else if (c !== 32 && c !== 9 && c !== 13) break
      }
      if (j >= end) return this.more(final)
      if (c !== 34 && c !== 39) this.fail('attribute value without quotes', newlines)
      const quote = c
      const valueStart = ++j
      let entities = 0
      for (; j < end; j++) {
        c = buf[j] as number
        if (VALUE_STOP[c] !== 0) {
          if (c === quote) break
          if (c === LT) this.fail('"<" in an attribute value', newlines)
          if (c === AMP) entities = 1
          else if (c === NL) newlines++
        }
      }
      if (j >= end) return this.more(final)
      const first = buf[nameStart]
      for (let k = 0; k < wanted.length; k++) {
        const name = wanted[k] as Buffer
        if (name[0] === first && bytesEqual(buf, nameStart, nameEnd, name)) {
          attrs.start[k] = valueStart
          attrs.end[k] = j
          attrs.entities[k] = entities
          break
        }
      }
      j++
      if (j >= end) return this.more(final)
      c = buf[j] as number
      if (NAME_STOP[c] === 0) this.fail('attributes without whitespace between them', newlines)
    }
    let selfClosing = false
    if (c === SLASH) {
      if (j + 1 >= end) return this.more(final)
      if (buf[j + 1] !== GT) this.fail('"/" in a tag not followed by ">"', newlines)
      selfClosing = true
      j++
    }
    const name = id >= 0 ? (this.handler.elements[id] as string) : buf.toString('utf8', i + 1, this.nameEnd(buf, i + 1, end))
    this.rootSeen = true
    attrs.buf = buf
    attrs.line = this.line
    this.stack.push(id)
    if (id < 0) this.unknown[this.stack.length - 1] = name
    this.handler.open(id, name, attrs)
    this.line += newlines
    if (selfClosing) {
      this.stack.pop()
      if (id < 0) this.unknown.pop()
      if (this.stack.length === 0) this.rootClosed = true
      this.handler.close(id)
    }
    return j + 1
  }

  /** -1 (wait for more bytes), or at the end of the file an unclosed tag. */
  private more(final: boolean): number {
    return final ? this.fail('tag is not closed (truncated file?)') : -1
  }

  private nameEnd(buf: Buffer, from: number, end: number): number {
    let j = from
    while (j < end && NAME_STOP[buf[j] as number] === 0) j++
    return j
  }

  private elementId(buf: Buffer, from: number, to: number): number {
    const first = buf[from]
    for (let k = 0; k < this.names.length; k++) {
      const name = this.names[k] as Buffer
      if (name[0] === first && bytesEqual(buf, from, to, name)) return k
    }
    return -1
  }
}

function bytesEqual(buf: Buffer, from: number, to: number, name: Buffer): boolean {
  if (to - from !== name.length) return false
  for (let k = 0; k < name.length; k++) if (buf[from + k] !== name[k]) return false
  return true
}

function startsWith(buf: Buffer, i: number, end: number, prefix: Buffer): boolean {
  return end - i >= prefix.length && bytesEqual(buf, i, i + prefix.length, prefix)
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0
  for (let i = buf.indexOf(NL, from); i >= 0 && i < to; i = buf.indexOf(NL, i + 1)) n++
  return n
}
