import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { PathOutsideWorkspace } from '../../../src/model/errors.js'
import { removeStale } from '../../../src/run/suite-files.js'
import { liesInside, physicalPath, removeInside, resolveInside, writeFileAtomic, writeThroughTemp } from '../../../src/safety/workspace-fs.js'

/** A workspace and, beside it, an outside folder holding a file that must survive. */
function setup() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-wsfs-'))
  const workspace = path.join(root, 'ws')
  const outside = path.join(root, 'outside')
  fs.mkdirSync(path.join(workspace, 'target'), { recursive: true })
  fs.mkdirSync(outside)
  fs.writeFileSync(path.join(outside, 'precious.txt'), 'keep me')
  return { root, workspace, outside, precious: path.join(outside, 'precious.txt') }
}

describe('resolveInside', () => {
  it('refuses a path whose folder is a symlink leading out, even below it where nothing exists yet', () => {
    const { workspace, outside } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'target/coverage'))
    expect(() => resolveInside(path.join(workspace, 'target/coverage'), workspace)).toThrow(PathOutsideWorkspace)
    expect(() => resolveInside(path.join(workspace, 'target/coverage/a/b/rust.lcov'), workspace)).toThrow(
      `target/coverage/a/b/rust.lcov: leads to ${path.join(fs.realpathSync(outside), 'a/b/rust.lcov')}, outside the workspace (a symlink?); refused`
    )
    expect(liesInside(path.join(workspace, 'target/coverage/x'), workspace, { followLast: false })).toBe(false)
  })

  it('judges a final symlink by where it leads, or as the link itself for writes; a workspace behind a symlink is fine', () => {
    const { root, workspace, precious } = setup()
    fs.symlinkSync(precious, path.join(workspace, 'target/link.json'))
    expect(liesInside(path.join(workspace, 'target/link.json'), workspace)).toBe(false)
    expect(liesInside(path.join(workspace, 'target/link.json'), workspace, { followLast: false })).toBe(true)
    fs.symlinkSync(workspace, path.join(root, 'ws-link'))
    expect(resolveInside(path.join(root, 'ws-link/target/new/file'), path.join(root, 'ws-link'))).toBe(
      path.join(fs.realpathSync(workspace), 'target/new/file')
    )
    expect(liesInside(path.join(workspace, '../outside/precious.txt'), workspace)).toBe(false)
  })
})

describe('writeFileAtomic', () => {
  it('replaces a file that is a symlink leading out, never writing through it', () => {
    const { workspace, precious } = setup()
    const file = path.join(workspace, 'target/coverage-summary.json')
    fs.symlinkSync(precious, file)
    writeFileAtomic(file, '{"ok":true}\n', workspace)
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me')
    expect(fs.lstatSync(file).isSymbolicLink()).toBe(false)
    expect(fs.readFileSync(file, 'utf8')).toBe('{"ok":true}\n')
    expect(fs.readdirSync(path.dirname(file))).toEqual(['coverage-summary.json']) // no temporary file left
  })

  it('refuses to create or write anything through a folder leading out', () => {
    const { workspace, outside } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'target/coverage'))
    expect(() => writeFileAtomic(path.join(workspace, 'target/coverage/deep/summary.json'), 'x', workspace)).toThrow(PathOutsideWorkspace)
    expect(fs.readdirSync(outside)).toEqual(['precious.txt'])
  })

  it('writeThroughTemp lets a writer produce the file under a temporary name, then replaces a symlink with it', async () => {
    const { workspace, precious } = setup()
    const file = path.join(workspace, 'target/rust-html.zip')
    fs.symlinkSync(precious, file)
    await writeThroughTemp(file, workspace, async (temp) => fs.writeFileSync(temp, 'zip'))
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me')
    expect(fs.readFileSync(file, 'utf8')).toBe('zip')
  })
})

describe('removeInside and removeStale', () => {
  it('removes a symlink leading out as a link; what it points to stays', () => {
    const { workspace, outside, precious } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'target/html'))
    fs.symlinkSync(precious, path.join(workspace, 'target/rust.lcov'))
    removeInside(path.join(workspace, 'target/html'), workspace)
    removeInside(path.join(workspace, 'target/rust.lcov'), workspace)
    removeInside(path.join(workspace, 'target/missing'), workspace)
    expect(fs.readdirSync(path.join(workspace, 'target'))).toEqual([])
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me')
  })

  it('removes a folder without following the links inside it', () => {
    const { workspace, outside, precious } = setup()
    fs.mkdirSync(path.join(workspace, 'target/html'))
    fs.symlinkSync(outside, path.join(workspace, 'target/html/escape'))
    removeInside(path.join(workspace, 'target/html'), workspace)
    expect(fs.existsSync(path.join(workspace, 'target/html'))).toBe(false)
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me')
  })

  it('removeStale refuses a report folder that is a symlink leading out, removing nothing at all', () => {
    const { workspace, outside, precious } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'target/coverage'))
    fs.writeFileSync(path.join(workspace, 'target/old.txt'), 'stale')
    const stale = [path.join(workspace, 'target/old.txt'), path.join(workspace, 'target/coverage/precious.txt')]
    expect(() => removeStale(stale, workspace)).toThrow('target/coverage/precious.txt: leads to')
    expect(fs.readFileSync(precious, 'utf8')).toBe('keep me')
    expect(fs.existsSync(path.join(workspace, 'target/old.txt'))).toBe(true)
  })
})

describe('physicalPath', () => {
  it('follows a link before the `..` after it, as the system does (path.resolve drops both)', () => {
    const { workspace, outside } = setup()
    fs.mkdirSync(path.join(outside, 'sub'))
    fs.symlinkSync(path.join(outside, 'sub'), path.join(workspace, 'link'))
    const written = `${workspace}/link/../tgt/llvm-cov-target` // as cargo writes a configured target-dir: not tidied
    expect(path.resolve(written)).toBe(path.join(workspace, 'tgt/llvm-cov-target'))
    expect(physicalPath(written)).toBe(path.join(fs.realpathSync(outside), 'tgt/llvm-cov-target'))
    // What the system does with it: the folder made is the outside one.
    fs.mkdirSync(written, { recursive: true })
    expect(fs.existsSync(path.join(outside, 'tgt/llvm-cov-target'))).toBe(true)
    expect(fs.existsSync(path.join(workspace, 'tgt'))).toBe(false)
  })
  it('takes a path without `..` as it is, and the part that does not exist yet as written', () => {
    const { workspace } = setup()
    expect(physicalPath(path.join(workspace, 'target'))).toBe(path.join(workspace, 'target'))
    const real = fs.realpathSync(workspace)
    expect(physicalPath(`${workspace}/target/../py/../target`)).toBe(path.join(real, 'target'))
    expect(physicalPath(`${workspace}/none/yet/../here`)).toBe(path.join(real, 'none/here'))
  })
  it('follows links again after a `..` leads back from a folder that does not exist', () => {
    const { workspace, outside } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'tgt'))
    expect(physicalPath(`${workspace}/none/../tgt/x`)).toBe(path.join(fs.realpathSync(outside), 'x'))
  })
  it('takes a backslash as part of a name, as Linux does, not as a folder separator', () => {
    const { workspace, outside } = setup()
    fs.symlinkSync(outside, path.join(workspace, 'out'))
    // `out\..\tgt` is one name inside the outside folder: the system makes it there.
    const written = `${workspace}/out/q\\..\\..\\tgt`
    expect(physicalPath(written)).toBe(path.join(fs.realpathSync(outside), 'q\\..\\..\\tgt'))
    expect(liesInside(physicalPath(written), workspace)).toBe(false)
  })
  it('takes a relative path from the base given, through its links', () => {
    const { workspace, outside } = setup()
    fs.mkdirSync(path.join(outside, 'deep'))
    fs.symlinkSync(path.join(outside, 'deep'), path.join(workspace, 'link'))
    expect(physicalPath('../cov', path.join(workspace, 'link'))).toBe(path.join(fs.realpathSync(outside), 'cov'))
    expect(physicalPath('cov', workspace)).toBe(path.join(fs.realpathSync(workspace), 'cov'))
  })
})
