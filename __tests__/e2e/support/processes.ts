// Whether a process still runs (a zombie waiting for its parent to reap it
// has stopped running), and polling for a file another process writes.
import * as fs from 'node:fs'

export function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'latin1')
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z'
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false
    throw error
  }
}

/** Resolves with the file's content once it exists and is not empty (the test's own time limit ends a hang). */
export async function waitForFile(file: string): Promise<string> {
  for (;;) {
    if (fs.existsSync(file)) {
      const text = fs.readFileSync(file, 'utf8')
      if (text.trim() !== '') return text
    }
    await new Promise((r) => setTimeout(r, 50))
  }
}

/** Kills what a test left running (a process the code under test could not reach by design). */
export function killIfRunning(pid: number): void {
  if (running(pid)) process.kill(pid, 'SIGKILL')
}

/** True once the process has stopped running; false if it still runs after 5 s (a signal takes effect when the process is next scheduled). */
export async function stopsRunning(pid: number): Promise<boolean> {
  for (let i = 0; i < 100 && running(pid); i++) await new Promise((r) => setTimeout(r, 50))
  return !running(pid)
}
