// The folder lock is released after every other cleanup of a cancelled run, in a real process sent SIGINT.
import { spawn } from 'node:child_process'
import * as path from 'node:path'

it('runs the cleanups registered last-of-all after the others, whenever they were registered', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.resolve('test-support/cancel-order.ts')], { stdio: ['ignore', 'pipe', 'inherit'] })
  let out = ''
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString()
    if (out.includes('ready\n') && !child.killed) child.kill('SIGINT')
  })
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve))
  expect(code).toBe(130)
  const order = out.split('\n').filter((line) => /^(put|remove|release)/.test(line))
  expect(order).toEqual(['put the profiles back', 'remove the unfinished reports', 'release the lock'])
})
