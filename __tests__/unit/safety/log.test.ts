import * as core from '@actions/core'
import * as log from '../../../src/safety/log.js'
import { registerSecret } from '../../../src/safety/redact.js'
import { captureStdout } from './capture.js'

beforeEach(() => log.resetAnnotations())

describe('log lines', () => {
  it('never let an untrusted value start a workflow command: newlines shown as ⏎, a leading :: defused', () => {
    const out = captureStdout(() => {
      log.info('the files are in examples/x\n::error::INJ\r\n::set-output name=status::passed')
      log.info('::warning::at the start')
    })
    expect(out).toBe('the files are in examples/x⏎::error::INJ⏎::set-output name=status::passed\n: :warning::at the start\n')
    expect(out.split('\n').filter((line) => line.startsWith('::'))).toEqual([])
  })

  it('redact every line and annotation', () => {
    captureStdout(() => registerSecret('sekrit-value-42'))
    const out = captureStdout(() => {
      log.info('got sekrit-value-42')
      log.notice('401: Authorization: Bearer abcdefgh12345678', { title: 'Coverage baseline' })
    })
    expect(out).toBe('got ***\n::notice title=Coverage baseline::401: Authorization: ***\n')
  })

  it("annotations are escaped by the toolkit (%0A), so a message cannot inject a command (the toolkit's own behaviour, checked)", () => {
    const out = captureStdout(() => {
      core.warning('a\n::error::INJ')
      log.warning('b\r\n::error::INJ', { title: 't\n::x' })
    })
    expect(out).toBe('::warning::a%0A::error::INJ\n::warning title=t%0A%3A%3Ax::b%0D%0A::error::INJ\n')
  })
})

describe('the annotation budget (GitHub shows 10 per type per step)', () => {
  it('shows 9 warnings, sends the rest to the log and adds one pointing to the summary', () => {
    const out = captureStdout(() => {
      for (let i = 1; i <= 16; i++) log.warning(`w${i}`)
      log.flushAnnotations()
    })
    const warnings = out.split('\n').filter((l) => l.startsWith('::warning'))
    expect(warnings).toHaveLength(10)
    expect(warnings[9]).toBe(
      '::warning::7 more warning(s) not shown as annotations (GitHub shows 10 per type per step); see the job summary and the log.'
    )
    expect(out).toContain('\nwarning: w16\n')
  })

  it('keeps a slot for the failed step: errors plus setFailed stay within 10', () => {
    const out = captureStdout(() => {
      for (let i = 1; i <= 12; i++) log.error(`e${i}`)
      log.flushAnnotations()
      log.setFailed('Coverage failed')
    })
    expect(out.split('\n').filter((l) => l.startsWith('::error'))).toHaveLength(10)
    process.exitCode = 0
  })
})
