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
import { Byte, bytesOf, Digits, equalsAt, FixedBytes, hasBomAt, isSpace, startsWithAt } from './bytes.js'

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
const COMMENT_START = bytesOf('<!--')
const COMMENT_END = bytesOf('-->')
const CDATA_START = bytesOf('<![CDATA[')
const CDATA_END = bytesOf(']]>')
const PI_END = bytesOf('?>')
const DOCTYPE_START = bytesOf('<!DOCTYPE')

const NO_NAMES: Uint8Array[] = []
/** Bytes that end a tag or attribute name: whitespace, '=', '/', '>'. */
const NAME_STOP = new Uint8Array(256)
for (const c of [Byte.Space, Byte.LineFeed, Byte.Tab, Byte.CarriageReturn, Byte.Equals, Byte.Slash, Byte.GreaterThan]) NAME_STOP[c] = 1
/** Bytes an attribute value loop must look at: quotes, '<', '&', newline. */
const VALUE_STOP = new Uint8Array(256)
for (const c of [Byte.DoubleQuote, Byte.SingleQuote, Byte.LessThan, Byte.Ampersand, Byte.LineFeed]) VALUE_STOP[c] = 1

/** The captured attributes of the tag being opened; valid only during XmlHandler.open. */
export class XmlAttributes {
  buf: Buffer = Buffer.alloc(0)
  readonly start = new Int32Array(MAX_ATTRIBUTES).fill(-1)
  readonly end = new Int32Array(MAX_ATTRIBUTES)
  readonly entities = new Uint8Array(MAX_ATTRIBUTES)
  line = 0
  private readonly digits = new Digits()

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
    return this.digits.at(this.buf, s, e) === e ? this.digits.value : -1
  }

  /** Numbers of the first "(a/b)" in the value (as in condition-coverage="50% (1/2)"), in this.numerator / this.denominator; false when there is none. */
  numerator = 0
  denominator = 0
  fraction(slot: number): boolean {
    const s = this.start[slot] as number
    const e = this.end[slot] as number
    const buf = this.buf
    const digits = this.digits
    for (let i = s; i < e; i++) {
      if (buf[i] !== Byte.OpenParen) continue
      const slash = digits.at(buf, i + 1, e)
      const a = digits.value
      if (slash === i + 1 || slash >= e || buf[slash] !== Byte.Slash) continue
      const close = digits.at(buf, slash + 1, e)
      if (close === slash + 1 || close >= e || buf[close] !== Byte.CloseParen) continue
      this.numerator = a
      this.denominator = digits.value
      return true
    }
    return false
  }

  /** Whether the raw value is exactly these bytes (see bytesOf). */
  is(slot: number, word: Uint8Array): boolean {
    const s = this.start[slot] as number
    return s >= 0 && equalsAt(this.buf, s, this.end[slot] as number, word)
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
  private readonly names: Uint8Array[]
  private readonly attributeNames: Uint8Array[][]
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
  private readonly digits = new Digits()

  constructor(private readonly handler: XmlHandler) {
    this.names = handler.elements.map(bytesOf)
    this.attributeNames = handler.attributes.map((list) => list.map(bytesOf))
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
    const digits = this.digits
    const firstStart = i + head.length
    let j = digits.at(buf, firstStart, end)
    const first = digits.value
    if (j === firstStart || j - firstStart > 9 || j + middle.length > end || !middle.at(this.view, buf, j)) return -1
    const secondStart = j + middle.length
    j = digits.at(buf, secondStart, end)
    const second = digits.value
    if (j === secondStart || j - secondStart > 15 || j + 2 >= end) return -1
    if (buf[j] !== Byte.DoubleQuote || buf[j + 1] !== Byte.Slash || buf[j + 2] !== Byte.GreaterThan) return -1
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
      if (hasBomAt(buf, 0)) pos = 3
    }
    // The whitespace tests here and in startTag's loops are written out on purpose, for speed: isBlank() measured 2 % slower.
    while (pos < end) {
      // Text up to the next '<'.
      let i = pos
      let newlines = 0
      let content = false
      for (; i < end; i++) {
        const c = buf[i] as number
        if (c === Byte.LessThan) break
        if (c === Byte.LineFeed) newlines++
        else if (c !== Byte.Space && c !== Byte.Tab && c !== Byte.CarriageReturn) content = true
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
    if (c === Byte.Bang) {
      if (startsWithAt(buf, i, end, COMMENT_START)) {
        const close = buf.indexOf(COMMENT_END, i + 4)
        if (close < 0 || close + 3 > end) return final ? this.fail('comment is not closed') : -1
        const text = buf.toString('utf8', i + 4, close)
        this.handler.comment(text)
        this.line += countNewlines(buf, i, close)
        return close + 3
      }
      if (startsWithAt(buf, i, end, CDATA_START)) {
        const close = buf.indexOf(CDATA_END, i + CDATA_START.length)
        if (close < 0 || close + 3 > end) return final ? this.fail('CDATA section is not closed') : -1
        this.text(buf, i + CDATA_START.length, close, false)
        this.line += countNewlines(buf, i, close)
        return close + 3
      }
      if (startsWithAt(buf, i, end, DOCTYPE_START)) return this.doctype(buf, i, end, final)
      return this.fail('"<!" that starts no comment, CDATA or DOCTYPE')
    }
    if (c === Byte.Question) {
      const close = buf.indexOf(PI_END, i + 2)
      if (close < 0 || close + 2 > end) return final ? this.fail('processing instruction is not closed') : -1
      this.line += countNewlines(buf, i, close)
      return close + 2
    }
    if (c === Byte.Slash) return this.endTag(buf, i, end, final)
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
    for (let j = i + DOCTYPE_START.length; j < end; j++) {
      const c = buf[j] as number
      if (quote) {
        if (c === quote) quote = 0
      } else if (c === Byte.DoubleQuote || c === Byte.SingleQuote) quote = c
      else if (c === Byte.OpenBracket) depth++
      else if (c === Byte.CloseBracket) depth--
      else if (c === Byte.GreaterThan && depth <= 0) {
        this.handler.doctype(buf.toString('utf8', i, j + 1))
        this.line += countNewlines(buf, i, j)
        return j + 1
      }
    }
    return final ? this.fail('DOCTYPE is not closed') : -1
  }

  private endTag(buf: Buffer, i: number, end: number, final: boolean): number {
    const close = buf.indexOf(Byte.GreaterThan, i + 2)
    if (close < 0 || close >= end) return final ? this.fail('end tag is not closed') : -1
    let nameEnd = i + 2
    while (nameEnd < close && !isSpace(buf[nameEnd] as number)) nameEnd++
    for (let j = nameEnd; j < close; j++) if (!isSpace(buf[j] as number)) this.fail('end tag with content after its name')
    const depth = this.stack.length - 1
    if (depth < 0) this.fail(`end tag </${buf.toString('utf8', i + 2, nameEnd)}> with no open element`)
    const id = this.stack[depth] as number
    const matches =
      id >= 0 ? equalsAt(buf, i + 2, nameEnd, this.names[id] as Uint8Array) : buf.toString('utf8', i + 2, nameEnd) === this.unknown[depth]
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
    const wanted = id >= 0 ? (this.attributeNames[id] as Uint8Array[]) : NO_NAMES
    const attrs = this.attrs
    for (let k = 0; k < wanted.length; k++) attrs.start[k] = -1
    let newlines = 0
    let c = 0
    // Attributes: name, optional whitespace, '=', optional whitespace, quoted value.
    for (;;) {
      for (; j < end; j++) {
        c = buf[j] as number
        if (c === Byte.LineFeed) newlines++
        else if (c !== Byte.Space && c !== Byte.Tab && c !== Byte.CarriageReturn) break
      }
      if (j >= end) return this.more(final)
      if (c === Byte.GreaterThan || c === Byte.Slash) break
      const nameStart = j
      while (j < end && NAME_STOP[buf[j] as number] === 0) j++
      const nameEnd = j
      for (; j < end; j++) {
        c = buf[j] as number
        if (c === Byte.LineFeed) newlines++
        else if (c !== Byte.Space && c !== Byte.Tab && c !== Byte.CarriageReturn) break
      }
      if (j >= end) return this.more(final)
      if (c !== Byte.Equals) this.fail('attribute without "=value"', newlines)
      for (j++; j < end; j++) {
        c = buf[j] as number
        if (c === Byte.LineFeed) newlines++
        else if (c !== Byte.Space && c !== Byte.Tab && c !== Byte.CarriageReturn) break
      }
      if (j >= end) return this.more(final)
      if (c !== Byte.DoubleQuote && c !== Byte.SingleQuote) this.fail('attribute value without quotes', newlines)
      const quote = c
      const valueStart = ++j
      let entities = 0
      for (; j < end; j++) {
        c = buf[j] as number
        if (VALUE_STOP[c] !== 0) {
          if (c === quote) break
          if (c === Byte.LessThan) this.fail('"<" in an attribute value', newlines)
          if (c === Byte.Ampersand) entities = 1
          else if (c === Byte.LineFeed) newlines++
        }
      }
      if (j >= end) return this.more(final)
      const first = buf[nameStart]
      for (let k = 0; k < wanted.length; k++) {
        const name = wanted[k] as Uint8Array
        if (name[0] === first && equalsAt(buf, nameStart, nameEnd, name)) {
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
    if (c === Byte.Slash) {
      if (j + 1 >= end) return this.more(final)
      if (buf[j + 1] !== Byte.GreaterThan) this.fail('"/" in a tag not followed by ">"', newlines)
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
      const name = this.names[k] as Uint8Array
      if (name[0] === first && equalsAt(buf, from, to, name)) return k
    }
    return -1
  }
}

function countNewlines(buf: Buffer, from: number, to: number): number {
  let n = 0
  for (let i = buf.indexOf(Byte.LineFeed, from); i >= 0 && i < to; i = buf.indexOf(Byte.LineFeed, i + 1)) n++
  return n
}
