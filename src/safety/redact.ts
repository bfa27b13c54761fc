// Keeps secrets out of what the action itself writes (warnings, summary):
// the runtime token and the values of secret-looking variables are masked the
// way the runner masks registered secrets in the log.
const SECRET_NAME = /(TOKEN|SECRET|PASSWORD|PASSWD|PRIVATE_KEY|API_KEY|ACCESS_KEY|CREDENTIALS?)$/i

export function makeRedactor(env: NodeJS.ProcessEnv = process.env): (text: string) => string {
  const secrets = Object.entries(env)
    .filter(([name, value]) => SECRET_NAME.test(name) && typeof value === 'string' && value.length >= 6)
    .map(([, value]) => value as string)
    .sort((a, b) => b.length - a.length)
  return (text) => {
    let out = text
    for (const secret of secrets) if (out.includes(secret)) out = out.split(secret).join('***')
    return out
  }
}
