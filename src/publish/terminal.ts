// The job summary as terminal text, for a run outside GitHub Actions: the
// markdown stays (tables read well as they are), the HTML the step summary
// needs (<details>, <code>, <sub>, <wbr>, entities) becomes plain text. Pure.
//
// Entities are decoded once, left to right (so `&amp;#64;` shows as `&#64;`),
// and only then are control characters dealt with: whatever an entity or the
// text itself holds, no escape sequence (ESC, CSI, OSC), carriage return,
// backspace or bidi override reaches the terminal; each is shown as <U+XXXX>.

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

const ENTITY = /&(?:#(\d{1,7})|#[xX]([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g

// C0 (but tab and newline), DEL, C1, format characters (bidi, zero-width),
// line/paragraph separators, lone surrogates.
const UNSAFE = /[\0-\x08\x0B-\x1F\x7F-\x9F\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu

function decodeEntities(text: string): string {
  return text.replace(ENTITY, (whole, dec: string | undefined, hex: string | undefined, name: string | undefined) => {
    if (name) return NAMED[name] ?? whole
    const code = dec !== undefined ? Number.parseInt(dec, 10) : Number.parseInt(hex ?? '', 16)
    if (!Number.isFinite(code) || code > 0x10ffff) return whole
    return String.fromCodePoint(code)
  })
}

/** Control and invisible characters as <U+XXXX>, so none acts on the terminal. */
export function terminalSafe(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(UNSAFE, (c) => `<U+${(c.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}>`)
}

export function summaryForTerminal(markdown: string): string {
  const text = markdown
    .replace(/<details><summary>(.*?)<\/summary>/g, '$1:')
    .replace(/<\/details>\n?/g, '')
    .replace(/<\/?sub>/g, '')
    .replace(/<code>(.*?)<\/code>/g, '$1')
    .replace(/<br>/g, '; ')
    .replace(/<wbr>/g, '')
  return terminalSafe(decodeEntities(text)).replace(/\n{3,}/g, '\n\n')
}
