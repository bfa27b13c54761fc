// git for tests that build a repository of their own: a fixed author and no
// global configuration of the machine, so commits and diffs are the same everywhere.
import { execFileSync } from 'node:child_process'

const gitEnv = {
  ...process.env,
  GIT_AUTHOR_NAME: 't',
  GIT_AUTHOR_EMAIL: 't@e',
  GIT_COMMITTER_NAME: 't',
  GIT_COMMITTER_EMAIL: 't@e',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

/** Runs git in cwd (default branch main, file:// remotes allowed); its output, trimmed. */
export const git = (cwd: string, ...args: string[]): string =>
  execFileSync('git', ['-c', 'init.defaultBranch=main', '-c', 'protocol.file.allow=always', ...args], { cwd, env: gitEnv, encoding: 'utf8' }).trim()
