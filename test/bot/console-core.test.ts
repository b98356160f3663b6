import { describe, expect, it } from 'vitest';
import { loadCommands } from '../../src/bot/commands.js';
import { markdownToText, parseConsoleLine, renderReplyAsText } from '../../src/bot/console-core.js';
import { answerReply, noMatchReply } from '../../src/bot/answer-reply.js';
import { COMMANDS_DIR } from '../../src/bot/startup.js';
import { P1, P2, cited, hit } from './fixtures.js';

const commands = await loadCommands(COMMANDS_DIR);

const parsed = (line: string) => {
  const input = parseConsoleLine(line, commands);
  if (input.kind !== 'command') return input;
  return { kind: input.kind, name: input.command.data.name, ...input.request };
};

describe('console line parsing', () => {
  it('reads named options, as typed in Discord', () => {
    expect(parsed('/ask question: why did italy say yes')).toEqual({
      kind: 'command',
      name: 'ask',
      options: { question: 'why did italy say yes' },
      userId: 'console',
    });
    expect(parsed('/ask question: is it safe? private: true')).toMatchObject({
      options: { question: 'is it safe?', private: true },
    });
  });

  it('gives bare text to the first string option, and plain lines to /ask', () => {
    expect(parsed('/ask why did italy say yes')).toMatchObject({
      name: 'ask',
      options: { question: 'why did italy say yes' },
    });
    expect(parsed('why did italy say yes private: yes')).toMatchObject({
      name: 'ask',
      options: { question: 'why did italy say yes', private: true },
    });
  });

  it('prefers the longest command name, so the context menu is reachable', () => {
    expect(parsed('/Ask the article Is Italy letting Vodafone use Huawei?')).toEqual({
      kind: 'command',
      name: 'Ask the article',
      options: {},
      userId: 'console',
      target: { content: 'Is Italy letting Vodafone use Huawei?', url: 'console://message' },
    });
  });

  it('explains mistakes instead of guessing', () => {
    expect(parseConsoleLine('/ask private: true', commands)).toEqual({
      kind: 'error',
      message: '/ask needs question: e.g. /ask question: …',
    });
    expect(parseConsoleLine('/ask question: x private: maybe', commands)).toEqual({
      kind: 'error',
      message: 'private must be true or false, got "maybe"',
    });
    expect(parseConsoleLine('/nope', commands)).toMatchObject({
      kind: 'error',
      message: expect.stringMatching(/^Unknown command "\/nope"/),
    });
  });

  it('recognises autocomplete, buttons and quitting', () => {
    expect(parseConsoleLine('?quote vodafone', commands)).toMatchObject({
      kind: 'autocomplete',
      option: 'passage',
      typed: 'vodafone',
    });
    expect(parseConsoleLine('2', commands)).toEqual({ kind: 'button', index: 2 });
    expect(parseConsoleLine('quit', commands)).toEqual({ kind: 'quit' });
    expect(parseConsoleLine('   ', commands)).toEqual({ kind: 'empty' });
  });
});

describe('rendering replies as text', () => {
  it('shows what Discord would: title, verbatim excerpt, citation, buttons', () => {
    const reply = answerReply({
      question: 'When?',
      hits: [cited(hit(P1, ['approved'])), cited(hit(P2))],
      key: 'k',
      ephemeral: true,
    });
    expect(renderReplyAsText(reply)).toBe(
      [
        '(only you can see this)',
        '┃ When?',
        `┃ ${P1.text}`,
        '┃ ',
        '┃ Source',
        '┃ A sample article, ¶1 · Sample Times',
        '┃ ',
        '┃ See also · ¶2',
        `┃ ${P2.text}`,
        '┃ ',
        '┃ Verbatim excerpts; ¶ numbers count the article’s body paragraphs from 1.',
        '[1] More passages (none)  [2] Share  [3] Helpful  [4] Not helpful',
      ].join('\n'),
    );
  });

  it('renders bold as ANSI when asked, links as text <url>, and unescapes', () => {
    expect(markdownToText('**bold** \\*star\\* [A, ¶1](https://x.test/a#:~:text=b)', { ansi: true })).toBe(
      '\u001b[1mbold\u001b[22m *star* A, ¶1 <https://x.test/a#:~:text=b>',
    );
    expect(renderReplyAsText(noMatchReply('@everyone hi', []))).toBe(
      "(only you can see this)\nThe article doesn't cover that: nothing in it answers “@everyone hi”.",
    );
  });
});
