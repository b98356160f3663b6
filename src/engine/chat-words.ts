/**
 * Chat spellings of the question word a question opens with ("wen did australia ban huawei", "y did
 * italy agree"): read as the word, so the question is read for what it asks ("when": a time) and the
 * spelling is not taken for a word of its own ("wen" is also a noun, a cyst). Shared by the engine's
 * reading of a message and the facts matcher, so both read "wat did italy decide" alike.
 */
const CHAT_QUESTION_WORDS: Readonly<Record<string, string>> = {
  wen: 'when',
  wat: 'what',
  wut: 'what',
  wht: 'what',
  hw: 'how',
  y: 'why',
  wy: 'why',
  wher: 'where',
  wich: 'which',
};

/** The question with its opening chat spelling replaced by the question word. */
export function respellQuestionWord(question: string): string {
  return question.replace(/^([a-z]+)(?=\s)/u, (word) => CHAT_QUESTION_WORDS[word] ?? word);
}
