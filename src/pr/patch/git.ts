// Finds what a pull request changes, with git: the base commit (input
// `patch-base`, or the pull request's own base), then `git diff --unified=0`
// from it to HEAD. A shallow checkout (actions/checkout's default depth 1) has
// no parent commit to diff against; one `git fetch --depth=2` of HEAD brings it.
import { execFile } from 'node:child_process'
import * as fs from 'node:fs'
import * as path from 'node:path'
import { firstLine } from '../../model/findings.js'
import { pullRequestOf } from '../../github/event.js'
import { parseUnifiedDiff, type ChangedLines } from './diff.js'
import { PatchUnavailable } from '../../model/errors.js'

export interface PatchSource {
  /** The commit the change is measured from. */
  base: string
  /** How the base was found, for the log and the summary. */
  how: string
  /** Changed lines, keyed by path relative to the workspace. */
  changed: ChangedLines
  /** Workspace-relative path -> path relative to the repository root (where annotations point). */
  repoPath: (workspacePath: string) => string
}

interface GitResult {
  ok: boolean
  stdout: string
  stderr: string
}

function git(cwd: string, args: string[], maxBuffer = 256 * 1024 * 1024): Promise<GitResult> {
  return new Promise((resolve) => {
    execFile(
      'git',
      ['-c', 'core.quotepath=off', ...args],
      { cwd, maxBuffer, encoding: 'utf8', env: { ...process.env, GIT_TERMINAL_PROMPT: '0', LC_ALL: 'C' } },
      (error, stdout, stderr) => resolve({ ok: !error, stdout: String(stdout), stderr: String(stderr ?? (error as Error | null)?.message ?? '') })
    )
  })
}

const firstErrorLine = (r: GitResult): string => firstLine(r.stderr).replace(/^(fatal|error): /, '') || 'git failed'

async function commitExists(cwd: string, rev: string): Promise<boolean> {
  return (await git(cwd, ['rev-parse', '--verify', '--quiet', `${rev}^{commit}`])).ok
}

/** HEAD's parents as git knows them (none in a depth-1 clone). */
async function parentsOfHead(cwd: string): Promise<string[]> {
  const r = await git(cwd, ['rev-list', '--parents', '-n', '1', 'HEAD'])
  return r.ok ? r.stdout.trim().split(/\s+/).slice(1) : []
}

async function isShallow(cwd: string): Promise<boolean> {
  const r = await git(cwd, ['rev-parse', '--is-shallow-repository'])
  return r.ok && r.stdout.trim() === 'true'
}

/** Deepens a shallow clone by one commit below HEAD (the checkout's own credentials are used). */
async function fetchParents(cwd: string, log: (line: string) => void): Promise<boolean> {
  const head = (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim()
  log(`Fetching the parents of ${head.slice(0, 12)} (git fetch --depth=2): the checkout is shallow`)
  const r = await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=2', 'origin', head])
  if (!r.ok) log(`git fetch failed: ${firstErrorLine(r)}`)
  return r.ok
}

/** What the event says of the pull request: its base commit, and its head commit when the payload gives it. */
interface PullRequestCommits {
  base: string
  head: string | null
}

/**
 * The base commit. With `explicit` (input patch-base): the merge base of it
 * and HEAD. On a pull request: HEAD^1 when HEAD is GitHub's merge commit
 * (refs/pull/N/merge, the default checkout), else the merge base of the
 * pull request's base and HEAD (a checkout of the head commit).
 *
 * HEAD is taken for GitHub's merge commit only when the event proves it: HEAD
 * is not the pull request's head commit and its parents are [the base
 * branch's tip, the head commit]. A head commit that is itself a merge (the
 * author's "merge main into feature") has two parents too, and its first
 * parent is the feature branch: diffing from there would measure main's
 * merged-in change instead of the pull request's.
 */
async function findBase(
  cwd: string,
  explicit: string,
  pr: PullRequestCommits | null,
  log: (line: string) => void
): Promise<{ base: string; how: string }> {
  if (explicit === '' && pr === null) throw new PatchUnavailable('not a pull request and no patch-base given')
  let parents = await parentsOfHead(cwd)
  if (parents.length === 0 && (await isShallow(cwd))) {
    await fetchParents(cwd, log)
    parents = await parentsOfHead(cwd)
  }
  if (explicit === '' && pr?.head && parents.length === 2 && parents[1] === pr.head) {
    const head = (await git(cwd, ['rev-parse', 'HEAD'])).stdout.trim()
    if (head !== pr.head) {
      // GitHub's merge commit: its first parent is the base branch the change was merged onto
      // (newer than the event's base when the branch moved on since).
      const first = parents[0] as string
      return { base: first, how: `${first.slice(0, 12)}, the first parent of the pull request's merge commit` }
    }
  }
  const prBase = pr?.base ?? null
  const target = explicit || (prBase as string)
  if (!(await commitExists(cwd, target))) {
    const fetched = await git(cwd, ['fetch', '--no-tags', '--no-recurse-submodules', '--depth=1', 'origin', target])
    if (!fetched.ok || !(await commitExists(cwd, target))) {
      throw new PatchUnavailable(
        `the base ${explicit ? `"${explicit}"` : target.slice(0, 12)} is not in the checkout and could not be fetched; use actions/checkout with fetch-depth: 0`
      )
    }
  }
  const mergeBase = await git(cwd, ['merge-base', target, 'HEAD'])
  if (!mergeBase.ok || mergeBase.stdout.trim() === '') {
    throw new PatchUnavailable(
      `no common history between ${explicit ? `"${explicit}"` : target.slice(0, 12)} and HEAD in the checkout (shallow?); use actions/checkout with fetch-depth: 0`
    )
  }
  const base = mergeBase.stdout.trim()
  return { base, how: `merge base ${base.slice(0, 12)} of ${explicit ? `"${explicit}"` : `the pull request's base ${target.slice(0, 12)}`} and HEAD` }
}

export async function findPatch(workspace: string, explicitBase: string, env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<PatchSource> {
  const top = await git(workspace, ['rev-parse', '--show-toplevel'])
  if (!top.ok) {
    const why = firstErrorLine(top)
    throw new PatchUnavailable(
      /dubious ownership/.test(why)
        ? 'git refuses the workspace (dubious ownership); add `git config --global --add safe.directory "$GITHUB_WORKSPACE"` before this step'
        : `the workspace is not a git checkout (${why})`
    )
  }
  const root = fs.realpathSync(top.stdout.trim())
  const event = pullRequestOf(env)
  const headSha = event?.headSha && /^[0-9a-f]{40,64}$/.test(event.headSha) ? event.headSha : null
  const { base, how } = await findBase(workspace, explicitBase, event ? { base: event.baseSha, head: headSha } : null, log)
  const diff = await git(root, ['diff', '--no-color', '--no-ext-diff', '--no-textconv', '-M', '--unified=0', base, 'HEAD', '--'])
  if (!diff.ok) throw new PatchUnavailable(`git diff ${base.slice(0, 12)} HEAD failed: ${firstErrorLine(diff)}`)
  return { base, how, ...inWorkspace(parseUnifiedDiff(diff.stdout), root, workspace) }
}

/** The repository root: git's top level, or the workspace itself when it is no git checkout (actions/checkout's default layout). */
export async function repositoryRoot(workspace: string): Promise<string> {
  const top = await git(workspace, ['rev-parse', '--show-toplevel'])
  return fs.realpathSync(top.ok ? top.stdout.trim() : workspace)
}

/** Repository-relative changes keyed by workspace-relative paths (those outside the workspace dropped), and the way back. */
export function inWorkspace(byRepoPath: ChangedLines, root: string, workspace: string): Pick<PatchSource, 'changed' | 'repoPath'> {
  const realWorkspace = fs.realpathSync(workspace)
  const changed: ChangedLines = new Map()
  for (const [file, lines] of byRepoPath) {
    const relative = path.relative(realWorkspace, path.join(root, file)).split(path.sep).join('/')
    if (!relative.startsWith('../')) changed.set(relative, lines)
  }
  const toRepo = path.relative(root, realWorkspace).split(path.sep).join('/')
  return { changed, repoPath: (p) => (toRepo ? `${toRepo}/${p}` : p) }
}
