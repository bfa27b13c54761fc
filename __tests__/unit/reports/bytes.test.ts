// The byte helpers the lcov reader and the XML scanner share.
import { Byte, bytesOf, Digits, equalsAt, hasBomAt, isBlank, isSpace, startsWithAt, trimEnd } from '../../../src/reports/bytes.js'

const bytes = (text: string): Buffer => Buffer.from(text)

describe('byte codes', () => {
  it('are the ASCII codes of their characters', () => {
    const named: [Byte, string][] = [
      [Byte.Colon, ':'],
      [Byte.Comma, ','],
      [Byte.LessThan, '<'],
      [Byte.GreaterThan, '>'],
      [Byte.Slash, '/'],
      [Byte.DoubleQuote, '"'],
      [Byte.Digit0, '0'],
      [Byte.Digit9, '9'],
      [Byte.D, 'D'],
      [Byte.LowerE, 'e'],
      [Byte.LineFeed, '\n'],
      [Byte.CarriageReturn, '\r']
    ]
    for (const [code, char] of named) expect(code).toBe(char.charCodeAt(0))
  })
})

describe('Digits', () => {
  it('reads the digits at a position, stopping at the first other byte or at the stop', () => {
    const digits = new Digits()
    const buf = bytes('DA:1234,5')
    expect(digits.at(buf, 3, buf.length)).toBe(7)
    expect(digits.value).toBe(1234)
    expect(digits.at(buf, 3, 5)).toBe(5)
    expect(digits.value).toBe(12)
  })

  it('returns the position itself, and 0, when there is no digit', () => {
    const digits = new Digits()
    expect(digits.at(bytes('x1'), 0, 2)).toBe(0)
    expect(digits.value).toBe(0)
    expect(digits.at(bytes('-1'), 0, 2)).toBe(0)
  })
})

describe('matching fixed bytes', () => {
  const buf = bytes('end_of_record\nFNF:3')

  it('equalsAt wants the whole range to be the word', () => {
    expect(equalsAt(buf, 0, 13, bytesOf('end_of_record'))).toBe(true)
    expect(equalsAt(buf, 0, 14, bytesOf('end_of_record'))).toBe(false)
    expect(equalsAt(buf, 0, 3, bytesOf('end_of_record'))).toBe(false)
  })

  it('startsWithAt wants the word before the end, never past it', () => {
    expect(startsWithAt(buf, 14, buf.length, bytesOf('FNF:'))).toBe(true)
    expect(startsWithAt(buf, 14, 17, bytesOf('FNF:'))).toBe(false)
    expect(startsWithAt(buf, 14, buf.length, bytesOf('FNH:'))).toBe(false)
  })

  it('hasBomAt finds the UTF-8 byte order mark', () => {
    expect(hasBomAt(Buffer.from([0xef, 0xbb, 0xbf, 0x53]), 0)).toBe(true)
    expect(hasBomAt(bytes('SF:x'), 0)).toBe(false)
  })
})

describe('whitespace', () => {
  it('isSpace is XML whitespace; isBlank the same without the line feed', () => {
    for (const c of ' \t\r\n') expect(isSpace(c.charCodeAt(0))).toBe(true)
    for (const c of ' \t\r') expect(isBlank(c.charCodeAt(0))).toBe(true)
    expect(isBlank(Byte.LineFeed)).toBe(false)
    expect(isSpace('x'.charCodeAt(0))).toBe(false)
  })

  it('trimEnd leaves off trailing blanks, not the value', () => {
    const buf = bytes('LF:12 \t\r')
    expect(trimEnd(buf, 0, buf.length)).toBe(5)
    expect(trimEnd(bytes('   '), 0, 3)).toBe(0)
  })
})
