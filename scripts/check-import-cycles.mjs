// Fails when modules under src/ import each other in a circle. Every import
// counts: static, dynamic (import()) and type-only, since a circle through
// types still ties the modules together. Prints each circle it finds.
// Usage: node scripts/check-import-cycles.mjs [src]
import * as fs from 'node:fs'
import * as path from 'node:path'

const root = path.resolve(process.argv[2] ?? 'src')
const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*'(\.{1,2}\/[^']+)'|import\(\s*'(\.{1,2}\/[^']+)'\s*\)/g

function modules(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    return e.isDirectory() ? modules(p) : e.name.endsWith('.ts') ? [p] : []
  })
}

const graph = new Map()
for (const file of modules(root)) {
  const text = fs.readFileSync(file, 'utf8')
  const deps = new Set()
  for (const m of text.matchAll(IMPORT)) {
    const spec = m[1] ?? m[2]
    deps.add(path.resolve(path.dirname(file), spec).replace(/\.js$/, '.ts'))
  }
  graph.set(
    file,
    [...deps].filter((d) => d !== file)
  )
}

// Tarjan's strongly connected components: any component of two or more modules is a circle.
let index = 0
const stack = []
const meta = new Map()
const circles = []
function visit(v) {
  meta.set(v, { index, low: index, onStack: true })
  index++
  stack.push(v)
  for (const w of graph.get(v) ?? []) {
    if (!graph.has(w)) continue
    if (!meta.has(w)) {
      visit(w)
      meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).low)
    } else if (meta.get(w).onStack) meta.get(v).low = Math.min(meta.get(v).low, meta.get(w).index)
  }
  if (meta.get(v).low === meta.get(v).index) {
    const component = []
    let w
    do {
      w = stack.pop()
      meta.get(w).onStack = false
      component.push(w)
    } while (w !== v)
    if (component.length > 1) circles.push(component)
  }
}
for (const v of graph.keys()) if (!meta.has(v)) visit(v)

const shown = (f) => path.relative(process.cwd(), f)
if (circles.length > 0) {
  for (const c of circles) console.error(`Import circle: ${c.map(shown).sort().join(' <-> ')}`)
  process.exit(1)
}
console.log(`No import circle among ${graph.size} modules under ${shown(root) || '.'}.`)
