import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { dynamicLibraries, keepBuiltObjects, putBackObjects } from '../../../src/run/extension-objects.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

function targetFolder(): { target: string; keep: string } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-objects-'))
  roots.push(root)
  const target = path.join(root, 'target')
  for (const dir of [
    'debug/deps',
    'debug/incremental/x',
    'debug/build/pyo3-1/out',
    'x86_64-unknown-linux-gnu/debug/deps',
    'llvm-cov-target/debug/deps'
  ]) {
    fs.mkdirSync(path.join(target, dir), { recursive: true })
  }
  const keep = path.join(root, 'keep')
  fs.mkdirSync(keep)
  return { target, keep }
}

const write = (file: string, text: string, mode = 0o755): void => {
  fs.writeFileSync(file, text)
  fs.chmodSync(file, mode)
}

describe('the extension objects kept while the Rust tests rebuild the crate', () => {
  it('finds the dynamic libraries cargo puts under the profile folders, not in incremental, build or another target', () => {
    const { target } = targetFolder()
    for (const file of [
      'debug/deps/libmixed_demo.so',
      'debug/libmixed_demo.so',
      'x86_64-unknown-linux-gnu/debug/deps/libmixed_demo.so',
      'debug/deps/mixed_demo-0123abcd',
      'debug/deps/libmixed_demo-0123abcd.rlib',
      'debug/incremental/x/lib.so',
      'debug/build/pyo3-1/out/libpyo3.so',
      'llvm-cov-target/debug/deps/libmixed_demo.so'
    ]) {
      write(path.join(target, file), file)
    }
    fs.symlinkSync('/etc/hostname', path.join(target, 'debug/deps/liblink.so'))
    expect([...dynamicLibraries(target).keys()].map((f) => path.relative(target, f)).sort()).toEqual([
      'debug/deps/libmixed_demo.so',
      'debug/libmixed_demo.so',
      'x86_64-unknown-linux-gnu/debug/deps/libmixed_demo.so'
    ])
    expect(dynamicLibraries(path.join(target, 'missing')).size).toBe(0)
  })

  it('keeps what the build wrote and puts back what was rewritten or replaced, with its mode, leaving the rest alone', () => {
    const { target, keep } = targetFolder()
    const extension = path.join(target, 'debug/deps/libmixed_demo.so')
    const uplifted = path.join(target, 'debug/libmixed_demo.so')
    const untouched = path.join(target, 'debug/deps/libother.so')
    write(untouched, 'other, built before')
    write(extension, 'an older build')
    const before = dynamicLibraries(target)
    // The instrumented build: the extension rewritten (another size), its uplifted copy new.
    write(extension, 'the extension the Python tests load')
    write(uplifted, 'the extension the Python tests load')
    const kept = keepBuiltObjects([target], before, keep)
    expect(kept.map((k) => k.file).sort()).toEqual([uplifted, extension].sort())

    // The Rust tests' build: the cdylib without the default features; the uplifted copy replaced by a link.
    write(extension, 'built for the tests')
    fs.rmSync(uplifted)
    fs.symlinkSync(untouched, uplifted)
    expect(putBackObjects(kept)).toBe(2)
    expect(fs.readFileSync(extension, 'utf8')).toBe('the extension the Python tests load')
    expect(fs.lstatSync(uplifted).isSymbolicLink()).toBe(false)
    expect(fs.readFileSync(uplifted, 'utf8')).toBe('the extension the Python tests load')
    expect(fs.readFileSync(untouched, 'utf8')).toBe('other, built before') // the link was replaced, not written through
    expect(fs.statSync(extension).mode & 0o111).not.toBe(0) // cargo-llvm-cov reads executable objects only
    // Nothing rewrote them since: nothing to do.
    expect(putBackObjects(keepBuiltObjects([target], dynamicLibraries(target), keep))).toBe(0)
  })
})
