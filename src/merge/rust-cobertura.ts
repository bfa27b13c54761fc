// In merge mode the Rust Cobertura report comes from the merged lcov's line
// states, since cargo-llvm-cov cannot merge shards.
import type { Inputs } from '../model/inputs.js'
import type { SuiteResult } from '../model/suite.js'
import { coberturaXml } from '../reports/cobertura-write.js'
import type { CoverageReport } from '../reports/model.js'
import { relativeToWorkspace, rustCoberturaPath } from '../run/suite-files.js'
import { writeFileAtomic } from '../safety/workspace-fs.js'

export function writeMergedRustCobertura(inputs: Inputs, result: SuiteResult, report: CoverageReport): void {
  if (!inputs.rust.cobertura) return
  const file = rustCoberturaPath(inputs)
  const note = 'Written by rust-python-coverage from the merged lcov of the shards: a line counts as run when any shard ran it; hits are 1 or 0.'
  writeFileAtomic(file, coberturaXml(report.files, inputs.workspace, note), inputs.workspace, relativeToWorkspace(inputs, file))
  result.cobertura = relativeToWorkspace(inputs, file)
}
