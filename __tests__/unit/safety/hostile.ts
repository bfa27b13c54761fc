// One hostile string per class, as a report path, a command or a message would carry it.
export const HOSTILE: Record<string, string> = {
  link: '[tracker](https://evil.example/x)',
  image: '![x](https://evil.example/p.png)',
  reflink: '[x][1]\n\n[1]: https://evil.example',
  mention: 'cc @alice please',
  team: '@org/security-team cc @alice',
  issue: 'fixes #123 and GH-1 and owner/repo#1',
  sha: 'see a5c3785ed8d6a35868bc169f07e40e889087fd2e',
  url: 'go to https://evil.example/login now',
  www: 'visit www.evil.example today',
  email: 'mail bob@evil.example',
  autolinkAngle: '<https://evil.example>',
  html: '<img src=x onerror=alert(1)><a href="https://evil.example">x</a><script>alert(1)</script>',
  details: '</details></summary><details open><summary>pwned',
  pipe: 'a | b | c',
  cr: 'src/a.rs\r| x | y |\r[z](https://evil.example)',
  lf: 'src/a.rs\n\n# Heading\n\n[z](https://evil.example)',
  bidi: 'src/\u202Egnp.sr\u202C and \u2066isolate\u2069 \u202A\u202B\u202D',
  zeroWidth: 'adm\u200Bin\u200C\u200D\u2060\uFEFF',
  backticks: '`code` ``x`` ```',
  emphasis: '*bold* **b** _it_ __u__ ~~s~~ ***x***',
  emoji: ':smile: :+1:',
  math: '$\\href{https://evil.example}{x}$',
  entity: '&lt;img src=x&gt; &#64;alice &amp;',
  backslash: '\\[x\\](https://evil.example)',
  listStart: '- [x] done',
  ordered: '1. one',
  heading: '# top',
  quote: '> quoted',
  control: 'ESC\x1b[31mred\x1b[0m BEL\x07 NUL\x00 DEL\x7f C1\x9b',
  lineSep: 'a\u2028b\u2029c'
}

/** The names of the HTML tags in `html` (open and close), lower-cased. */
export function tags(html: string): string[] {
  return [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)/g)].map((m) => m[1].toLowerCase())
}
