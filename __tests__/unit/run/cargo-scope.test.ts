// The cargo packages measured, from the real `cargo metadata` of the fixture
// workspace (__fixtures__/projects/rust-workspace: root crate ws_root with a
// default feature `fancy`, members ws_core and ws_extra).
import * as path from 'node:path'
import {
  cargoScope,
  droppedDefaultFeatures,
  matchesPackage,
  parseCargoMetadata,
  readCargoWorkspace,
  type CargoWorkspace
} from '../../../src/run/cargo-scope.js'

const root = path.resolve('__fixtures__/projects/rust-workspace')
const manifest = path.join(root, 'Cargo.toml')
const DEFAULT = 'cargo llvm-cov --no-report --no-default-features --no-fail-fast'
let ws: CargoWorkspace

beforeAll(() => {
  const read = readCargoWorkspace(manifest, root, process.env)
  if (!read) throw new Error('cargo metadata failed on the fixture')
  ws = read
})

it('reads the members from cargo metadata', () => {
  expect(ws.root).toBe(root)
  expect(ws.targetDirectory).toBe(process.env['CARGO_TARGET_DIR'] ? path.resolve(root, process.env['CARGO_TARGET_DIR']) : path.join(root, 'target'))
  expect(ws.members.map((m) => m.name).sort()).toEqual(['ws_core', 'ws_extra', 'ws_root'])
  expect(ws.members.find((m) => m.name === 'ws_root')?.features).toEqual({ default: ['fancy'], fancy: [] })
})

it('measures a workspace root whole, on the test run and the report alike', () => {
  expect(cargoScope(ws, manifest, [], null)).toEqual({
    ok: true,
    scope: {
      testArgs: ' --workspace',
      reportArgs: ' --workspace',
      packages: ['ws_core', 'ws_extra', 'ws_root'],
      wholeWorkspace: true,
      shown: true,
      othersUnmeasured: false
    }
  })
})

it('narrows to rust-packages, and names an unknown one with the packages there are', () => {
  expect(cargoScope(ws, manifest, ['ws_extra', 'ws_core'], null)).toEqual({
    ok: true,
    scope: {
      testArgs: ' --package ws_core --package ws_extra',
      reportArgs: ' --package ws_core --package ws_extra',
      packages: ['ws_core', 'ws_extra'],
      wholeWorkspace: false,
      shown: true,
      // ws_root is left out: cargo-llvm-cov's own run would not clean its binaries, which the report reads.
      othersUnmeasured: true
    }
  })
  expect(cargoScope(ws, manifest, ['ws_nope'], null)).toEqual({
    ok: false,
    message: 'rust-packages: no package ws_nope in the cargo workspace (its packages: ws_core, ws_extra, ws_root)'
  })
})

it('a member crate alone is its own package, with no flags', () => {
  const member = path.join(root, 'crates/core/Cargo.toml')
  expect(cargoScope(ws, member, [], null)).toMatchObject({
    ok: true,
    scope: { testArgs: '', reportArgs: '', packages: ['ws_core'], shown: false, othersUnmeasured: true }
  })
})

it('gives the default report the selection of a rust-command of the user’s own', () => {
  expect(cargoScope(ws, manifest, [], `${DEFAULT} --workspace`)).toMatchObject({ ok: true, scope: { testArgs: '', reportArgs: ' --workspace' } })
  expect(cargoScope(ws, manifest, [], `${DEFAULT} --workspace --exclude ws_extra`)).toMatchObject({
    ok: true,
    scope: { testArgs: '', reportArgs: ' --package ws_core --package ws_root', packages: ['ws_core', 'ws_root'] }
  })
  expect(cargoScope(ws, manifest, [], `${DEFAULT} -p ws_core`)).toMatchObject({ ok: true, scope: { reportArgs: ' --package ws_core' } })
  expect(cargoScope(ws, manifest, [], DEFAULT)).toMatchObject({ ok: true, scope: { testArgs: '', reportArgs: '', packages: ['ws_root'] } })
})

it('names the default features --no-default-features leaves out, PyO3’s extension-module aside', () => {
  expect(droppedDefaultFeatures(ws, manifest, ['ws_core', 'ws_extra', 'ws_root'], DEFAULT)).toEqual(['fancy'])
  expect(droppedDefaultFeatures(ws, manifest, ['ws_root'], `${DEFAULT} --features fancy`)).toEqual([])
  expect(droppedDefaultFeatures(ws, manifest, ['ws_root'], `${DEFAULT} --all-features`)).toEqual([])
  expect(droppedDefaultFeatures(ws, manifest, ['ws_root'], 'cargo llvm-cov --no-report')).toEqual([])
  expect(droppedDefaultFeatures(ws, manifest, ['ws_core'], DEFAULT)).toEqual([])
  const pyo3: CargoWorkspace = {
    root: '/p',
    targetDirectory: '/p/target',
    buildDirectory: '/p/target',
    members: [
      {
        name: 'ext',
        manifestPath: '/p/Cargo.toml',
        features: {
          default: ['extension-module', 'py', 'fast'],
          'extension-module': ['pyo3/extension-module'],
          py: ['pyo3?/extension-module'],
          fast: []
        }
      },
      { name: 'other', manifestPath: '/p/crates/other/Cargo.toml', features: { default: ['simd'], simd: [] } }
    ]
  }
  expect(droppedDefaultFeatures(pyo3, '/p/Cargo.toml', ['ext', 'other'], DEFAULT)).toEqual(['fast', 'other/simd'])
  expect(droppedDefaultFeatures(pyo3, '/p/Cargo.toml', ['ext', 'other'], `${DEFAULT} -F fast,other/simd`)).toEqual([])
})

it('reads -p and --exclude as cargo does, as glob patterns, and quotes every name it passes on', () => {
  expect(cargoScope(ws, manifest, [], `${DEFAULT} --workspace --exclude 'ws_e*'`)).toMatchObject({
    ok: true,
    scope: { reportArgs: ' --package ws_core --package ws_root', packages: ['ws_core', 'ws_root'] }
  })
  expect(cargoScope(ws, manifest, [], `${DEFAULT} -p 'ws_?ore'`)).toMatchObject({ ok: true, scope: { reportArgs: ' --package ws_core' } })
  expect(cargoScope(ws, manifest, [], `${DEFAULT} -p 'core;touch /tmp/x'`)).toMatchObject({
    ok: true,
    scope: { reportArgs: " --package 'core;touch /tmp/x'" }
  })
  expect(matchesPackage('ws_[', 'ws_[')).toBe(false)
  expect(matchesPackage('a.b', 'axb')).toBe(false)
})

it('refuses cargo metadata whose packages are not as cargo writes them, without throwing', () => {
  expect(parseCargoMetadata('{"workspace_root":"/w","packages":[{"id":"a","name":"a"}]}')).toBeNull()
  expect(parseCargoMetadata('{"workspace_root":"/w","packages":[null]}')).toBeNull()
  expect(
    parseCargoMetadata('{"workspace_root":"/w","packages":[{"id":"a","name":"a","manifest_path":"/w/Cargo.toml","features":{"x":[1],"y":["z"]}}]}')
  ).toEqual({
    root: '/w',
    members: [{ name: 'a', manifestPath: '/w/Cargo.toml', features: { y: ['z'] } }],
    targetDirectory: null,
    buildDirectory: null
  })
  // A target folder that is not an absolute path is not one to look in.
  expect(parseCargoMetadata('{"workspace_root":"/w","target_directory":"t","packages":[]}')?.targetDirectory).toBeNull()
  expect(parseCargoMetadata('{"workspace_root":"/w","target_directory":"/w/target","packages":[]}')).toMatchObject({
    targetDirectory: '/w/target',
    buildDirectory: '/w/target'
  })
  expect(
    parseCargoMetadata('{"workspace_root":"/w","target_directory":"/w/target","build_directory":"/w/build","packages":[]}')?.buildDirectory
  ).toBe('/w/build')
})
