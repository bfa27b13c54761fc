// The job summary as terminal text, for a run outside GitHub Actions: the
// markdown stays (tables read well as they are), the HTML the step summary
// needs (<details>, <code>, <sub>, entities) becomes plain text. Pure.

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#124;': '|' }

export function summaryForTerminal(markdown: string): string {
  return markdown
    .replace(/<details><summary>(.*?)<\/summary>/g, '$1:')
    .replace(/<\/details>\n?/g, '')
    .replace(/<\/?sub>/g, '')
    .replace(/<code>(.*?)<\/code>/g, '$1')
    .replace(/<br>/g, '; ')
    .replace(/\\([\\`*_[\]])/g, '$1')
    .replace(/&(amp|lt|gt|quot|#124);/g, (e) => ENTITIES[e] ?? e)
    .replace(/\n{3,}/g, '\n\n')
}
