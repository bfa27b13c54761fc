// npm run bench [-- --only lcov|cobertura|zip|start] [--rounds N]
// Generates large inputs once, then measures every candidate in its own
// process, rounds interleaved in shuffled order, and prints median in-process
// time, peak RSS and the ratio to the baseline of the same round.
import { execFileSync, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { generateCobertura, generateHtml, generateLcov } from './generate.js'

const args = process.argv.slice(2)
const only = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined
const rounds = args.includes('--rounds') ? Number(args[args.indexOf('--rounds') + 1]) : 3
const data = path.resolve('bench/data')
fs.mkdirSync(data, { recursive: true })
const lcov = path.join(data, 'large.lcov')
const xml = path.join(data, 'large.xml')
const html = path.join(data, 'html')
if (!fs.existsSync(lcov)) generateLcov(lcov)
if (!fs.existsSync(xml)) generateCobertura(xml)
if (!fs.existsSync(path.join(html, 'index.html'))) generateHtml(html)
const tsx = path.resolve('node_modules/.bin/tsx')

interface Sample { ms: number; rssMiB: number }
function measure(name: string, input: string, output = ''): Sample {
  const child = spawnSync(tsx, ['bench/candidate.ts', name, input, output], { encoding: 'utf8', maxBuffer: 1 << 20 })
  if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`)
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as Sample
}
function wall(cmd: string, argv: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now()
  spawnSync(cmd, argv, { env, stdio: 'ignore' })
  return performance.now() - t
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const shuffle = <T>(xs: T[]): T[] => xs.map((x) => [Math.random(), x] as const).sort((a, b) => a[0] - b[0]).map((p) => p[1])

const report: string[] = [`# Benchmark results`, '', `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${rounds} rounds, median; time is in-process (after imports, including the file read); ratio = candidate / baseline in the same round.`, '']

function suite(title: string, input: string, baseline: string, candidates: string[], target: { name: string; max: number }, output = ''): void {
  const samples = new Map<string, Sample[]>()
  const ratios = new Map<string, number[]>()
  for (let r = 0; r < rounds; r++) {
    const round = new Map<string, Sample>()
    for (const name of shuffle([baseline, ...candidates])) round.set(name, measure(name, input, output))
    for (const [name, s] of round) {
      samples.set(name, [...(samples.get(name) ?? []), s])
      ratios.set(name, [...(ratios.get(name) ?? []), s.ms / (round.get(baseline)?.ms ?? 1)])
    }
  }
  report.push(`## ${title}`, '', '| candidate | ms | peak RSS MiB | ratio vs ' + baseline + ' | target |', '| --- | ---: | ---: | ---: | --- |')
  for (const name of [baseline, ...candidates]) {
    const s = samples.get(name) ?? []
    const ratio = median(ratios.get(name) ?? [])
    const verdict = name === target.name ? `≤ ${target.max}x: ${ratio <= target.max ? 'PASS' : 'MISS'}` : ''
    report.push(`| ${name} | ${median(s.map((x) => x.ms)).toFixed(0)} | ${median(s.map((x) => x.rssMiB)).toFixed(0)} | ${ratio.toFixed(2)}x | ${verdict} |`)
  }
  report.push('')
  console.log(report.slice(-([baseline, ...candidates].length + 4)).join('\n'))
}

if (!only || only === 'lcov') suite(`lcov, ${(fs.statSync(lcov).size / 1e6).toFixed(1)} MB`, lcov, 'raw-read', ['ours', 'lcov-parse'], { name: 'ours', max: 2 })
if (!only || only === 'cobertura') suite(`Cobertura, ${(fs.statSync(xml).size / 1e6).toFixed(1)} MB`, xml, 'raw-read', ['ours', 'saxes', 'xml2js'], { name: 'ours', max: 4 })
if (!only || only === 'zip') suite('zip of a 5,001-file HTML report', html, 'zip-r', ['zip-ours', 'archiver'], { name: 'zip-ours', max: 1 }, path.join(data, 'out.zip'))
if (!only || only === 'start') {
  const out = path.join(data, 'output.txt')
  const env = { ...process.env, 'INPUT_MATRIX-VALUE': '3.11', 'INPUT_COVERAGE-ON': '3.12', 'INPUT_PYTHON-PACKAGE': 'x', GITHUB_OUTPUT: out }
  const base: number[] = []
  const ours: number[] = []
  const ratio: number[] = []
  for (let r = 0; r < Math.max(rounds, 11); r++) {
    fs.writeFileSync(out, '')
    const a = wall(process.execPath, ['-e', '0'], env)
    const b = wall(process.execPath, ['dist/index.js'], env)
    base.push(a); ours.push(b); ratio.push(b / a)
  }
  report.push('## Skip path (wall time, whole process)', '', '| candidate | ms | ratio | target |', '| --- | ---: | ---: | --- |')
  report.push(`| node -e 0 | ${median(base).toFixed(0)} | 1.00x | |`, `| node dist/index.js (skip) | ${median(ours).toFixed(0)} | ${median(ratio).toFixed(2)}x | ≤ 1.5x: ${median(ratio) <= 1.5 ? 'PASS' : 'MISS'} |`, '')
  console.log(report.slice(-6).join('\n'))
}
fs.writeFileSync('bench/RESULTS.md', report.join('\n'))
execFileSync('true')
