// The output a command kept in a file: its last part (pytest-cov's table and
// warnings are at the end), the whole of it replayed into the log after the
// command ran beside another suite's, and its end shown at once when the run
// is cancelled before that. Only regular files are read: what the command may
// have put in its place (a FIFO, a link) is neither waited on nor read through.
import * as core from '@actions/core'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { pipeline } from 'node:stream/promises'
import * as log from '../safety/log.js'
import { mkdirInside, openRegularFile, workspaceOf } from '../safety/workspace-fs.js'

const NOFOLLOW = fs.constants.O_NOFOLLOW ?? 0

/**
 * The last `bytes` of a file as text, from the first whole line in them ('' when it is not a regular file: what the
 * tests may have put in place of their output, a FIFO or a link, is not read).
 */
export function lastPart(file: string, bytes: number): string {
  const opened = openRegularFile(file, true)
  if ('refused' in opened) return ''
  const { fd, size } = opened
  try {
    const start = Math.max(0, size - bytes)
    const buffer = Buffer.alloc(size - start)
    let filled = 0
    while (filled < buffer.length) {
      const read = fs.readSync(fd, buffer, filled, buffer.length - filled, start + filled)
      if (read === 0) break
      filled += read
    }
    const text = buffer.subarray(0, filled)
    const firstLine = start === 0 ? 0 : text.indexOf(0x0a) + 1
    return text.subarray(firstLine).toString('utf8')
  } finally {
    fs.closeSync(fd)
  }
}

/**
 * A kept output into the log as it would have streamed (raw bytes, the log's backpressure honoured): as long as it
 * was when opened, and only a regular file (what the command may have put in its place, a FIFO or a link, is not
 * read: no wait for a writer, nothing read through).
 */
export async function replayKeptOutput(file: string, bytes: number, signal?: AbortSignal): Promise<void> {
  const opened = openRegularFile(file, true)
  if ('refused' in opened) {
    log.info(`(the output kept in ${file} is not shown: ${opened.refused})`)
    return
  }
  const length = Math.min(opened.size, bytes)
  if (length === 0) {
    fs.closeSync(opened.fd)
    return
  }
  try {
    await pipeline(fs.createReadStream('', { fd: opened.fd, start: 0, end: length - 1 }), process.stdout, {
      end: false,
      ...(signal ? { signal } : {})
    })
  } catch (error) {
    // Stopped on purpose (a cancelled run shows the end of it at once): nothing to say.
    if (!signal?.aborted) log.info(`(the output kept in ${file} could not be read back: ${(error as Error).message})`)
  }
}

/**
 * A fresh file for a command's output outside the project (RUNNER_TEMP, else the system's), and its removal; null
 * when no temporary folder can be made there.
 */
export function keptOutputFile(): { file: string; remove: () => void } | null {
  let dir: string
  try {
    dir = fs.mkdtempSync(path.join(process.env['RUNNER_TEMP'] || os.tmpdir(), 'rpc-output-'))
  } catch {
    return null
  }
  return { file: path.join(dir, 'output.txt'), remove: () => fs.rmSync(dir, { recursive: true, force: true }) }
}

/**
 * The kept output copied to where the suite keeps it (`target`, inside the workspace: its folder is checked and
 * made there): its first `bytes` (what the command wrote), into a new file (whatever was put at `target`
 * meanwhile, a link included, is replaced, never written through).
 */
export function placeKeptOutput(kept: string, target: string, bytes: number): void {
  const opened = openRegularFile(kept, true)
  if ('refused' in opened) return
  try {
    const file = path.join(mkdirInside(path.dirname(target), workspaceOf()), path.basename(target))
    fs.rmSync(file, { force: true, recursive: true })
    const out = fs.openSync(file, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL | NOFOLLOW, 0o644)
    try {
      const buffer = Buffer.alloc(Math.min(1024 * 1024, Math.max(bytes, 1)))
      for (let at = 0; at < bytes;) {
        const read = fs.readSync(opened.fd, buffer, 0, Math.min(buffer.length, bytes - at), at)
        if (read === 0) break
        fs.writeSync(out, buffer, 0, read)
        at += read
      }
    } finally {
      fs.closeSync(out)
    }
  } finally {
    fs.closeSync(opened.fd)
  }
}

/** How much of a kept output a cancelled run shows (the process is about to exit). */
export const CANCELLED_TAIL_BYTES = 16 * 1024

/** The end of a kept output as its own log group, at once (a cancelled run, before its files are removed). */
export function showKeptOutputNow(label: string, command: string, file: string): void {
  const text = lastPart(file, CANCELLED_TAIL_BYTES)
  if (text === '') return
  core.startGroup(`${label}: ${command} (its output so far, shown as the run was cancelled)`)
  process.stdout.write(text.endsWith('\n') ? text : `${text}\n`)
  core.endGroup()
}
