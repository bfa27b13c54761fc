// Text the action did not write (paths from reports, command text, artifact
// and shard names, baseline contents, messages that quote any of these) as
// inert GitHub-flavoured markdown: whatever it holds, no link, autolink,
// image, HTML tag, mention, issue or commit reference, emoji, table or
// <details> break, emphasis or code span comes out of it; invisible, control
// and bidi characters are shown as <U+XXXX>, line breaks as ⏎; and each value
// is capped (head … tail). Pure.
//
// Two layers, because GitHub works on both: the markdown parser sees
// entities (`&#64;` is no `@` to it), and GitHub's reference filters
// (mentions, #123, GH-1, owner/repo#1, SHAs, :emoji:) run afterwards on the
// rendered text, where entities are already decoded, so a <wbr> (a line-break
// opportunity: no character, nothing to copy) splits the text there.

/** Splits GitHub's post-render text matching without adding a character. */
export const BREAK = '<wbr>'

/** The most bytes one code point of input becomes (`&lt;U+10FFFF&gt;` is 16). */
export const MAX_BYTES_PER_CHAR = 16

/** Default cap, in characters, of one value. */
export const DEFAULT_MAX_CHARS = 300

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '|': '&#124;',
  '[': '&#91;',
  ']': '&#93;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  '~': '&#126;',
  $: '&#36;',
  '#': `&#35;${BREAK}`,
  '@': `&#64;${BREAK}`,
  ':': `&#58;${BREAK}`
}

// Line breaks, C0/C1 controls, format characters (bidi embeddings, overrides
// and isolates, zero-width space/joiners, word joiner, BOM, soft hyphen, tag
// characters), line and paragraph separators, lone surrogates, and the
// Hangul fillers that render as nothing.
const INVISIBLE = /\r\n|[\r\n\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/gu
const IS_INVISIBLE = /^[\r\n\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]$/u

// In one pass: line breaks and the invisibles above, autolink starts (www.),
// GitHub references (GH-1, commit SHAs as bare hex words of 7 or more) and
// every character markdown or GitHub gives a meaning.
const ACTIVE =
  /\r\n|www\.|GH-(?=\d)|(?<![0-9A-Za-z])[0-9A-Fa-f]{7,}(?![0-9A-Za-z])|[&<>|[\]\\`*_~$#@:\r\n\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}\u115F\u1160\u3164\uFFA0]/giu

const WORD = /[\p{L}\p{N}]/u

/** `text` capped at `maxChars` code points: the head, '…', the tail. Never splits a surrogate pair. */
export function cap(text: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  if (text.length <= maxChars) return text
  if (maxChars < 3) return '…'
  let head = text.slice(0, Math.ceil((maxChars - 1) / 2))
  let tail = text.slice(text.length - Math.floor((maxChars - 1) / 2))
  if (isHighSurrogate(head.charCodeAt(head.length - 1))) head = head.slice(0, -1)
  if (isLowSurrogate(tail.charCodeAt(0))) tail = tail.slice(1)
  return `${head}…${tail}`
}

const isHighSurrogate = (c: number): boolean => c >= 0xd800 && c <= 0xdbff
const isLowSurrogate = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff

const codePointName = (c: string): string => `U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`

/** Invisible and control characters as `<U+XXXX>`, CR, LF and CRLF as `⏎`. Still raw text (not escaped). */
export function visible(text: string): string {
  return text.replace(INVISIBLE, (c) => (c === '\r\n' || c === '\r' || c === '\n' ? '⏎' : `<${codePointName(c)}>`))
}

/**
 * Untrusted text as inert inline markdown, for paragraphs, list items,
 * <sub> lines and table cells: capped at `maxChars` (before escaping, so its
 * bytes stay under maxChars × MAX_BYTES_PER_CHAR), then, in one pass,
 * invisibles made visible and every active character escaped.
 */
export function untrusted(text: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  const escaped = cap(String(text), maxChars).replace(ACTIVE, (m: string, offset: number, whole: string) => {
    if (m.length === 1) {
      const entity = ENTITIES[m]
      if (entity !== undefined) return entity
      if (m === '\r' || m === '\n') return '⏎'
      if (m === '_') {
        // An underscore between two letters or digits can neither open nor close
        // emphasis (CommonMark's flanking rules); kept, so snake_case stays readable.
        return WORD.test(whole[offset - 1] ?? '') && WORD.test(whole[offset + 1] ?? '') ? '_' : '&#95;'
      }
      if (IS_INVISIBLE.test(m)) return `&lt;${codePointName(m)}&gt;`
      return m
    }
    if (m === '\r\n') return '⏎'
    if (IS_INVISIBLE.test(m)) return `&lt;${codePointName(m)}&gt;`
    const lower = m.toLowerCase()
    if (lower === 'www.') return `${m.slice(0, 3)}&#46;${BREAK}`
    if (lower === 'gh-') return `${m}${BREAK}`
    return (m.match(/.{1,6}/g) ?? [m]).join(BREAK)
  })
  return escapeLineStart(escaped)
}

/**
 * Untrusted text inside `<code>`, for table cells (file paths): GitHub still
 * parses markdown inside an HTML <code>, so the same escaping applies.
 */
export function code(text: string, maxChars: number = DEFAULT_MAX_CHARS): string {
  return `<code>${untrusted(text, maxChars)}</code>`
}

// A value that begins a line (a list item's text) must not start a block: a
// nested list (-, +, 1. or 1)), a setext underline (=) or, indented, code.
function escapeLineStart(text: string): string {
  const first = text[0]
  if (first === '-' || first === '+' || first === '=') return `&#${first.charCodeAt(0)};${text.slice(1)}`
  if (first === ' ') return `&#32;${text.slice(1)}`
  const ordered = /^\d{1,9}(?=[.)])/.exec(text)?.[0]
  if (ordered !== undefined) return `${ordered}&#${text.charCodeAt(ordered.length)};${text.slice(ordered.length + 1)}`
  return text
}

/**
 * `url` as a markdown link destination when it is an https URL on the host of
 * `serverUrl` (GITHUB_SERVER_URL) with no user or password in it, else null.
 * The characters that would end the destination or the table cell are
 * percent-encoded, `&` is written as `&amp;` (markdown decodes entities in
 * destinations, so the link goes where the validated URL goes).
 */
export function safeUrl(url: string | null | undefined, serverUrl: string): string | null {
  if (typeof url !== 'string' || url === '') return null
  let parsed: URL
  let server: URL
  try {
    parsed = new URL(url)
    server = new URL(serverUrl)
  } catch {
    return null
  }
  if (parsed.protocol !== 'https:' || server.protocol !== 'https:') return null
  if (parsed.host !== server.host || parsed.username !== '' || parsed.password !== '') return null
  return parsed.href.replace(/[()[\]|<>\\\s`"']|&/g, (c) => (c === '&' ? '&amp;' : `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`))
}

/** `[label](url)` when `url` passes safeUrl, else the label alone. `label` is markdown the caller made safe. */
export function link(label: string, url: string | null | undefined, serverUrl: string): string {
  const target = safeUrl(url, serverUrl)
  return target ? `[${label}](${target})` : label
}
