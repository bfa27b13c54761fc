// npm run bench [-- --only lcov|page|cobertura|zip|start] [--rounds N]
// Generates large inputs once, bundles bench/candidate.ts (our src included)
// into one plain ES module, then runs every candidate with node in its own
// process, rounds interleaved in shuffled order. Prints the median wall time
// (the whole process: start-up, module load, read, work), the in-process time
// (after module loading), peak RSS, and each one's ratio to the baseline of
// the same round. Targets are judged on the wall ratio, like the reference.
// The tables go to bench/data/results.md (not tracked), to be copied into bench/RESULTS.md.
import { execFileSync, spawnSync } from 'node:child_process'
import { build } from 'esbuild'
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
const candidate = path.join(data, 'candidate.mjs')
await build({
  entryPoints: ['bench/candidate.ts'],
  outfile: candidate,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error'
})

interface Sample {
  wall: number
  ms: number
  rssMiB: number
}
function measure(name: string, input: string, output = ''): Sample {
  const started = performance.now()
  const child = spawnSync(process.execPath, [candidate, name, input, output], { encoding: 'utf8', maxBuffer: 1 << 20, cwd: process.cwd() })
  const wall = performance.now() - started
  if (child.status !== 0) throw new Error(`${name} failed: ${child.stderr}`)
  return { wall, ...(JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { ms: number; rssMiB: number }) }
}
function wall(cmd: string, argv: string[], env: NodeJS.ProcessEnv): number {
  const t = performance.now()
  spawnSync(cmd, argv, { env, stdio: 'ignore' })
  return performance.now() - t
}
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN
const shuffle = <T>(xs: T[]): T[] =>
  xs
    .map((x) => [Math.random(), x] as const)
    .sort((a, b) => a[0] - b[0])
    .map((p) => p[1])

const report: string[] = [
  `# Benchmark results`,
  '',
  `${new Date().toISOString().slice(0, 10)}, ${os.cpus().length} cores, Node ${process.version}, ${rounds} rounds, median. Wall = the whole \`node\` process (start-up, module load, read, work), the measure the targets are set in; in-process = the work alone after modules are loaded (file read included). Ratios are candidate / baseline within the same round, then the median; targets are judged on the wall ratio.`,
  ''
]

function suite(title: string, input: string, baseline: string, candidates: string[], target: { name: string; max: number }, output = ''): void {
  const samples = new Map<string, Sample[]>()
  const ratios = new Map<string, { wall: number[]; ms: number[] }>()
  for (let r = 0; r < rounds; r++) {
    const round = new Map<string, Sample>()
    for (const name of shuffle([baseline, ...candidates])) round.set(name, measure(name, input, output))
    const base = round.get(baseline) as Sample
    for (const [name, s] of round) {
      samples.set(name, [...(samples.get(name) ?? []), s])
      const ratio = ratios.get(name) ?? { wall: [], ms: [] }
      ratio.wall.push(s.wall / base.wall)
      ratio.ms.push(s.ms / base.ms)
      ratios.set(name, ratio)
    }
  }
  report.push(
    `## ${title}`,
    '',
    `| candidate | wall ms | ratio (wall) | in-process ms | ratio (in-process) | peak RSS MiB | target |`,
    '| --- | ---: | ---: | ---: | ---: | ---: | --- |'
  )
  for (const name of [baseline, ...candidates]) {
    const s = samples.get(name) ?? []
    const wall = median(ratios.get(name)?.wall ?? [])
    const verdict = name === target.name ? `≤ ${target.max}x: ${wall <= target.max ? 'PASS' : 'MISS'}` : ''
    report.push(
      `| ${name} | ${median(s.map((x) => x.wall)).toFixed(0)} | ${wall.toFixed(2)}x | ${median(s.map((x) => x.ms)).toFixed(0)} | ${median(ratios.get(name)?.ms ?? []).toFixed(2)}x | ${median(s.map((x) => x.rssMiB)).toFixed(0)} | ${verdict} |`
    )
  }
  report.push('')
  console.log(report.slice(-([baseline, ...candidates].length + 4)).join('\n'))
}

if (!only || only === 'lcov')
  suite(`lcov, ${(fs.statSync(lcov).size / 1e6).toFixed(1)} MB`, lcov, 'raw-read', ['ours', 'lcov-parse'], { name: 'ours', max: 2 })
// The coverage page of the same lcov against parsing it: in-process ms of `page` is the rendering and writing alone (the
// report is parsed before the clock), so its in-process ratio is render / parse; wall = parse + render, in one process.
if (!only || only === 'page')
  suite(
    `coverage page of the ${(fs.statSync(lcov).size / 1e6).toFixed(1)} MB lcov`,
    lcov,
    'ours',
    ['page', 'page-src'],
    { name: 'page', max: 2 },
    path.join(data, 'page.html')
  )
if (!only || only === 'cobertura')
  suite(`Cobertura, ${(fs.statSync(xml).size / 1e6).toFixed(1)} MB`, xml, 'raw-read', ['ours', 'saxes', 'xml2js'], { name: 'ours', max: 4 })
if (!only || only === 'zip')
  suite('zip of a 5,001-file HTML report', html, 'zip-r', ['zip-ours', 'archiver'], { name: 'zip-ours', max: 1 }, path.join(data, 'out.zip'))
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
    base.push(a)
    ours.push(b)
    ratio.push(b / a)
  }
  report.push('## Skip path (wall time, whole process)', '', '| candidate | ms | ratio | target |', '| --- | ---: | ---: | --- |')
  report.push(
    `| node -e 0 | ${median(base).toFixed(0)} | 1.00x | |`,
    `| node dist/index.js (skip) | ${median(ours).toFixed(0)} | ${median(ratio).toFixed(2)}x | ≤ 1.5x: ${median(ratio) <= 1.5 ? 'PASS' : 'MISS'} |`,
    ''
  )
  console.log(report.slice(-6).join('\n'))
}
// bench/RESULTS.md keeps the figures of every day, dated, by hand: a run writes its tables beside the data.
fs.writeFileSync(path.join(data, 'results.md'), report.join('\n'))
console.log(`tables written to ${path.join('bench/data', 'results.md')}; copy them into a dated section of bench/RESULTS.md`)
execFileSync('true')
