// Real headless Chromium (Debian's `chromium`) driven over the DevTools
// protocol on a pipe (--remote-debugging-pipe: JSON messages ended by NUL on
// fds 3 and 4), with script execution disabled for the page.
//
// Why not `chromium --headless --blink-settings=scriptEnabled=false
// --screenshot/--dump-dom`: with scripts disabled that way, Chromium 156's
// headless shell writes neither the screenshot nor the DOM (it evaluates
// script itself to take them) and still exits 0. The protocol's
// Emulation.setScriptExecutionDisabled turns off the page's scripts while
// DOM.getOuterHTML and Page.captureScreenshot keep working.
import { spawn, spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { Readable, Writable } from 'node:stream'

export function chromiumPath(): string | null {
  for (const name of ['chromium', 'chromium-browser']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim()
    if (found) return found
  }
  return null
}

export interface Rendered {
  /** document.documentElement.outerHTML once loaded, scripts disabled. */
  dom: string
  png: Buffer
}

interface Message {
  id?: number
  method?: string
  sessionId?: string
  result?: Record<string, unknown>
  error?: { message: string }
  params?: Record<string, unknown>
}

/** Opens each file:// URL in one headless Chromium with scripts disabled; its DOM and a screenshot of the viewport. */
export async function renderInChromium(urls: string[], viewport = { width: 1280, height: 2000 }): Promise<Rendered[]> {
  const binary = chromiumPath()
  if (!binary) throw new Error('chromium is not installed (bash scripts/setup.sh installs it)')
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-chromium-'))
  const child = spawn(
    binary,
    ['--headless', '--disable-gpu', '--no-sandbox', '--no-first-run', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe', 'pipe', 'pipe'] }
  )
  let stderr = ''
  child.stderr?.on('data', (d: Buffer) => (stderr = (stderr + d.toString()).slice(-4000)))
  const input = child.stdio[3] as Writable
  const output = child.stdio[4] as Readable
  let nextId = 1
  const pending = new Map<number, { resolve: (m: Message) => void; reject: (e: Error) => void }>()
  const waiters: Array<{ method: string; sessionId: string; resolve: () => void }> = []
  let buffered = ''
  const failAll = (error: Error): void => {
    for (const p of pending.values()) p.reject(error)
    pending.clear()
  }
  output.on('data', (data: Buffer) => {
    buffered += data.toString('utf8')
    let end: number
    while ((end = buffered.indexOf('\0')) >= 0) {
      const message = JSON.parse(buffered.slice(0, end)) as Message
      buffered = buffered.slice(end + 1)
      if (message.id !== undefined) {
        const p = pending.get(message.id)
        pending.delete(message.id)
        if (message.error) p?.reject(new Error(message.error.message))
        else p?.resolve(message)
      } else if (message.method) {
        const i = waiters.findIndex((w) => w.method === message.method && w.sessionId === message.sessionId)
        if (i >= 0) waiters.splice(i, 1)[0]?.resolve()
      }
    }
  })
  child.on('exit', (code) => failAll(new Error(`chromium exited (${code}): ${stderr}`)))
  child.on('error', (error) => failAll(error))
  // A guard against a hung browser, not a timing assertion.
  const guard = setTimeout(() => {
    failAll(new Error(`chromium did not answer within 120 s: ${stderr}`))
    child.kill('SIGKILL')
  }, 120_000)

  const send = (method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<Record<string, unknown>> =>
    new Promise((resolve, reject) => {
      const id = nextId++
      pending.set(id, { resolve: (m) => resolve(m.result ?? {}), reject })
      input.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`)
    })
  const event = (method: string, sessionId: string): Promise<void> => new Promise((resolve) => waiters.push({ method, sessionId, resolve }))

  try {
    const rendered: Rendered[] = []
    for (const url of urls) {
      const { targetId } = await send('Target.createTarget', { url: 'about:blank' })
      const { sessionId } = (await send('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string }
      await send('Emulation.setScriptExecutionDisabled', { value: true }, sessionId)
      await send('Emulation.setDeviceMetricsOverride', { ...viewport, deviceScaleFactor: 1, mobile: false }, sessionId)
      await send('Page.enable', {}, sessionId)
      const loaded = event('Page.loadEventFired', sessionId)
      await send('Page.navigate', { url }, sessionId)
      await loaded
      const { root } = (await send('DOM.getDocument', { depth: -1 }, sessionId)) as { root: { nodeId: number } }
      const { outerHTML } = (await send('DOM.getOuterHTML', { nodeId: root.nodeId }, sessionId)) as { outerHTML: string }
      const { data } = (await send('Page.captureScreenshot', { format: 'png' }, sessionId)) as { data: string }
      rendered.push({ dom: outerHTML, png: Buffer.from(data, 'base64') })
      await send('Target.closeTarget', { targetId })
    }
    return rendered
  } finally {
    clearTimeout(guard)
    child.kill('SIGTERM')
    await new Promise((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve)))
    fs.rmSync(profile, { recursive: true, force: true })
  }
}
