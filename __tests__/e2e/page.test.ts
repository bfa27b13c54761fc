// The coverage page of the example project, as the page phase writes it from
// the real fixture reports (paths moved to a copy of examples/mixed-project),
// opened in real headless Chromium with scripts disabled: the DOM has both
// file tables and the source views, and the screenshot shows them (run and
// missed lines in their colours). UPDATE_SCREENSHOT=1 rewrites
// docs/coverage-page.png from it.
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRunState } from '../../src/pipeline.js'
import type { Inputs } from '../../src/model/inputs.js'
import type { SuiteResult } from '../../src/model/suite.js'
import { writeCoveragePage } from '../../src/page/write.js'
import { parseCoberturaFile } from '../../src/reports/cobertura.js'
import { pythonHeadline, rustHeadline } from '../../src/reports/headline.js'
import { parseLcovFile } from '../../src/reports/lcov.js'
import { realReportFile, repoRoot } from '../../test-support/fixtures.js'
import { renderInChromium, type Rendered } from './support/chromium.js'
import { countColour, decodePng, distinctColours } from './support/png.js'

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-page-e2e-'))
const savedOutput = process.env.GITHUB_OUTPUT
beforeAll(() => {
  process.env.GITHUB_OUTPUT = path.join(top, 'github-output')
  fs.writeFileSync(process.env.GITHUB_OUTPUT, '')
})
afterAll(() => {
  if (savedOutput === undefined) delete process.env.GITHUB_OUTPUT
  else process.env.GITHUB_OUTPUT = savedOutput
  fs.rmSync(top, { recursive: true, force: true })
})

/** A copy of the example's sources (no build output) as a workspace, with the page written into it. */
async function examplePage(name: string, pullRequest: boolean): Promise<string> {
  const workspace = path.join(top, name)
  fs.cpSync(path.join(repoRoot, 'examples/mixed-project'), workspace, {
    recursive: true,
    filter: (src) => !/[/\\](target|\.venv|__pycache__)$/.test(src)
  })
  const rust = await parseLcovFile(realReportFile('rust.lcov', workspace), { root: workspace })
  const python = await parseCoberturaFile(realReportFile('python.xml', workspace), { root: workspace })
  const suite = (id: 'rust' | 'python', over: Partial<SuiteResult>): SuiteResult => ({
    suite: id,
    label: id === 'rust' ? 'Rust' : 'Python',
    enabled: true,
    commands: [],
    durationMs: 0,
    reportPath: `target/coverage/${id === 'rust' ? 'rust.lcov' : 'python.xml'}`,
    minLines: null,
    tools: {},
    ...over
  })
  const inputs = {
    workspace,
    workingDirectory: workspace,
    summaryJson: path.join(workspace, 'target/coverage/coverage-summary.json')
  } as unknown as Inputs
  const run = createRunState(
    inputs,
    { GITHUB_REPOSITORY: 'example/mixed-project' },
    {
      redact: (text) => text,
      rust: suite('rust', {
        report: rust,
        headline: rustHeadline(rust),
        minLines: 70,
        // A pull request that changed title_case (src/text.rs 67-81), which no test runs.
        ...(pullRequest
          ? {
              patch: {
                covered: 2,
                total: 14,
                percent: (2 * 100) / 14,
                files: [{ path: 'src/text.rs', total: 14, covered: 2, uncovered: [[67, 81]] }]
              }
            }
          : {})
      }),
      python: suite('python', { report: python, headline: pythonHeadline(python), minLines: 60 })
    }
  )
  await writeCoveragePage(run)
  expect(run.findings.findings).toEqual([])
  expect(run.findings.advisories).toEqual([])
  return path.join(workspace, 'target/coverage/coverage-report.html')
}

describe('the coverage page in headless Chromium, scripts disabled', () => {
  let plain: Rendered
  let pullRequest: Rendered
  let scriptCheck: Rendered
  let plainFile: string

  beforeAll(async () => {
    plainFile = await examplePage('plain', false)
    const prFile = await examplePage('pull-request', true)
    // A page that would change its title and hide its <noscript> if scripts ran.
    const scripted = path.join(top, 'scripted.html')
    fs.writeFileSync(
      scripted,
      '<!DOCTYPE html><title>static</title><script>document.title = "script ran"</script><noscript><p id="no-script">off</p></noscript>'
    )
    ;[plain, pullRequest, scriptCheck] = (await renderInChromium([plainFile, prFile, scripted].map((f) => pathToFileURL(f).href))) as [
      Rendered,
      Rendered,
      Rendered
    ]
    if (process.env.UPDATE_SCREENSHOT) fs.writeFileSync(path.join(repoRoot, 'docs/coverage-page.png'), plain.png)
  })

  it('really had scripts disabled', () => {
    expect(scriptCheck.dom).toContain('<title>static</title>')
    // With scripting off the parser reads <noscript>'s content as elements.
    expect(scriptCheck.dom).toContain('<p id="no-script">off</p>')
  })

  it('is one small self-contained file, its path an output', () => {
    expect(fs.readFileSync(path.join(top, 'github-output'), 'utf8')).toContain('\ntarget/coverage/coverage-report.html\n')
    const html = fs.readFileSync(plainFile, 'utf8')
    expect(Buffer.byteLength(html)).toBeLessThan(200 * 1024)
    expect(html).not.toMatch(/<script|<link|<img|@import|url\(/i)
  })

  it('shows both file tables, every file linked to its source', () => {
    const tables = [...plain.dom.matchAll(/<section id="(s\d)">\s*<h2>(\w+) files<\/h2>[\s\S]*?<\/section>/g)]
    expect(tables.map((t) => t[2])).toEqual(['Rust', 'Python'])
    const linked = (section: string): string[] => [...section.matchAll(/<tr><td><a href="#(f\d+)">([^<]+)<\/a>/g)].map((m) => m[2] as string)
    expect(linked(tables[0]?.[0] ?? '')).toEqual(['src/text.rs', 'src/stats.rs', 'src/lib.rs'])
    expect(linked(tables[1]?.[0] ?? '').sort()).toEqual([
      'python/mixed_demo/__init__.py',
      'python/mixed_demo/cli.py',
      'python/mixed_demo/native.py',
      'python/mixed_demo/stats.py',
      'python/mixed_demo/textstats.py'
    ])
    for (const [, id] of plain.dom.matchAll(/<tr><td><a href="#(f\d+)">/g)) expect(plain.dom).toContain(`<details class="file" id="${id}"`)
  })

  it('shows each source with its lines marked run or missed', () => {
    // src/text.rs: title_case (67-81) is not exercised by the tests on purpose; tokenize (41-47) is.
    expect(plain.dom).toMatch(/<tr id="f0-67" class="m"><td><a href="#f0-67">67<\/a><\/td><td>pub fn title_case\(text: &amp;str\) -&gt; String \{/)
    expect(plain.dom).toMatch(/<tr id="f0-41" class="h"><td><a href="#f0-41">41<\/a><\/td><td>pub fn tokenize/)
    expect(plain.dom).toContain('<p class="fig">81.94%</p>')
    expect((plain.dom.match(/<table class="src">/g) ?? []).length).toBe(8)
    expect(plain.dom).not.toMatch(/<script/i)
  })

  it('marks the lines a pull request changed and no test runs', () => {
    expect(pullRequest.dom).toMatch(/<tr id="f0-67" class="m c">/)
    expect(pullRequest.dom).toContain('Patch: <strong>14.29%</strong> (2 of 14 changed lines run)')
    expect(plain.dom).not.toContain('class="m c"')
  })

  it('paints it: a real screenshot with run and missed lines in their colours', () => {
    expect(plain.png.length).toBeGreaterThan(50 * 1024)
    const pixels = decodePng(plain.png)
    expect([pixels.width, pixels.height]).toEqual([1280, 2000])
    expect(distinctColours(pixels)).toBeGreaterThan(50)
    expect(countColour(pixels, '#dafbe1')).toBeGreaterThan(10_000) // run lines
    expect(countColour(pixels, '#ffebe9')).toBeGreaterThan(10_000) // missed lines
    expect(plain.png.equals(pullRequest.png)).toBe(false)
  })
})
