import { inputsFromArgs } from '../../../src/inputs/local.js'
import { closestInput, INPUT_NAMES } from '../../../src/inputs/names.js'
import { declaredInputs } from '../../../test-support/action-yml.js'

describe('local flags', () => {
  it('the list of input names is exactly the inputs action.yml declares', () => {
    expect([...INPUT_NAMES].sort()).toEqual(declaredInputs())
  })

  it('refuses an unknown flag, naming the closest input, instead of running without it', () => {
    const env: NodeJS.ProcessEnv = {}
    expect(inputsFromArgs(['--python-package', 'x', '--rust-min-line', '99'], env)).toEqual({
      ok: false,
      message: 'Unknown input --rust-min-line: did you mean --rust-min-lines? (the inputs are listed in action.yml)',
      exitCode: 2
    })
    expect(closestInput('python-pkg')).toBe('python-package')
    expect(closestInput('workdir')).toBe('working-directory')
    expect(closestInput('nonblocking')).toBe('non-blocking')
    expect(inputsFromArgs(['--rust-min-lines=99'], env)).toEqual({ ok: true })
    expect(env['INPUT_RUST-MIN-LINES']).toBe('99')
  })
})
