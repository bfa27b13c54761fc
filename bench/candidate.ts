// One benchmark candidate, run in its own process by bench/run.ts. Prints
// JSON: in-process milliseconds (modules are loaded before the clock starts;
// the file read is included) and peak RSS. Usage: tsx bench/candidate.ts <name> <input> [output]
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const [name = '', input = '', output = ''] = process.argv.slice(2)

// Each candidate loads its modules, then returns the work to time.
const candidates: Record<string, () => Promise<() => Promise<unknown>>> = {
  'raw-read': async () => async () => {
    const buf = fs.readFileSync(input)
    let n = 0
    for (let i = buf.indexOf(10); i >= 0; i = buf.indexOf(10, i + 1)) n++
    return n
  },
  ours: async () => {
    if (input.endsWith('.xml')) {
      const { parseCoberturaFile } = await import('../src/reports/cobertura.js')
      return () => parseCoberturaFile(input).then((r) => r.totals.lines)
    }
    const { parseLcovFile } = await import('../src/reports/lcov.js')
    return () => parseLcovFile(input).then((r) => r.totals.lines)
  },
  // The coverage page of the parsed report (parsing happens before the clock): without sources (the bench's
  // paths exist nowhere), and with a synthetic source of every file held in memory (reading excluded).
  page: async () => {
    const { renderPage } = await import('../src/page/render.js')
    const { writeAtomically } = await import('../src/page/write.js')
    const { rustHeadline } = await import('../src/reports/headline.js')
    const { parseLcovFile } = await import('../src/reports/lcov.js')
    const report = await parseLcovFile(input)
    const suite = { suite: 'rust' as const, label: 'Rust', enabled: true, commands: [], durationMs: 0, reportPath: input, minLines: 70, tools: {} }
    const suites = [
      { ...suite, report, headline: rustHeadline(report) },
      { ...suite, suite: 'python' as const, label: 'Python', enabled: false }
    ]
    return async () => writeAtomically(output, renderPage(suites, { title: 'bench', source: () => ({ skipped: 'not found in this checkout' }) }))
  },
  'page-src': async () => {
    const { renderPage } = await import('../src/page/render.js')
    const { writeAtomically } = await import('../src/page/write.js')
    const { rustHeadline } = await import('../src/reports/headline.js')
    const { parseLcovFile } = await import('../src/reports/lcov.js')
    const report = await parseLcovFile(input)
    const text = Array.from({ length: 400 }, (_, i) => `    let value_${i} = compute(&input[${i}..], "<&>") * 2; // line ${i}`).join('\n')
    const suite = { suite: 'rust' as const, label: 'Rust', enabled: true, commands: [], durationMs: 0, reportPath: input, minLines: 70, tools: {} }
    const suites = [
      { ...suite, report, headline: rustHeadline(report) },
      { ...suite, suite: 'python' as const, label: 'Python', enabled: false }
    ]
    return async () => writeAtomically(output, renderPage(suites, { title: 'bench', source: () => ({ text }) }))
  },
  'lcov-parse': async () => {
    const parse = require('lcov-parse') as (f: string, cb: (e: unknown, d: unknown[]) => void) => void
    return () => new Promise((resolve, reject) => parse(input, (e, d) => (e ? reject(e) : resolve(d.length))))
  },
  saxes: async () => {
    const { SaxesParser } = await import('saxes')
    return async () => {
      const parser = new SaxesParser()
      let n = 0
      parser.on('opentag', () => n++)
      for await (const chunk of fs.createReadStream(input, { encoding: 'utf8', highWaterMark: 1 << 20 })) parser.write(chunk as string)
      parser.close()
      return n
    }
  },
  xml2js: async () => {
    const { parseStringPromise } = require('xml2js') as { parseStringPromise: (s: string) => Promise<unknown> }
    return () => parseStringPromise(fs.readFileSync(input, 'utf8')).then(() => 1)
  },
  'zip-ours': async () => {
    const { zipDirectory } = await import('../src/zip/write.js')
    return () => zipDirectory(input, output, { level: 6 })
  },
  'zip-r': async () => async () => execFileSync('zip', ['-r', '-6', '-q', path.resolve(output), '.'], { cwd: input }),
  archiver: async () => {
    const archiver = require('archiver') as (
      f: string,
      o: object
    ) => {
      pipe(s: NodeJS.WritableStream): void
      on(event: 'error', listener: (error: Error) => void): void
      file(path: string, data: { name: string }): void
      finalize(): Promise<void>
    }
    return async () => {
      const zip = archiver('zip', { highWaterMark: 8 * 1024 * 1024, zlib: { level: 6 } })
      const done = new Promise((resolve, reject) => {
        const out = fs.createWriteStream(output)
        out.on('close', () => resolve(undefined))
        zip.on('error', reject)
        zip.pipe(out)
      })
      const walk = (d: string): void => {
        for (const e of fs.readdirSync(d, { withFileTypes: true })) {
          const p = path.join(d, e.name)
          if (e.isDirectory()) walk(p)
          else zip.file(p, { name: path.relative(input, p) })
        }
      }
      walk(input)
      await zip.finalize()
      return done
    }
  }
}

const load = candidates[name]
if (!load) throw new Error(`unknown candidate ${name}`)
if (output) fs.rmSync(output, { force: true })
const work = await load()
const started = performance.now()
await work()
const ms = performance.now() - started
console.log(JSON.stringify({ ms, rssMiB: process.resourceUsage().maxRSS / 1024 }))
