// The changed lines of a pull request from the REST API (pulls/{n}/files), for
// when git cannot give them (a checkout without the base commit and no way to
// fetch it). Each file's `patch` is the unified diff against the merge base;
// GitHub leaves it out for binary and very large diffs, and lists at most
// 3,000 files: those are counted, not guessed. Pages follow the Link header.
import type { GitHubApi } from '../../github/api.js'
import { parseUnifiedDiff, type ChangedLines } from './diff.js'

interface PullFile {
  filename: string
  status: string
  patch?: string
}

export interface ApiChanges {
  /** Repository-relative path -> changed lines. */
  changed: ChangedLines
  /** Files GitHub gave no patch for (binary, or a diff too large to show). */
  withoutPatch: number
}

const PER_PAGE = 100
const MAX_PAGES = 30

export async function changedLinesFromApi(api: GitHubApi, repository: string, pull: number): Promise<ApiChanges> {
  const changed: ChangedLines = new Map()
  let withoutPatch = 0
  for await (const files of api.pages<PullFile>(`/repos/${repository}/pulls/${pull}/files?per_page=${PER_PAGE}&page=1`, MAX_PAGES)) {
    for (const file of files) {
      if (file?.status === 'removed') continue
      if (typeof file?.filename !== 'string' || typeof file.patch !== 'string') {
        withoutPatch++
        continue
      }
      const lines = parseUnifiedDiff(`+++ b/${file.filename}\n${file.patch}`).get(file.filename)
      if (lines) changed.set(file.filename, lines)
    }
  }
  return { changed, withoutPatch }
}
