// The parsers on reports made by the real tools (see __fixtures__/real/README.md
// for the tools' own figures) and on malformed input.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseCoberturaBuffer, parseCoberturaFile } from '../../../src/reports/cobertura.js'
import { pythonHeadline, rustHeadline } from '../../../src/reports/headline.js'
import { parseLcovBuffer, parseLcovFile } from '../../../src/reports/lcov.js'
import { ReportError } from '../../../src/model/errors.js'
import { realReportFile, repoRoot } from '../../../test-support/fixtures.js'

const real = path.resolve('__fixtures__/real')
const root = path.join(repoRoot, 'examples/mixed-project')

describe('lcov from cargo-llvm-cov', () => {
  it('totals equal cargo llvm-cov (LF/LH) and genhtml (DA)', async () => {
    const report = await parseLcovFile(realReportFile('rust.lcov'), { root })
    expect(report.declared.lines).toEqual({ covered: 186, total: 227 })
    expect(report.totals.lines).toEqual({ covered: 172, total: 209 })
    expect(report.totals.functions).toEqual({ covered: 36, total: 46 })
    expect(report.producer).toBe('llvm-cov')
    expect(report.files.map((f) => f.path)).toEqual(['src/lib.rs', 'src/stats.rs', 'src/text.rs'])
    expect(rustHeadline(report)?.percent.toFixed(2)).toBe('81.94')
    expect(report.warnings).toEqual([])
  })

  it('coverage.py lcov equals its XML', async () => {
    const report = await parseLcovFile(path.join(real, 'python.lcov'))
    expect(report.totals.lines).toEqual({ covered: 105, total: 126 })
  })
})

describe('lcov edge cases', () => {
  const parse = (text: string) => parseLcovBuffer(Buffer.from(text), 'edge.lcov')
  it('CRLF, BOM, Windows paths, lcov 2.x FN with commas, FNDA before FN', () => {
    const r = parseLcovBuffer(
      Buffer.from('\uFEFFTN:\r\nSF:C:\\Work\\repo\\src\\a.rs\r\nFNDA:2,foo<a, b>\r\nFN:3,9,foo<a, b>\r\nDA:3,2\r\nDA:4,0\r\nend_of_record\r\n'),
      'edge.lcov',
      { root: 'c:\\work\\repo' }
    )
    expect(r.files[0]?.path).toBe('src/a.rs')
    expect(r.files[0]?.functions).toEqual({ covered: 1, total: 1 })
    expect(r.totals.lines).toEqual({ covered: 1, total: 2 })
  })
  it('merges repeated SF sections and keeps an unterminated last record with a warning', () => {
    const r = parse('SF:a.rs\nDA:1,0\nDA:2,1\nLF:2\nLH:1\nend_of_record\nSF:a.rs\nDA:1,5\nDA:3,0\nLF:2\nLH:1\n')
    expect(r.files).toHaveLength(1)
    expect(r.totals.lines).toEqual({ covered: 2, total: 3 })
    expect(r.declared).toEqual({})
    expect(r.warnings).toEqual([
      'edge.lcov:11: the last section has no end_of_record (truncated file?); kept',
      'edge.lcov: 1 source file(s) appear in more than one section (merged line by line); their LF/LH cannot be added up, so line figures come from the DA records'
    ])
  })
  it('bad counts warn with file and line and count as not hit; huge counts are hits', () => {
    const r = parse(
      'SF:a.rs\nDA:1,-1\nDA:2,=====\nDA:3,18446744073709551615\nDA:4,1.5e3\nDA:5,0.0\nBRDA:3,0,jump to line 7, or not,-\nend_of_record\n'
    )
    expect(r.totals.lines).toEqual({ covered: 2, total: 5 })
    expect(r.totals.branches).toEqual({ covered: 0, total: 1 })
    expect(r.warnings).toEqual([
      'edge.lcov:2: DA has a negative execution count -1; read as 0',
      'edge.lcov:3: DA has an invalid execution count "====="; read as 0',
      'edge.lcov:5: DA has a count that is not a whole number (1.5e3); read as run',
      'edge.lcov:6: DA has a count that is not a whole number (0.0); read as 0'
    ])
  })
  it('merges branches across repeated sections, with packed and text ids alike', () => {
    const r = parse(
      'SF:a.rs\nBRDA:3,0,0,0\nBRDA:3,0,1,-\nBRDA:9,99,70000,0\nend_of_record\nSF:a.rs\nBRDA:3,0,0,4\nBRDA:3,0,1,x\nBRDA:9,99,70000,2\nBRDA:5,0,(a && b),1\nend_of_record\n'
    )
    expect(r.totals.branches).toEqual({ covered: 3, total: 4 })
    expect(r.warnings[0]).toBe('edge.lcov:8: BRDA has an invalid execution count "x"; read as 0')
  })
  it('counts function names only for sections without FNF/FNH', () => {
    const r = parse('SF:a.rs\nFN:1,f\nFN:5,g\nFNDA:1,f\nFNDA:0,g\nend_of_record\nSF:b.rs\nFN:1,f\nFNDA:1,f\nFNF:7\nFNH:3\nend_of_record\n')
    expect(r.files.map((f) => f.functions)).toEqual([
      { covered: 1, total: 2 },
      { covered: 3, total: 7 }
    ])
  })
  it('reads a multi-chunk file (lines cut at chunk edges, CRLF) exactly as the same bytes in memory', async () => {
    const sections: string[] = []
    for (let f = 0; f < 700; f++) {
      const body = [`SF:src/f${f}.rs`, `FN:1,_ZN4name${f}E`, `FNDA:${f % 3},_ZN4name${f}E`, 'FNF:1', `FNH:${f % 3 ? 1 : 0}`]
      for (let l = 1; l <= 300; l++) body.push(`DA:${l},${(l * f) % 5}`)
      for (let b = 0; b < 20; b++) body.push(`BRDA:${b + 1},0,${b % 2},${(b * f) % 3 === 0 ? '-' : b}`)
      body.push('LF:300', 'LH:1', 'end_of_record')
      sections.push(body.join(f % 2 ? '\r\n' : '\n'))
    }
    const text = sections.join('\n') + '\n'
    expect(text.length).toBeGreaterThan(2 << 20)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-lcov-')), 'big.lcov')
    fs.writeFileSync(file, text)
    const streamed = await parseLcovFile(file, { displayName: 'big.lcov' })
    const inMemory = parseLcovBuffer(Buffer.from(text), 'big.lcov')
    expect(streamed).toEqual(inMemory)
    expect(streamed.files).toHaveLength(700)
    expect(streamed.totals.lines.total).toBe(700 * 300)
    expect(streamed.totals.lines.covered).toBe(
      sections.length &&
        700 * 300 - [...Array(700).keys()].reduce((n, f) => n + [...Array(300).keys()].filter((i) => ((i + 1) * f) % 5 === 0).length, 0)
    )
    expect(streamed.warnings).toEqual([])
  })
  it.each([
    ['', 'edge.lcov: empty file'],
    ['TN:\n', 'edge.lcov: no coverage data (no SF records)'],
    [
      'version https://git-lfs.github.com/spec/v1\noid sha256:abc\nsize 12\n',
      'edge.lcov: is a Git LFS pointer, not the report (fetch LFS objects or fix the path)'
    ],
    ['<?xml version="1.0"?><coverage/>', 'edge.lcov: is XML (Cobertura?), not lcov'],
    ['SF:a\u0000b', 'edge.lcov: binary file, not an lcov report']
  ])('%j is refused with one clear line', (text, message) => {
    expect(() => parse(text)).toThrow(new ReportError('edge.lcov', message.slice('edge.lcov: '.length)))
  })
  it('a missing file or a folder is a clear error', async () => {
    await expect(parseLcovFile('/nonexistent/rust.lcov', { displayName: 'rust.lcov' })).rejects.toThrow('rust.lcov: not found')
    await expect(parseLcovFile(os.tmpdir(), { displayName: 'tmp' })).rejects.toThrow('tmp: is a directory, not a report file')
  })
})

describe('Cobertura', () => {
  it('coverage.py XML totals equal coverage.py', async () => {
    const r = await parseCoberturaFile(realReportFile('python.xml'), { root })
    expect(r.totals.lines).toEqual({ covered: 105, total: 126 })
    expect(r.producer).toBe('coverage.py')
    expect(pythonHeadline(r)?.percent).toBeCloseTo(83.33333333333333, 10)
  })
  it('branch mode equals coverage.py percent_covered (statements + branches)', async () => {
    const r = await parseCoberturaFile(realReportFile('python-branch.xml'), { root })
    const json = JSON.parse(fs.readFileSync(path.join(real, 'python-branch.json'), 'utf8'))
    expect(r.totals.branches).toEqual({ covered: 28, total: 42 })
    expect(pythonHeadline(r)?.percent).toBeCloseTo(json.totals.percent_covered, 10)
  })
  it('cargo llvm-cov --cobertura equals the DA lines of its lcov', async () => {
    const r = await parseCoberturaFile(realReportFile('rust.cobertura.xml'), { root })
    expect(r.totals.lines).toEqual({ covered: 172, total: 209 })
  })
  it('real XML semantics: comments, CDATA, single quotes, Java method duplicates', () => {
    const xml = `<?xml version="1.0"?><coverage lines-valid="2" lines-covered="1"><sources><source><![CDATA[/src]]></source></sources>
      <packages><package name="p"><classes><class name='a' filename='a.py'>
      <methods><method name="m"><lines><line number="1" hits="1"/></lines></method></methods>
      <lines><!-- <line number="9" hits="1"/> --><line number='1' hits='1.0'/><line number="2" hits="0"/></lines></class></classes></package></packages></coverage>`
    const r = parseCoberturaBuffer(Buffer.from(xml), 'c.xml')
    expect(r.totals.lines).toEqual({ covered: 1, total: 2 })
  })
  it('entities, tabs and newlines in tags, ">" in values, a DOCTYPE with a system id (cargo-llvm-cov) and a BOM', () => {
    const xml = `\uFEFF<?xml version="1.0"?>\n<!DOCTYPE coverage SYSTEM "https://cobertura.sourceforge.net/xml/coverage-04.dtd">\n<coverage\n\tversion="2.0.3"><packages><package name="a&gt;b"><classes>
      <class name="x" filename="src/a&amp;b&#x2F;c&#46;rs"><lines>
        <line\n number = "3"\thits="2" note="a>b"/><line number="4" hits="0" branch="true" condition-coverage="50% (1/2)"></line>
      </lines></class></classes></package></packages></coverage>\n<!-- trailing comment -->\n`
    const r = parseCoberturaBuffer(Buffer.from(xml), 'c.xml')
    expect(r.files.map((f) => [f.path, f.lines, f.branches])).toEqual([['src/a&b/c.rs', { covered: 1, total: 2 }, { covered: 1, total: 2 }]])
  })
  it('reads a multi-chunk file exactly as the same bytes in memory', async () => {
    const parts = [
      '<?xml version="1.0" ?>\n<coverage lines-valid="0" lines-covered="0">\n\t<!-- Generated by coverage.py: https://coverage.readthedocs.io/en/7.17.4 -->\n\t<sources>\n\t\t<source>/nowhere</source>\n\t</sources>\n\t<packages>\n'
    ]
    for (let c = 0; c < 300; c++) {
      parts.push(`\t\t<package name="p${c}"><classes><class name="m${c}.py" filename="p${c}/m${c}.py"><methods/><lines>\n`)
      for (let l = 1; l <= 200; l++)
        parts.push(
          l % 7 === 0
            ? `\t\t\t<line number="${l}" hits="${(l * c) % 3}" branch="true" condition-coverage="50% (1/2)" missing-branches="${l + 1}"/>\n`
            : `\t\t\t<line number='${l}' hits='${(l + c) % 4}'/>\n`
        )
      parts.push('\t\t</lines></class></classes></package>\n')
    }
    parts.push('\t</packages>\n</coverage>\n')
    const text = parts.join('')
    expect(text.length).toBeGreaterThan(2 << 20)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-xml-')), 'big.xml')
    fs.writeFileSync(file, text)
    const streamed = await parseCoberturaFile(file, { displayName: 'big.xml' })
    expect(streamed).toEqual(parseCoberturaBuffer(Buffer.from(text), 'big.xml'))
    expect(streamed.producerVersion).toBe('7.17.4')
    expect(streamed.totals.lines.total).toBe(300 * 200)
    expect(streamed.totals.branches.total).toBe(300 * 28 * 2)
  })
  it.each([
    ['<coverage><packages><package></coverage>', 'c.xml: is not well-formed XML (line 1: end tag </coverage> does not match <package>)'],
    ['<coverage>\n<class filename="a.py">\n<line number="1" hits="1"', 'c.xml: is not well-formed XML (line 3: tag is not closed (truncated file?))'],
    [
      '<coverage><class filename="&secret;"/></coverage>',
      'c.xml: is not well-formed XML (line 1: undefined entity &secret; (entities are not expanded))'
    ],
    ['<coverage/>\n<coverage/>', 'c.xml: is not well-formed XML (line 2: a second root element)'],
    ['<coverage/>trailing', 'c.xml: is not well-formed XML (line 1: text after the root element)'],
    ['<coverage a=1/>', 'c.xml: is not well-formed XML (line 1: attribute value without quotes)'],
    ['<!-- only a comment -->', 'c.xml: is not well-formed XML (line 1: no root element)']
  ])('%j is refused with the line of the problem', (xml, message) => {
    expect(() => parseCoberturaBuffer(Buffer.from(xml), 'c.xml')).toThrow(new ReportError('c.xml', message.slice('c.xml: '.length)))
  })
  it.each([
    ['<?xml version="1.0"?><!DOCTYPE c [<!ENTITY x "y">]><coverage/>', 'c.xml: declares XML entities (refused)'],
    ['<report><x/></report>', 'c.xml: is not a Cobertura report (root element <report>)'],
    ['SF:a.rs\nDA:1,1\nend_of_record\n', 'c.xml: is lcov, not Cobertura XML'],
    ['<coverage><packages>', 'c.xml: is not well-formed XML']
  ])('%j is refused with one clear line', (xml, message) => {
    expect(() => parseCoberturaBuffer(Buffer.from(xml), 'c.xml')).toThrow(message)
  })
})

describe('other producers (real gcovr 8.8 and istanbul/c8 12 output, __fixtures__/flavours/make.sh)', () => {
  const flavours = path.resolve('__fixtures__/flavours')
  // The tools' own totals: gcovr-summary.txt and istanbul-summary.json next to the reports.
  const gcovr = { lines: { covered: 12, total: 15 }, branches: { covered: 8, total: 10 }, functions: { covered: 3, total: 4 } }
  const istanbul = { lines: { covered: 17, total: 20 }, branches: { covered: 6, total: 8 }, functions: { covered: 2, total: 3 } }
  it("gcovr Cobertura and lcov equal gcovr's own summary", async () => {
    const summary = fs.readFileSync(path.join(flavours, 'gcovr-summary.txt'), 'utf8')
    expect(summary).toContain('lines: 80.0% (12 out of 15)')
    expect(summary).toContain('branches: 80.0% (8 out of 10)')
    expect(summary).toContain('functions: 75.0% (3 out of 4)')
    const xml = await parseCoberturaFile(path.join(flavours, 'gcovr.xml'))
    expect(xml.producer).toBe('gcovr')
    expect(xml.totals).toEqual(gcovr)
    const lcov = await parseLcovFile(path.join(flavours, 'gcovr.lcov'))
    expect(lcov.producer).toBe('gcovr')
    expect(lcov.totals).toEqual(gcovr)
  })
  it('istanbul Cobertura and lcov equal its json-summary', async () => {
    const json = JSON.parse(fs.readFileSync(path.join(flavours, 'istanbul-summary.json'), 'utf8')).total
    expect({ lines: json.lines.covered, branches: json.branches.covered, functions: json.functions.covered }).toEqual({
      lines: 17,
      branches: 6,
      functions: 2
    })
    expect((await parseCoberturaFile(path.join(flavours, 'istanbul.xml'))).totals).toEqual(istanbul)
    expect((await parseLcovFile(path.join(flavours, 'istanbul.lcov'))).totals).toEqual(istanbul)
  })
})

describe('Cobertura <line> read the quick way and the general way agree', () => {
  const wrap = (lines: string) =>
    `<?xml version="1.0"?><coverage><sources><source>/nowhere</source></sources><packages><package><classes><class filename="a.py"><methods><method name="f"><lines>${lines.split('\n')[0]}</lines></method></methods><lines>${lines}</lines></class></classes></package></packages></coverage>`
  const states = (xml: string) => {
    const r = parseCoberturaBuffer(Buffer.from(xml), 'c.xml')
    return { states: [...(r.files[0]?.lineStates ?? [])], functions: r.totals.functions, warnings: r.warnings }
  }
  it('on every spelling of the same lines', () => {
    const quick = [
      '<line number="1" hits="3"/>',
      '<line number="2" hits="0"/>',
      '<line number="007" hits="1"/>',
      '<line number="0" hits="1"/>',
      '<line number="12" hits="99999999999"/>'
    ].join('\n')
    const general = [
      "<line hits='3' number='1'/>",
      '<line  number = "2"\n hits="0" />',
      '<line number="007" hits="1" branch="false"></line>',
      '<line number="0" hits="1" />',
      '<line number="12" hits="99999999999" branch="false"/>'
    ].join('\n')
    const a = states(wrap(quick))
    const b = states(wrap(general))
    expect(a.states).toEqual(b.states)
    expect(a.states.slice(0, 13)).toEqual([0, 2, 1, 0, 0, 0, 0, 2, 0, 0, 0, 0, 2])
    expect(a.functions).toEqual(b.functions)
    expect(a.warnings.map((w) => w.replace(/:\d+:/, ':N:'))).toEqual(b.warnings.map((w) => w.replace(/:\d+:/, ':N:')))
    expect(a.warnings).toEqual(['c.xml:4: <line> with invalid number "0"; ignored'])
  })
  it('keeps line numbers right through a run of quick lines (blank lines, CRLF, tabs)', () => {
    const run = [
      '<line number="1" hits="1"/>',
      '',
      '\t<line number="2" hits="0"/>\r',
      '<line number="0" hits="1"/>',
      '  <line number="3" hits="2"/>',
      '<line number="-1" hits="1"/>'
    ].join('\n')
    const r = parseCoberturaBuffer(Buffer.from(wrap(run)), 'c.xml')
    expect([...(r.files[0]?.lineStates ?? [])]).toEqual([0, 2, 1, 2])
    expect(r.warnings).toEqual(['c.xml:4: <line> with invalid number "0"; ignored', 'c.xml:6: <line> with invalid number "-1"; ignored'])
  })
  it('a quick-looking tag that is cut or malformed is still an error with its line', () => {
    expect(() => parseCoberturaBuffer(Buffer.from(wrap('<line number="1" hits="2"/').replace('</lines></class>', '')), 'c.xml')).toThrow(
      /^c\.xml: is not well-formed XML/
    )
    expect(() => parseCoberturaBuffer(Buffer.from('<line number="1" hits="2"/>'), 'c.xml')).toThrow(
      /c\.xml: is not a Cobertura report \(root element <line>\)/
    )
  })
})

describe('lcov BRDA runs read from the bytes agree with an independent count', () => {
  it('on repeated sections, CRLF, "-" and ids too large to pack', () => {
    const records: string[] = []
    const seen = new Map<string, boolean>()
    for (let s = 0; s < 3; s++) {
      records.push('SF:src/x.rs', 'DA:1,1')
      for (let k = 0; k < 300; k++) {
        const line = ((k * 7 + s) % 97) + 1
        const block = k % 3 === 0 ? 20 : k % 5 // 20 cannot be packed: the general path
        const branch = (k * 3) % 4
        const taken = (k + s) % 4 === 0 ? '-' : String((k * s) % 3)
        records.push(`BRDA:${line},${block},${branch},${taken}`)
        const key = `${line},${block},${branch}`
        seen.set(key, (seen.get(key) ?? false) || (taken !== '-' && taken !== '0'))
      }
      records.push('end_of_record')
    }
    const expected = { covered: [...seen.values()].filter(Boolean).length, total: seen.size }
    for (const eol of ['\n', '\r\n']) {
      const r = parseLcovBuffer(Buffer.from(records.join(eol) + eol), 'b.lcov')
      expect(r.totals.branches).toEqual(expected)
      expect(r.warnings.filter((w) => !w.includes('more than one section'))).toEqual([])
    }
  })
})

describe('lcov FN/FNDA blocks passed over when FNF follows them', () => {
  // Section b's names can be passed over (FNF right after its block), d's
  // cannot (FNF comes after DA) and c has no FNF at all (names counted). The
  // first 1 MiB chunk edge of the streamed read is moved through every block;
  // figures and the line numbers of warnings must not change.
  const CHUNK = 1 << 20
  const tail = [
    'SF:a.rs',
    'FN:1,_ZN1aE',
    'FNDA:1,_ZN1aE',
    'FNF:1',
    'FNH:1',
    'DA:1,1',
    'LF:1',
    'LH:1',
    'end_of_record',
    'SF:b.rs',
    'FN:1,_ZN1bE',
    'FN:2,_ZN2b2E',
    'FNDA:3,_ZN1bE',
    'FNDA:0,_ZN2b2E',
    'FNF:2',
    'FNH:1',
    'DA:1,3',
    'DA:2,0',
    'DA:3,x',
    'LF:3',
    'LH:1',
    'end_of_record',
    'SF:d.rs',
    'FN:1,_ZN1dE',
    'FNDA:2,_ZN1dE',
    'DA:1,2',
    'FNF:4',
    'FNH:2',
    'end_of_record',
    'SF:c.rs',
    'FN:1,_ZN1cE',
    'FN:5,_ZN2c2E',
    'FN:9,_ZN2c3E',
    'FNDA:1,_ZN1cE',
    'FNDA:0,_ZN2c2E',
    'FNDA:0,_ZN2c3E',
    'DA:1,1',
    'DA:2,-1',
    'LF:2',
    'LH:1',
    'end_of_record'
  ]
  const functions = {
    'a.rs': { covered: 1, total: 1 },
    'b.rs': { covered: 1, total: 2 },
    'c.rs': { covered: 1, total: 3 },
    'd.rs': { covered: 2, total: 4 }
  }
  const lineOf = (record: string) => tail.indexOf(record) + 2 // after the padding line
  const warnings = [
    `edge.lcov:${lineOf('DA:3,x')}: DA has an invalid execution count "x"; read as 0`,
    `edge.lcov:${lineOf('DA:2,-1')}: DA has a negative execution count -1; read as 0`
  ]
  const tailText = tail.join('\n') + '\n'

  it('with the chunk edge anywhere in the sections', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-fn-'))
    for (let before = 1; before <= tailText.length + 2; before += 3) {
      // A comment line pads the file so that the first chunk ends `before` bytes into the sections.
      const text = '#' + 'x'.repeat(CHUNK - before - 2) + '\n' + tailText
      const file = path.join(dir, `edge-${before}.lcov`)
      fs.writeFileSync(file, text)
      const streamed = await parseLcovFile(file, { displayName: 'edge.lcov' })
      fs.rmSync(file)
      expect(Object.fromEntries(streamed.files.map((f) => [f.path, f.functions]))).toEqual(functions)
      expect(streamed.warnings).toEqual(warnings)
      expect(streamed).toEqual(parseLcovBuffer(Buffer.from(text), 'edge.lcov'))
    }
  })

  it('with a block longer than a chunk, followed by FNF or not', async () => {
    const big = (name: string, fnf: boolean): string[] => {
      const lines = [`SF:${name}`]
      for (let k = 0; k < 25_000; k++) lines.push(`FN:${k + 1},_ZN4name${k}17h0123456789abcdefE`)
      for (let k = 0; k < 25_000; k++) lines.push(`FNDA:${k % 4 === 0 ? 1 : 0},_ZN4name${k}17h0123456789abcdefE`)
      return [...lines, ...(fnf ? ['FNF:25000', 'FNH:6250'] : []), 'DA:1,1', 'end_of_record']
    }
    const text = [...big('f.rs', true), ...big('g.rs', false)].join('\n') + '\n'
    expect(text.length).toBeGreaterThan(3 * CHUNK)
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-fn-')), 'big.lcov')
    fs.writeFileSync(file, text)
    const streamed = await parseLcovFile(file, { displayName: 'big.lcov' })
    expect(streamed.files.map((f) => f.functions)).toEqual([
      { covered: 6250, total: 25000 },
      { covered: 6250, total: 25000 }
    ])
    expect(streamed.warnings).toEqual([])
    expect(streamed).toEqual(parseLcovBuffer(Buffer.from(text), 'big.lcov'))
  })
})

describe('line numbers far beyond the records', () => {
  it('a small report claiming line 9,999,999 in many files is refused in one line instead of taking gigabytes', async () => {
    const text = Array.from({ length: 400 }, (_, i) => `SF:src/f${i}.rs\nDA:9999999,1\nLF:1\nLH:1\nend_of_record\n`).join('')
    expect(Buffer.byteLength(text)).toBeLessThan(100_000)
    expect(() => parseLcovBuffer(Buffer.from(text), 'huge-lines.lcov')).toThrow(
      /^huge-lines\.lcov: line numbers run far beyond the lines recorded \(line 9999999 among others\).*not read$/
    )
    const xml = `<?xml version="1.0" ?><coverage><packages><package><classes>${Array.from(
      { length: 400 },
      (_, i) => `<class filename="f${i}.py"><lines><line number="9999999" hits="1"/></lines></class>`
    ).join('')}</classes></package></packages></coverage>`
    expect(() => parseCoberturaBuffer(Buffer.from(xml), 'huge-lines.xml')).toThrow(/^huge-lines\.xml: line numbers run far beyond/)
  })

  it('a real report with large files stays well within the budget', async () => {
    const text = Array.from({ length: 50 }, (_, i) => `SF:src/g${i}.rs\nDA:1,1\nDA:60000,0\nend_of_record\n`).join('')
    expect(parseLcovBuffer(Buffer.from(text), 'big-files.lcov').totals.lines).toEqual({ covered: 50, total: 100 })
  })
})
