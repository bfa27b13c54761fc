import * as path from 'node:path'
import { readInputs } from '../../../src/inputs/read.js'
import type { RunState } from '../../../src/model/run-state.js'
import { createRunState } from '../../../src/pipeline.js'
import { uploadBlocked } from '../../../src/publish/upload.js'
import { announce } from '../../../src/publish/verdict.js'
import * as log from '../../../src/safety/log.js'
import { captureStdout } from '../safety/capture.js'

function runState(env: NodeJS.ProcessEnv, values: Record<string, string> = {}): RunState {
  const inputs = readInputs((name) => ({ 'python-package': 'x', ...values })[name] ?? '', { GITHUB_WORKSPACE: path.resolve('/tmp/ws-verdict') })
  return createRunState(inputs, env)
}

beforeEach(() => log.resetAnnotations())

describe('announce', () => {
  it('keeps findings and advisories together within 10 warnings, the last pointing to the summary', () => {
    const run = runState({})
    for (let i = 1; i <= 8; i++) run.findings.add('rust', 'threshold', `finding ${i}`)
    for (let i = 1; i <= 8; i++) run.findings.advise('python', `advice ${i}`)
    const out = captureStdout(() => announce(run))
    const warnings = out.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings).toHaveLength(10)
    expect(warnings[9]).toMatch(/^::warning::7 more warning\(s\) not shown as annotations .*; see the job summary and the log\.$/)
    expect(out).toContain('\nwarning: advice 8\n')
  })

  it('redacts annotations and outputs', () => {
    const run = runState({ ACTIONS_RUNTIME_TOKEN: 'runtime-secret-123' })
    run.findings.add('action', 'upload-failed', 'Bad credentials: Authorization: token ghs_0123456789abcdefghijklmn runtime-secret-123')
    const out = captureStdout(() => announce(run))
    expect(out).toContain('::warning::Bad credentials: Authorization: *** *** (would fail the step with non-blocking: false)')
    expect(out).not.toContain('runtime-secret-123')
  })
})

describe('uploadBlocked', () => {
  it('inside GitHub Actions without the artifact service variables: one upload-failed finding naming the missing variable', () => {
    const run = runState({ GITHUB_ACTIONS: 'true', ACTIONS_RESULTS_URL: 'https://results/' })
    expect(uploadBlocked(run)).toMatch(/^ACTIONS_RUNTIME_TOKEN is not set although GITHUB_ACTIONS is true/)
    uploadBlocked(run)
    expect(run.findings.findings).toEqual([
      {
        suite: 'action',
        kind: 'upload-failed',
        message:
          "Artifacts were not uploaded: ACTIONS_RUNTIME_TOKEN is not set although GITHUB_ACTIONS is true (a container job or a step whose environment was stripped?): pass the runner's ACTIONS_RUNTIME_TOKEN and ACTIONS_RESULTS_URL through to this step, or set upload: false"
      }
    ])
  })

  it('outside GitHub Actions (a local run): no finding, uploads simply not available', () => {
    const run = runState({})
    expect(uploadBlocked(run)).toMatch(/^no artifact service here/)
    expect(run.findings.findings).toEqual([])
    expect(uploadBlocked(runState({ GITHUB_ACTIONS: 'true', ACTIONS_RUNTIME_TOKEN: 't', ACTIONS_RESULTS_URL: 'u' }))).toBeNull()
  })
})
