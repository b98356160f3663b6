import { toPlainText } from '../../src/bot/text.js';

/** Each "“quote”" of a line with the ¶N it cites on the same line or the line above. */
export function citedQuotes(description: string): { quote: string; paragraph: number }[] {
  const out: { quote: string; paragraph: number }[] = [];
  let last = 0;
  for (const line of toPlainText(description).split('\n')) {
    const cited = /¶(\d+)/.exec(line);
    if (cited) last = Number(cited[1]);
    for (const match of line.matchAll(/“(.+?)”(?=$|;|\s*$)/g))
      out.push({ quote: match[1]!, paragraph: last });
  }
  return out;
}
