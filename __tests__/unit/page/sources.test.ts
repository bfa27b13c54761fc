import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { workspaceSources } from '../../../src/page/sources.js'

const top = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-page-sources-'))
const workspace = path.join(top, 'ws')
const outside = path.join(top, 'secret.rs')
fs.mkdirSync(path.join(workspace, 'project/src'), { recursive: true })
fs.writeFileSync(path.join(workspace, 'project/src/lib.rs'), 'pub fn a() {}\n')
fs.writeFileSync(path.join(workspace, 'top.py'), 'x = 1\n')
fs.writeFileSync(outside, 'SECRET\n')
fs.symlinkSync(outside, path.join(workspace, 'out-link.rs'))
fs.symlinkSync(top, path.join(workspace, 'out-dir'))
fs.symlinkSync(path.join(workspace, 'top.py'), path.join(workspace, 'in-link.py'))
fs.writeFileSync(path.join(workspace, 'big.rs'), 'x'.repeat(2048))
fs.writeFileSync(path.join(workspace, 'blob.bin'), Buffer.from([1, 2, 0, 3]))
fs.mkdirSync(path.join(workspace, 'dir.rs'))
execFileSync('mkfifo', [path.join(workspace, 'pipe.rs')])

afterAll(() => fs.rmSync(top, { recursive: true, force: true }))

describe('workspaceSources', () => {
  const sources = workspaceSources({ workspace, bases: [path.join(workspace, 'project')] }, 1024)

  it('reads workspace-relative and absolute paths inside the workspace', () => {
    expect(sources('top.py')).toEqual({ text: 'x = 1\n' })
    expect(sources(path.join(workspace, 'top.py'))).toEqual({ text: 'x = 1\n' })
    expect(sources('in-link.py')).toEqual({ text: 'x = 1\n' })
  })

  it('reads paths relative to the working directory too', () => {
    expect(sources('src/lib.rs')).toEqual({ text: 'pub fn a() {}\n' })
  })

  it('never reads outside the workspace', () => {
    expect(sources('../secret.rs')).toEqual({ skipped: 'the path lies outside the workspace; not read' })
    expect(sources(outside)).toEqual({ skipped: 'the path lies outside the workspace; not read' })
    expect(sources('out-link.rs')).toEqual({ skipped: 'it leads outside the workspace (a symlink?); not read' })
    expect(sources('out-dir/secret.rs')).toEqual({ skipped: 'it leads outside the workspace (a symlink?); not read' })
  })

  it('skips big, binary, missing and non-regular files with a reason', () => {
    expect(sources('big.rs')).toEqual({ skipped: 'it has 2.0 KiB, over the 1.0 KiB shown per source' })
    expect(sources('blob.bin')).toEqual({ skipped: 'it looks binary' })
    expect(sources('nowhere.rs')).toEqual({ skipped: 'not found in this checkout' })
    expect(sources('dir.rs')).toEqual({ skipped: 'it is not a regular file' })
    // A FIFO is refused at once, not waited on for a writer.
    expect(sources('pipe.rs')).toEqual({ skipped: 'it is not a regular file' })
  })

  it('works when the workspace itself is reached through a symlink', () => {
    const link = path.join(top, 'ws-link')
    fs.symlinkSync(workspace, link)
    const viaLink = workspaceSources({ workspace: link })
    expect(viaLink('top.py')).toEqual({ text: 'x = 1\n' })
    expect(viaLink(path.join(workspace, 'top.py'))).toEqual({ text: 'x = 1\n' })
    expect(viaLink('out-link.rs')).toEqual({ skipped: 'it leads outside the workspace (a symlink?); not read' })
  })
})
