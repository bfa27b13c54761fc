// Patch coverage on real git output: a temporary repository with the changes
// pull requests make (lines added and changed, a deleted file, a rename with an
// edit, a path git quotes, a binary file, a missing final newline), diffed by
// git itself; then the base finding on shallow clones, as actions/checkout makes them.
import { execFileSync } from 'node:child_process'
import * as fs from 'node:fs'
import * as os from 'node:os'
import * as path from 'node:path'
import { parseUnifiedDiff, toRanges, unquoteGitPath } from '../../../src/pr/patch/diff.js'
import { findPatch } from '../../../src/pr/patch/git.js'
import { lineAnnotations } from '../../../src/pr/patch/measure.js'
import { patchCoverage } from '../../../src/pr/patch/patch-coverage.js'
import { parseLcovBuffer } from '../../../src/reports/lcov.js'
import { PatchUnavailable } from '../../../src/model/errors.js'
import { git } from '../../../test-support/git.js'

const lines = (n: number, prefix = 'line'): string => Array.from({ length: n }, (_, i) => `${prefix} ${i + 1}\n`).join('')

function write(dir: string, file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
  fs.writeFileSync(path.join(dir, file), content)
}

/** A repository with a base commit and a change on top; returns its path and both commits. */
function makeRepo(): { dir: string; base: string; head: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-patch-'))
  git(dir, 'init', '-q')
  write(dir, 'src/lib.rs', lines(30))
  write(dir, 'src/gone.rs', lines(5))
  write(dir, 'python/pkg/old_name.py', lines(40, 'py'))
  write(dir, 'data/blob.bin', Buffer.from([0, 1, 2, 3]))
  write(dir, 'src/tail.rs', 'a\nb')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'base')
  const base = git(dir, 'rev-parse', 'HEAD')
  // lib.rs: line 3 changed, 2 lines added after 10 (new 11-12), line 20 deleted.
  const lib = lines(30).split('\n')
  lib[2] = 'changed 3'
  lib.splice(10, 0, 'added a', 'added b')
  lib.splice(21, 1)
  write(dir, 'src/lib.rs', lib.join('\n'))
  fs.rmSync(path.join(dir, 'src/gone.rs'))
  git(dir, 'mv', 'python/pkg/old_name.py', 'python/pkg/new_name.py')
  const py = lines(40, 'py').split('\n')
  py[34] = 'edited 35'
  write(dir, 'python/pkg/new_name.py', py.join('\n'))
  write(dir, 'python/pkg/tést ünïcode.py', 'x = 1\ny = 2\n')
  write(dir, 'data/blob.bin', Buffer.from([0, 9, 9, 9, 9]))
  write(dir, 'src/tail.rs', 'a\nb\nc')
  git(dir, 'add', '-A')
  git(dir, 'commit', '-q', '-m', 'change')
  return { dir, base, head: git(dir, 'rev-parse', 'HEAD') }
}

const repo = makeRepo()

describe('parseUnifiedDiff on git diff --unified=0 -M output', () => {
  const quoted = execFileSync('git', ['diff', '--no-color', '-M', '--unified=0', repo.base, 'HEAD'], { cwd: repo.dir, encoding: 'utf8' })
  const plain = execFileSync('git', ['-c', 'core.quotepath=off', 'diff', '--no-color', '-M', '--unified=0', repo.base, 'HEAD'], {
    cwd: repo.dir,
    encoding: 'utf8'
  })

  it.each([
    ['quoted paths (git default)', quoted],
    ['core.quotepath=off', plain]
  ])('finds each changed line on the new side (%s)', (_name, text) => {
    expect(text.includes('"b/python/pkg/t\\303\\251st')).toBe(_name.startsWith('quoted'))
    const changed = parseUnifiedDiff(text)
    expect(Object.fromEntries(changed)).toEqual({
      'src/lib.rs': [3, 11, 12],
      'python/pkg/new_name.py': [35],
      'python/pkg/tést ünïcode.py': [1, 2],
      // 'b' lost its missing final newline (a changed line) and 'c' was added.
      'src/tail.rs': [2, 3]
    })
  })

  it('unquotes C-style quoted paths and folds ranges', () => {
    expect(unquoteGitPath('"a/t\\303\\251st \\"q\\".rs"')).toBe('a/tést "q".rs')
    expect(unquoteGitPath('plain/path.rs')).toBe('plain/path.rs')
    expect(toRanges([1, 2, 3, 7, 9, 10])).toEqual([
      [1, 3],
      [7, 7],
      [9, 10]
    ])
  })
})

describe('patchCoverage', () => {
  it('counts instrumented changed lines only, least covered file first', () => {
    const report = parseLcovBuffer(
      Buffer.from(
        [
          'SF:src/lib.rs',
          'DA:3,1',
          'DA:11,0',
          'DA:12,0',
          'DA:13,4',
          'end_of_record',
          'SF:src/tail.rs',
          'DA:2,5',
          'DA:3,1',
          'end_of_record',
          'SF:src/other.rs',
          'DA:1,0',
          'end_of_record',
          ''
        ].join('\n')
      ),
      'rust.lcov'
    )
    const changed = new Map([
      ['src/lib.rs', [1, 3, 11, 12]],
      ['src/tail.rs', [2, 3]],
      ['README.md', [1]]
    ])
    const patch = patchCoverage(report, changed)
    expect(patch).toEqual({
      covered: 3,
      total: 5,
      percent: 60,
      files: [
        { path: 'src/lib.rs', total: 3, covered: 1, uncovered: [[11, 12]] },
        { path: 'src/tail.rs', total: 2, covered: 2, uncovered: [] }
      ]
    })
    const notes = lineAnnotations([{ label: 'Rust', patch }], (p) => `crate/${p}`)
    expect(notes).toEqual({
      annotations: [
        {
          file: 'crate/src/lib.rs',
          startLine: 11,
          endLine: 12,
          message: 'Lines 11–12 are changed by this pull request and not run by the Rust tests.'
        }
      ],
      leftOut: 0
    })
  })

  it('keeps annotations within the cap and counts the rest', () => {
    const uncovered = Array.from({ length: 12 }, (_, i): [number, number] => [i * 3 + 1, i * 3 + 1])
    const patch = { covered: 0, total: 12, percent: 0, files: [{ path: 'a.py', total: 12, covered: 0, uncovered }] }
    const { annotations, leftOut } = lineAnnotations([{ label: 'Python', patch }], (p) => p)
    expect(annotations).toHaveLength(7)
    expect(annotations[0]?.message).toBe('Line 1 is changed by this pull request and not run by the Python tests.')
    expect(leftOut).toBe(5)
  })
})

describe('findPatch: the base of a pull request in the checkouts actions/checkout makes', () => {
  // origin: main = base; the pull request's head on top; GitHub's merge commit (parents: main tip, head).
  const origin = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-origin-'))
  git(origin, 'init', '-q', '--bare')
  git(repo.dir, 'push', '-q', origin, `${repo.base}:refs/heads/main`, `${repo.head}:refs/heads/feature`)
  // The base branch moves on after the pull request was opened (an unrelated file).
  const mover = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-mover-'))
  git(mover, 'clone', '-q', origin, '.')
  write(mover, 'docs/later.md', 'later\n')
  git(mover, 'add', '-A')
  git(mover, 'commit', '-q', '-m', 'later on main')
  git(mover, 'push', '-q', 'origin', 'HEAD:main')
  const mainTip = git(mover, 'rev-parse', 'HEAD')
  git(mover, 'merge', '-q', '--no-ff', '-m', 'Merge feature into main', 'origin/feature')
  const merge = git(mover, 'rev-parse', 'HEAD')
  git(mover, 'push', '-q', 'origin', `${merge}:refs/pull/1/merge`)
  git(mover, 'checkout', '-q', '--orphan', 'unrelated')
  git(mover, 'commit', '-q', '-m', 'unrelated history')
  const orphan = git(mover, 'rev-parse', 'HEAD')
  git(mover, 'push', '-q', 'origin', 'unrelated')

  const event = path.join(origin, 'event.json')
  fs.writeFileSync(event, JSON.stringify({ pull_request: { number: 1, base: { sha: repo.base, ref: 'main' }, head: { sha: repo.head } } }))
  const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }

  /** Like actions/checkout: init, fetch one ref at a depth, check it out. */
  function checkout(ref: string, depth: number | null): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-checkout-'))
    git(dir, 'init', '-q')
    git(dir, 'remote', 'add', 'origin', `file://${origin}`)
    git(dir, 'fetch', '-q', '--no-tags', ...(depth ? [`--depth=${depth}`] : []), 'origin', `+${ref}:refs/remotes/pr`)
    git(dir, 'checkout', '-q', 'refs/remotes/pr')
    return dir
  }
  const log: string[] = []
  const expected = { 'src/lib.rs': [3, 11, 12], 'python/pkg/new_name.py': [35], 'python/pkg/tést ünïcode.py': [1, 2], 'src/tail.rs': [2, 3] }

  it('depth 1 merge commit: fetches its parents and diffs against the first (the moved base branch)', async () => {
    const dir = checkout('refs/pull/1/merge', 1)
    expect(git(dir, 'rev-list', '--count', 'HEAD')).toBe('1')
    const patch = await findPatch(dir, '', env, (l) => log.push(l))
    expect(patch.base).toBe(mainTip)
    expect(patch.how).toContain("first parent of the pull request's merge commit")
    expect(log.join('\n')).toContain('git fetch --depth=2')
    expect(Object.fromEntries(patch.changed)).toEqual(expected)
  })

  it('full checkout of the head commit: the merge base with the pull request base', async () => {
    const dir = checkout('refs/heads/feature', null)
    const patch = await findPatch(dir, '', env, () => undefined)
    expect(patch.base).toBe(repo.base)
    expect(Object.fromEntries(patch.changed)).toEqual(expected)
  })

  it('a workspace below the repository root: paths relative to the workspace, annotations to the root', async () => {
    const dir = checkout('refs/pull/1/merge', null)
    const patch = await findPatch(path.join(dir, 'python'), '', env, () => undefined)
    expect(Object.fromEntries(patch.changed)).toEqual({ 'pkg/new_name.py': [35], 'pkg/tést ünïcode.py': [1, 2] })
    expect(patch.repoPath('pkg/new_name.py')).toBe('python/pkg/new_name.py')
  })

  it('patch-base outside a pull request; unreachable bases give one line with the fix', async () => {
    const dir = checkout('refs/heads/feature', null)
    const patch = await findPatch(dir, 'HEAD~1', {}, () => undefined)
    expect(patch.base).toBe(repo.base)
    await expect(findPatch(dir, '', {}, () => undefined)).rejects.toThrow(new PatchUnavailable('not a pull request and no patch-base given'))
    // A depth-1 checkout of the head: one fetch of its parents reaches the base here (a one-commit change).
    const shallowHead = checkout('refs/heads/feature', 1)
    expect((await findPatch(shallowHead, '', env, () => undefined)).base).toBe(repo.base)
    await expect(findPatch(dir, orphan, {}, () => undefined)).rejects.toThrow(
      `no common history between "${orphan}" and HEAD in the checkout (shallow?); use actions/checkout with fetch-depth: 0`
    )
    await expect(findPatch(dir, 'no-such-branch', {}, () => undefined)).rejects.toThrow(
      'the base "no-such-branch" is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0'
    )
    await expect(findPatch(os.tmpdir(), 'main', {}, () => undefined)).rejects.toThrow(/^the workspace is not a git checkout/)
  })
})

describe("findPatch: the author's own merge commit is never taken for GitHub's", () => {
  // feature = the change (repo.head); main moves on (a Rust file changed there); the author merges main into
  // feature (a two-parent head commit, first parent the feature branch); GitHub's merge commit is on top.
  const origin = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-origin-'))
  git(origin, 'init', '-q', '--bare')
  git(repo.dir, 'push', '-q', origin, `${repo.base}:refs/heads/main`, `${repo.head}:refs/heads/feature`)
  const author = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-author-'))
  git(author, 'clone', '-q', origin, '.')
  write(author, 'src/main_only.rs', lines(12))
  git(author, 'add', '-A')
  git(author, 'commit', '-q', '-m', 'meanwhile on main')
  git(author, 'push', '-q', 'origin', 'HEAD:main')
  const mainTip = git(author, 'rev-parse', 'HEAD')
  git(author, 'checkout', '-q', '-b', 'feature', 'origin/feature')
  git(author, 'merge', '-q', '--no-ff', '-m', 'Merge main into feature', 'main')
  const authorMerge = git(author, 'rev-parse', 'HEAD')
  if (git(author, 'rev-list', '--parents', '-n', '1', 'HEAD') !== `${authorMerge} ${repo.head} ${mainTip}`)
    throw new Error('the author merge is not [feature, main]')
  git(author, 'push', '-q', 'origin', 'HEAD:feature')
  // GitHub's test merge of the pull request: parents [main tip, head].
  git(author, 'checkout', '-q', mainTip)
  git(author, 'merge', '-q', '--no-ff', '-m', 'Merge authorMerge into main', authorMerge)
  const githubMerge = git(author, 'rev-parse', 'HEAD')
  git(author, 'push', '-q', 'origin', `${githubMerge}:refs/pull/2/merge`)

  const event = path.join(origin, 'event.json')
  fs.writeFileSync(event, JSON.stringify({ pull_request: { number: 2, base: { sha: mainTip, ref: 'main' }, head: { sha: authorMerge } } }))
  const env = { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: event }
  const checkout = (ref: string, depth: number | null): string => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rpc-checkout-'))
    git(dir, 'init', '-q')
    git(dir, 'remote', 'add', 'origin', `file://${origin}`)
    git(dir, 'fetch', '-q', '--no-tags', ...(depth ? [`--depth=${depth}`] : []), 'origin', `+${ref}:refs/remotes/pr`)
    git(dir, 'checkout', '-q', 'refs/remotes/pr')
    return dir
  }
  // The pull request's own lines; main's src/main_only.rs is not among them.
  const expected = { 'src/lib.rs': [3, 11, 12], 'python/pkg/new_name.py': [35], 'python/pkg/tést ünïcode.py': [1, 2], 'src/tail.rs': [2, 3] }

  it.each([
    ['full', null],
    ['depth-1', 1]
  ])('a %s checkout of a head that merged main in: the merge base with the base, not the head first parent', async (_what, depth) => {
    const dir = checkout('refs/heads/feature', depth)
    expect(git(dir, 'rev-parse', 'HEAD')).toBe(authorMerge)
    const patch = await findPatch(dir, '', env, () => undefined)
    expect(patch.base).toBe(mainTip)
    expect(patch.how).toContain('merge base')
    expect(Object.fromEntries(patch.changed)).toEqual(expected)
  })

  it("GitHub's merge commit of that head (parents [main tip, head.sha]) still diffs from its first parent", async () => {
    const dir = checkout('refs/pull/2/merge', 1)
    const patch = await findPatch(dir, '', env, () => undefined)
    expect(patch.base).toBe(mainTip)
    expect(patch.how).toContain("first parent of the pull request's merge commit")
    expect(Object.fromEntries(patch.changed)).toEqual(expected)
  })

  it('a two-parent HEAD whose second parent is not the event head is not taken for the merge commit', async () => {
    const dir = checkout('refs/heads/feature', null)
    const other = path.join(origin, 'event-other.json')
    fs.writeFileSync(other, JSON.stringify({ pull_request: { number: 2, base: { sha: mainTip, ref: 'main' }, head: { sha: 'f'.repeat(40) } } }))
    const patch = await findPatch(dir, '', { ...env, GITHUB_EVENT_PATH: other }, () => undefined)
    expect(patch.base).toBe(mainTip)
    expect(Object.fromEntries(patch.changed)).toEqual(expected)
  })
})
