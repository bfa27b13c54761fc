import { makeRedactor, redactDeep, registerSecret, registerSecretsIn } from '../../../src/safety/redact.js'
import { captureStdout } from './capture.js'

describe('the redactor', () => {
  const env = {
    ACTIONS_RUNTIME_TOKEN: 'rt-0123456789abcdef',
    'INPUT_GITHUB-TOKEN': 'ghs_inputtoken0123456789',
    DEPLOY_PASSWORD: 'hunter2hunter2',
    PATH: '/usr/bin'
  }

  it('masks the runtime token, the github-token input and secret-looking variables, not the others', () => {
    const redact = makeRedactor(env)
    expect(redact('a rt-0123456789abcdef b ghs_inputtoken0123456789 c hunter2hunter2 d /usr/bin')).toBe('a *** b *** c *** d /usr/bin')
  })

  it('masks values registered with registerSecret (also masked in the runner log) and those assigned in command inputs', () => {
    const redact = makeRedactor({})
    const log = captureStdout(() => {
      registerSecret('s3cr3t-registered')
      registerSecretsIn('env TOKEN=tok-from-prefix API_KEY="quoted key 1" uv run --password pw-12345 pytest')
    })
    expect(log).toContain('::add-mask::s3cr3t-registered')
    expect(log).toContain('::add-mask::tok-from-prefix')
    expect(redact('saw s3cr3t-registered and tok-from-prefix and quoted key 1 and pw-12345')).toBe('saw *** and *** and *** and ***')
  })

  it('masks credential shapes whatever their source', () => {
    const redact = makeRedactor({})
    const cases: Array<[string, string]> = [
      ['HttpError: Bad credentials (401) {"authorization":"token abcd1234efgh5678"}', 'HttpError: Bad credentials (401) {"authorization":"***"}'],
      ['request failed: Authorization: Bearer eyJhbGciOi.payload.sig1 rejected', 'request failed: Authorization: *** rejected'],
      ['sent Bearer eyJ0eXAiOiJKV1Qi.x9 to the API', 'sent Bearer *** to the API'],
      ['header token ghp_0123456789abcdefghijABCDEFGHIJ012345', 'header token ***'],
      ['a github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz here', 'a *** here'],
      ['clone https://user:p4ssw0rd@github.com/o/r failed', 'clone https://user:***@github.com/o/r failed'],
      ['env GITHUB_TOKEN=abc123secret cargo llvm-cov', 'env GITHUB_TOKEN=*** cargo llvm-cov']
    ]
    for (const [text, expected] of cases) expect(redact(text)).toBe(expected)
    // Plain prose stays as it is.
    expect(redact('the token expired; ACTIONS_RUNTIME_TOKEN is not set')).toBe('the token expired; ACTIONS_RUNTIME_TOKEN is not set')
  })

  it('redactDeep masks every string of a JSON value, keeping its shape', () => {
    const redact = makeRedactor(env)
    const value = { a: ['x rt-0123456789abcdef', 1, null, { b: 'Authorization: token zzz999zzz' }], n: 2 }
    expect(redactDeep(value, redact)).toEqual({ a: ['x ***', 1, null, { b: 'Authorization: ***' }], n: 2 })
  })
})
