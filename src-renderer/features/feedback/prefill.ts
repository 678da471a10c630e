/**
 * One "• " line per point across the evaluations' tops (or tips), in the evaluations' order.
 * Coaches often write their own bullets or dashes; those are normalised, and a point made in two
 * calls is listed once.
 */
export function summaryOf(texts: readonly string[]): string {
  const lines = texts
    .flatMap((text) => text.split(/\r?\n/))
    .map((line) => line.replace(/^\s*(?:[•*\-–]|\d+[.)])\s*/, '').trim())
    .filter((line) => line !== '');
  return [...new Set(lines)].map((line) => `• ${line}`).join('\n');
}
