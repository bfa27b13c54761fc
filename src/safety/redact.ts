// Keeps secrets out of everything the action itself writes, logs or uploads
// (log lines, annotations, the job summary, coverage-summary.json, outputs):
// the values of secret-looking variables (ACTIONS_RUNTIME_TOKEN, INPUT_GITHUB-TOKEN,
// DEPLOY_TOKEN, ...), every value registered through registerSecret (which also
// masks it in the runner's log, like core.setSecret), and text that looks like a
// credential whatever its source: `Authorization: ...`, `Bearer xxx`, `token xxx`,
// GitHub token formats, `NAME=value` for secret-looking names, credentials in URLs.
import * as core from '@actions/core'

const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|APIKEY|ACCESS_KEY|CREDENTIALS?|AUTH)$/i
const MASK = '***'

/** Values registered in this process (the github-token input, secrets seen in command inputs). */
const registered = new Set<string>()

function remember(value: string): void {
  for (const part of [value, ...value.split(/\r?\n/)]) {
    const trimmed = part.trim()
    if (trimmed.length >= 4) registered.add(trimmed)
  }
}

/** Masks `value` in the runner's log (core.setSecret) and in everything the action writes. */
export function registerSecret(value: string): void {
  if (value.trim() === '') return
  core.setSecret(value)
  remember(value)
}

// NAME=value / --name=value / --name value for secret-looking names (quoted or not).
const ASSIGNMENT =
  /(\b[\w-]*(?:TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|APIKEY|ACCESS_KEY|CREDENTIALS?)=|--[\w-]*(?:token|password|passwd|secret|api-key|access-key) )("[^"]*"|'[^']*'|[^\s"'&;|]+)/gi

/** Values assigned to secret-looking names in a command line (`env TOKEN=abc cmd`, `--password=abc`); registered too. */
export function registerSecretsIn(commandLine: string): void {
  for (const m of commandLine.matchAll(ASSIGNMENT)) {
    const value = (m[2] ?? '').replace(/^(['"])(.*)\1$/s, '$2')
    if (value.length >= 4) registerSecret(value)
  }
}

/** Text shapes that are credentials wherever they appear. */
const PATTERNS: Array<[RegExp, string]> = [
  // An Authorization header's value: its scheme (if any) and credential, up to a space, quote or comma.
  [/(\b(?:proxy-)?authorization\b["']?\s*[:=]\s*["']?)(?:[A-Za-z]+[ \t]+)?[^\s"',}]+/gi, `$1${MASK}`],
  // Bearer / Basic / token schemes followed by a credential-looking word.
  [/\b(bearer|basic|token)(\s+)(?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}/gi, `$1$2${MASK}`],
  // GitHub token formats (classic, fine-grained, app, OAuth, refresh).
  [/\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,})\b/g, MASK],
  // Credentials in a URL: scheme://user:password@host.
  [/(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@]*:)[^\s/@]+@/gi, `$1${MASK}@`],
  // NAME=value for secret-looking names, --token value.
  [ASSIGNMENT, `$1${MASK}`]
]

function envSecrets(env: NodeJS.ProcessEnv): string[] {
  return Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.trim().length >= 6)
    .map(([, value]) => (value as string).trim())
}

/**
 * A redactor for this environment: secret-looking variables (read now),
 * registered values (read at each call, so later registrations count) and
 * the credential patterns.
 */
export function makeRedactor(env: NodeJS.ProcessEnv = process.env): (text: string) => string {
  const fromEnv = envSecrets(env)
  return (text) => {
    if (typeof text !== 'string' || text === '') return text
    let out = text
    const secrets = [...fromEnv, ...registered].sort((a, b) => b.length - a.length)
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join(MASK)
    for (const [pattern, replacement] of PATTERNS) out = out.replace(pattern, replacement)
    return out
  }
}

let shared: ((text: string) => string) | null = null

/** The process-wide redactor (process.env read once, registered values live). */
export function redact(text: string): string {
  shared ??= makeRedactor(process.env)
  return shared(text)
}

/** A copy of `value` with every string in it (not the keys) redacted: for JSON written or uploaded. */
export function redactDeep<T>(value: T, redactor: (text: string) => string = redact): T {
  if (typeof value === 'string') return redactor(value) as T
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redactor)) as T
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redactor)
    return out as T
  }
  return value
}
