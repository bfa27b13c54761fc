import { namesTheSameFolders, profilesPlace, showEnvFolders } from '../../../src/run/llvm-cov-folders.js'
import { parseShowEnv } from '../../../src/run/instrumented-extension.js'

const ws = { root: '/w/proj', members: [], targetDirectory: '/w/proj/target', buildDirectory: '/w/proj/target' }

describe('where cargo-llvm-cov keeps the profiles', () => {
  it("is llvm-cov-target in cargo's target folder, the profdata named after the workspace root's folder", () => {
    expect(profilesPlace(ws, {}, '/w/proj')).toEqual({
      dir: '/w/proj/target/llvm-cov-target',
      profdata: '/w/proj/target/llvm-cov-target/proj.profdata'
    })
  })
  it('is CARGO_LLVM_COV_TARGET_DIR when set (show-env), relative to the working folder', () => {
    expect(profilesPlace(ws, { CARGO_LLVM_COV_TARGET_DIR: '/w/proj/target' }, '/elsewhere')?.dir).toBe('/w/proj/target')
    expect(profilesPlace(ws, { CARGO_LLVM_COV_TARGET_DIR: 'cov' }, '/w/proj/sub')?.profdata).toBe('/w/proj/sub/cov/proj.profdata')
  })
  it('is unknown without cargo metadata, or without its target folder', () => {
    expect(profilesPlace(null, {}, '/w')).toBeNull()
    expect(profilesPlace({ ...ws, targetDirectory: null }, {}, '/w')).toBeNull()
  })
})

describe('the folders show-env will name, for the clean beside it', () => {
  // What cargo-llvm-cov 0.9.1 printed for the example (its own lines, other variables left out).
  const printed = parseShowEnv(
    [
      "export LLVM_PROFILE_FILE='/w/proj/target/proj-%p-%2m.profraw'",
      'export CARGO_LLVM_COV_TARGET_DIR=/w/proj/target',
      'export CARGO_LLVM_COV_BUILD_DIR=/w/proj/target'
    ].join('\n')
  )
  it("are cargo's own target and build folders, as it prints them", () => {
    const foreseen = showEnvFolders(ws, {})
    expect(foreseen).toEqual({ CARGO_LLVM_COV_TARGET_DIR: '/w/proj/target', CARGO_LLVM_COV_BUILD_DIR: '/w/proj/target' })
    expect(namesTheSameFolders(printed, foreseen!, '/w/proj')).toBe(true)
  })
  it('are not foreseen when CARGO_LLVM_COV_TARGET_DIR or _BUILD_DIR is set: show-env names its own, the clean would act on those', () => {
    expect(showEnvFolders(ws, { CARGO_LLVM_COV_TARGET_DIR: 'cov' })).toBeNull()
    expect(showEnvFolders(ws, { CARGO_LLVM_COV_BUILD_DIR: '/b' })).toBeNull()
  })
  it('are unknown without cargo metadata; a build-dir apart is foreseen, and any difference is seen', () => {
    expect(showEnvFolders(null, {})).toBeNull()
    expect(showEnvFolders({ ...ws, buildDirectory: null }, {})).toBeNull()
    const apart = showEnvFolders({ ...ws, buildDirectory: '/w/proj/build' }, {})!
    expect(namesTheSameFolders(printed, apart, '/w/proj')).toBe(false)
    expect(namesTheSameFolders({ ...printed, CARGO_LLVM_COV_BUILD_DIR: '/w/proj/build' }, apart, '/w/proj')).toBe(true)
    expect(namesTheSameFolders({ CARGO_LLVM_COV_TARGET_DIR: '/w/proj/target' }, apart, '/w/proj')).toBe(false)
    expect(namesTheSameFolders({}, showEnvFolders(ws, {})!, '/w')).toBe(false)
  })
})
