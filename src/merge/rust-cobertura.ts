// In merge mode the Rust Cobertura report comes from the merged lcov's line
// states, since cargo-llvm-cov cannot merge shards.
import * as fs from 'node:fs'
import type { Inputs } from '../model/inputs.js'
import type { SuiteResult } from '../model/suite.js'
import { coberturaXml } from '../reports/cobertura-write.js'
import type { CoverageReport } from '../reports/model.js'
import { relativeToWorkspace, rustCoberturaPath } from '../run/suite-files.js'

export function writeMergedRustCobertura(inputs: Inputs, result: SuiteResult, report: CoverageReport): void {
  if (!inputs.rust.cobertura) return
  const file = rustCoberturaPath(inputs)
  const note = 'Written by rust-python-coverage from the merged lcov of the shards: a line counts as run when any shard ran it; hits are 1 or 0.'
  fs.writeFileSync(file, coberturaXml(report.files, inputs.workspace, note))
  result.cobertura = relativeToWorkspace(inputs, file)
}
