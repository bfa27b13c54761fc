import { spawnSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import type { ProfilesPlace } from '../../../src/run/llvm-cov-folders.js'
import { readsProfdataAlone, setProfilesAside } from '../../../src/run/profiles-aside.js'

const roots: string[] = []
afterAll(() => {
  for (const root of roots) fs.rmSync(root, { recursive: true, force: true })
})

/** A cargo-llvm-cov target folder as its run leaves it: two raw profiles, their list, the merged profdata. */
function profilesFolder(): ProfilesPlace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-aside-'))
  roots.push(root)
  const dir = path.join(root, 'target', 'llvm-cov-target')
  fs.mkdirSync(path.join(dir, 'debug', 'deps'), { recursive: true })
  fs.writeFileSync(path.join(dir, 'proj-1-11_0.profraw'), 'first')
  fs.writeFileSync(path.join(dir, 'proj-2-22_0.profraw'), 'second')
  fs.writeFileSync(path.join(dir, 'proj-profraw-list'), 'list')
  const profdata = path.join(dir, 'proj.profdata')
  fs.writeFileSync(profdata, 'merged')
  return { dir, profdata }
}

const listing = (dir: string): string[] => fs.readdirSync(dir).sort()

describe('which cargo-llvm-cov reads its profdata file alone', () => {
  it('is 0.6.9 and later; an unknown version is not trusted', () => {
    for (const v of ['0.6.9', '0.6.10', '0.7.0', '0.9.1', '1.0.0', '0.6.9-beta']) expect(readsProfdataAlone(v)).toBe(true)
    for (const v of ['0.6.8', '0.5.40', '0.0.1', '', 'x.y.z', undefined]) expect(readsProfdataAlone(v)).toBe(false)
  })
})

describe('the raw profiles set aside while the reports run side by side', () => {
  it('leaves no *.profraw in the folder, keeps the profdata, and puts every profile back as it was', () => {
    const place = profilesFolder()
    const before = listing(place.dir)
    const aside = setProfilesAside(place, Date.now() - 500)
    expect(aside).not.toBeNull()
    const during = listing(place.dir)
    expect(during.filter((f) => f.endsWith('.profraw'))).toEqual([])
    expect(during).toContain('proj.profdata')
    const folder = during.find((f) => f.startsWith('.profraw-aside-')) as string
    expect(listing(path.join(place.dir, folder))).toEqual(['proj-1-11_0.profraw', 'proj-2-22_0.profraw'])
    expect(aside?.putBack()).toBe('')
    expect(listing(place.dir)).toEqual(before)
    expect(fs.readFileSync(path.join(place.dir, 'proj-2-22_0.profraw'), 'utf8')).toBe('second')
  })

  it('moves nothing when the profdata file was not written by the report that merged (an older one, or none)', () => {
    const place = profilesFolder()
    const before = listing(place.dir)
    const old = new Date(Date.now() - 60_000)
    fs.utimesSync(place.profdata, old, old)
    expect(setProfilesAside(place, Date.now() - 500)).toBeNull()
    fs.rmSync(place.profdata)
    expect(setProfilesAside(place, 0)).toBeNull()
    expect(listing(place.dir)).toEqual(before.filter((f) => f !== 'proj.profdata'))
  })

  it('does not take a link at the profdata path for the file', () => {
    const place = profilesFolder()
    const real = path.join(place.dir, 'real.profdata')
    fs.renameSync(place.profdata, real)
    fs.symlinkSync(real, place.profdata)
    expect(setProfilesAside(place, 0)).toBeNull()
    expect(listing(place.dir).filter((f) => f.endsWith('.profraw'))).toHaveLength(2)
  })

  it('has nothing to move when there is no raw profile, and nothing to put back', () => {
    const place = profilesFolder()
    for (const f of listing(place.dir)) if (f.endsWith('.profraw')) fs.rmSync(path.join(place.dir, f))
    const aside = setProfilesAside(place, Date.now() - 500)
    expect(aside).not.toBeNull()
    aside?.putBack()
    expect(listing(place.dir)).toEqual(['debug', 'proj-profraw-list', 'proj.profdata'])
  })

  it('never puts a profile back over a file written at its name meanwhile: that one stays aside', () => {
    const place = profilesFolder()
    const aside = setProfilesAside(place, Date.now() - 500)
    fs.writeFileSync(path.join(place.dir, 'proj-1-11_0.profraw'), 'new')
    expect(aside?.putBack()).toMatch(/^1 left in .*\.profraw-aside-\d+-\w+ \(proj-1-11_0\.profraw: a file of that name is there again\)$/)
    expect(fs.readFileSync(path.join(place.dir, 'proj-1-11_0.profraw'), 'utf8')).toBe('new')
    expect(fs.readFileSync(path.join(place.dir, 'proj-2-22_0.profraw'), 'utf8')).toBe('second')
    const folder = listing(place.dir).find((f) => f.startsWith('.profraw-aside-')) as string
    expect(listing(path.join(place.dir, folder))).toEqual(['proj-1-11_0.profraw'])
  })

  it('removes the folders a killed earlier run left aside (never counted: cargo-llvm-cov reads the folder itself only), not a link of that name', () => {
    const place = profilesFolder()
    const stale = path.join(place.dir, '.profraw-aside-OLD123')
    fs.mkdirSync(stale)
    fs.writeFileSync(path.join(stale, 'proj-9-99_0.profraw'), 'old run')
    const elsewhere = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-aside-kept-'))
    roots.push(elsewhere)
    fs.writeFileSync(path.join(elsewhere, 'keep.txt'), 'not ours')
    fs.symlinkSync(elsewhere, path.join(place.dir, '.profraw-aside-LINK'))
    const aside = setProfilesAside(place, Date.now() - 500)
    expect(aside?.putBack()).toBe('')
    expect(fs.existsSync(stale)).toBe(false)
    expect(fs.readFileSync(path.join(elsewhere, 'keep.txt'), 'utf8')).toBe('not ours')
    expect(listing(place.dir).filter((f) => f.endsWith('.profraw'))).toEqual(['proj-1-11_0.profraw', 'proj-2-22_0.profraw'])
  })

  it('leaves alone a folder aside of a run still going (its pid in the name), removes one whose run ended', () => {
    const place = profilesFolder()
    const live = path.join(place.dir, `.profraw-aside-${process.ppid}-abc`)
    fs.mkdirSync(live)
    fs.writeFileSync(path.join(live, 'other-run.profraw'), 'another run, still reporting')
    const ended = spawnSync(process.execPath, ['-e', '0'])
    const gone = path.join(place.dir, `.profraw-aside-${ended.pid}-def`)
    fs.mkdirSync(gone)
    const aside = setProfilesAside(place, Date.now() - 500)
    expect(listing(place.dir).filter((f) => f.startsWith(`.profraw-aside-${process.pid}-`))).toHaveLength(1)
    expect(aside?.putBack()).toBe('')
    expect(fs.readFileSync(path.join(live, 'other-run.profraw'), 'utf8')).toBe('another run, still reporting')
    expect(fs.existsSync(gone)).toBe(false)
  })
})
