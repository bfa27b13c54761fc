import { marked } from 'marked'
import { HOSTILE, tags } from './hostile.js'
import { cap, code, link, MAX_BYTES_PER_CHAR, safeUrl, untrusted, visible } from '../../../src/safety/markdown.js'

function rendered(markdown: string): string {
  return marked.parse(markdown, { gfm: true, async: false })
}

describe('untrusted', () => {
  it.each(Object.entries(HOSTILE))('%s: renders to inert text, with no active form left in the markdown', (_name, raw) => {
    const md = untrusted(raw, 10_000)
    // No raw active forms: once our entities and <wbr>s are taken out, none of markdown's or GitHub's characters is left.
    const residue = md.replace(/&#\d+;|&(amp|lt|gt|quot);|<wbr>/g, '')
    expect(residue).not.toMatch(/[[\]<>`|\r\n*~$\\@#:&]|www\./i)
    expect(md).not.toMatch(/^[-+ =]|^\d+[.)]/)
    expect(md).not.toContain('](')
    expect(md).not.toMatch(/@alice|#123|<img|<a |<script|<\/details>/)
    expect(md).not.toMatch(/[\u202A-\u202E\u2066-\u2069\u200B-\u200D\u2060\uFEFF\x00-\x1f\x7f-\x9f\u2028\u2029]/)
    // As a paragraph, a list item, a table cell and in <code>: no element but our own.
    for (const doc of [md, `- ${md}`, `| a | b |\n| --- | --- |\n| ${md} | ${code(raw, 10_000)} |`, `<sub>${md}</sub>`]) {
      const html = rendered(doc)
      expect(tags(html).filter((t) => !['p', 'ul', 'li', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'code', 'sub', 'wbr'].includes(t))).toEqual([])
    }
    // The table keeps its two columns.
    const table = rendered(`| a | b |\n| --- | --- |\n| ${md} | ${code(raw, 10_000)} |`)
    expect(table.match(/<td>/g)).toHaveLength(2)
    expect(table.match(/<tr>/g)).toHaveLength(2)
  })

  it('shows the text itself: what GFM displays, without the <wbr>s, is the value (made visible)', () => {
    const cases = [
      '[tracker](https://evil.example/x)',
      '@org/security-team cc @alice',
      'fixes #123, GH-1, owner/repo#1',
      'a | b',
      'snake_case_name',
      '_x_ *y*',
      'it\'s "q" & <t>',
      ':smile:',
      '- item',
      '1) x'
    ]
    for (const raw of cases) {
      const html = rendered(untrusted(raw))
        .replace(/<\/?p>\n?/g, '')
        .replace(/<wbr>/g, '')
      const text = html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ({ '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" })[e] ?? e)
      expect(text).toBe(raw)
    }
  })

  it('writes the mentions, references and URLs of the incident report so that nothing links or pings', () => {
    expect(untrusted('@org/security-team cc @alice')).toBe('&#64;<wbr>org/security-team cc &#64;<wbr>alice')
    expect(untrusted('#123 GH-1 owner/repo#1')).toBe('&#35;<wbr>123 GH-<wbr>1 owner/repo&#35;<wbr>1')
    expect(untrusted('https://evil.example www.evil.example')).toBe('https&#58;<wbr>//evil.example www&#46;<wbr>evil.example')
    expect(untrusted('a5c3785ed8d6a35868bc169f07e40e889087fd2e')).toBe('a5c378<wbr>5ed8d6<wbr>a35868<wbr>bc169f<wbr>07e40e<wbr>889087<wbr>fd2e')
    expect(untrusted('[x](y) ![i](j)')).toBe('&#91;x&#93;(y) !&#91;i&#93;(j)')
    expect(untrusted('a\r\nb\rc\nd')).toBe('a⏎b⏎c⏎d')
    expect(untrusted('\u202Eevil\u200B')).toBe('&lt;U+202E&gt;evil&lt;U+200B&gt;')
  })

  it('keeps snake_case, but escapes underscores that could open or close emphasis', () => {
    expect(untrusted('my_module_name.py')).toBe('my_module_name.py')
    expect(untrusted('_private_.py')).toBe('&#95;private&#95;.py')
  })

  it('escapes what would start a block when the value begins a line', () => {
    expect(untrusted('- x')).toBe('&#45; x')
    expect(untrusted('+ x')).toBe('&#43; x')
    expect(untrusted('12. x')).toBe('12&#46; x')
    expect(untrusted('    indented')).toBe('&#32;   indented')
  })

  it('caps a long value to its head and tail, at most MAX_BYTES_PER_CHAR bytes a character', () => {
    const long = `${'a/'.repeat(5000)}end.rs`
    const md = untrusted(long, 200)
    expect(md.endsWith('end.rs')).toBe(true)
    expect(md).toContain('…')
    const worst = ['\u0001', '@', '\u{E0001}', ':', '#', '\u202E']
    for (const c of worst) expect(Buffer.byteLength(untrusted(c.repeat(1000), 200))).toBeLessThanOrEqual(200 * MAX_BYTES_PER_CHAR)
  })
})

describe('cap', () => {
  it('keeps short text, cuts long text around an ellipsis, never inside a surrogate pair', () => {
    expect(cap('short', 10)).toBe('short')
    expect(cap('0123456789abcdef', 9)).toBe('0123…cdef')
    const emoji = '😀'.repeat(20)
    const capped = cap(emoji, 9)
    expect(capped).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/)
    expect([...capped].length).toBeLessThanOrEqual(9)
  })
})

describe('visible', () => {
  it('names bidi, zero-width, control and separator characters', () => {
    expect(visible('a\u202Ab\u2066c\u200Dd\uFEFFe\x1bf\u2028')).toBe('a<U+202A>b<U+2066>c<U+200D>d<U+FEFF>e<U+001B>f<U+2028>')
  })
})

describe('code', () => {
  it('escapes inside <code> too, since GitHub parses markdown there', () => {
    const cell = code('[tracker](https://evil.example)')
    expect(cell).toBe('<code>&#91;tracker&#93;(https&#58;<wbr>//evil.example)</code>')
    expect(rendered(`| f |\n| --- |\n| ${cell} |`)).not.toContain('<a')
  })
})

describe('safeUrl and link', () => {
  const server = 'https://github.com'
  it('links https URLs on the server host only', () => {
    expect(safeUrl('https://github.com/o/r/actions/runs/1', server)).toBe('https://github.com/o/r/actions/runs/1')
    expect(safeUrl('http://github.com/o/r', server)).toBeNull()
    expect(safeUrl('javascript:alert(1)', server)).toBeNull()
    expect(safeUrl('https://evil.example/o/r', server)).toBeNull()
    expect(safeUrl('https://github.com.evil.example/x', server)).toBeNull()
    expect(safeUrl('https://github.com@evil.example/x', server)).toBeNull()
    expect(safeUrl('https://user:pw@github.com/x', server)).toBeNull()
    expect(safeUrl('//github.com/x', server)).toBeNull()
    expect(safeUrl('not a url', server)).toBeNull()
    expect(safeUrl(null, server)).toBeNull()
    expect(safeUrl('https://ghe.example.com/o/r', 'https://ghe.example.com')).toBe('https://ghe.example.com/o/r')
    expect(safeUrl('https://github.com/o/r', 'https://ghe.example.com')).toBeNull()
  })

  it('encodes what would end the destination or the table cell', () => {
    const dest = safeUrl('https://github.com/o/r/x)](https://evil.example)|y?a=1&b=2', server)
    expect(dest).toBe('https://github.com/o/r/x%29%5D%28https://evil.example%29%7Cy?a=1&amp;b=2')
    const html = rendered(`| a |\n| --- |\n| ${link('run', dest === null ? null : 'https://github.com/o/r/x)](https://evil.example)|y', server)} |`)
    expect(html.match(/<a /g)).toHaveLength(1)
    expect(html).toContain('href="https://github.com/o/r/x%29%5D%28https://evil.example%29%7Cy"')
    expect(html.match(/<td>/g)).toHaveLength(1)
  })

  it('gives the label alone when the URL is not safe', () => {
    expect(link('run 5', 'https://evil.example/run', server)).toBe('run 5')
    expect(link('run 5', undefined, server)).toBe('run 5')
  })
})
