// Parses one report in this process and prints its totals and peak RSS as
// JSON; the large-report test runs it with a small V8 heap to prove memory
// stays flat. Usage: node --import tsx test-support/parse-report.ts <lcov|cobertura> <file>
import { parseCoberturaFile } from '../src/reports/cobertura.js'
import { parseLcovFile } from '../src/reports/lcov.js'

const [format, file = ''] = process.argv.slice(2)
const report = format === 'lcov' ? await parseLcovFile(file, { keepLineStates: false }) : await parseCoberturaFile(file, { keepLineStates: false })
console.log(
  JSON.stringify({
    files: report.files.length,
    totals: report.totals,
    warnings: report.warnings.length,
    maxRssMiB: process.resourceUsage().maxRSS / 1024
  })
)
