/**
 * Phrases whose words say nothing on their own (say, yes, no, turn and down are stop words or
 * everyday words) but that mean one thing: "said no to" rejected, "say yes to" approve, "turned
 * Huawei down" rejected Huawei. The facts matcher reads a question through them, so "which countries
 * said no to Huawei" asks for the decisions against it. (Read by the engine too, they change no first
 * reply on any set: the engine meets these questions through their other words, so only the facts
 * matcher reads them.)
 */
const IDIOMS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(?:said|says|saying)\s+no\s+to\b/giu, 'rejected'],
  [/\bsay\s+no\s+to\b/giu, 'reject'],
  [/\b(?:said|says|saying)\s+yes\s+to\b/giu, 'approved'],
  [/\bsay\s+yes\s+to\b/giu, 'approve'],
  [/\bturn(?:ed|s|ing)?\s+(?:([\p{L}\p{N}'’-]+)\s+)?down\b/giu, 'rejected $1'],
];

/** The question with each idiom replaced by the word it means. */
export function readIdioms(text: string): string {
  let out = text;
  for (const [idiom, meaning] of IDIOMS) out = out.replace(idiom, meaning);
  return out;
}
