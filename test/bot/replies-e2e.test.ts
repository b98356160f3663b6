/**
 * Issue 10's replies through the real discord.js Client against the local fake Discord: /quote by
 * number, paging /arguments and /decisions, no repeated sentence, chat messages, question suggestions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentenceSpans } from '../../src/bot/shown.js';
import { toPlainText } from '../../src/bot/text.js';
import type { CallbackData } from '../fake-discord/server.js';
import {
  isEphemeral,
  autocomplete,
  botMessage,
  buttonClick,
  messageContextMenu,
  slashCommand,
  userMessage,
} from '../fake-discord/interactions.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { expectCallbackWithinLimits, expectWellFormedMessage } from './limits-check.js';

const AUTOCOMPLETE_RESULT = 8;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function command(name: string, options: Record<string, string> = {}): Promise<CallbackData> {
  return expectWellFormedMessage(await h.fake.interact(slashCommand(h.fake, name, options)));
}

async function choices(name: string, option: string, value: string) {
  const callback = await h.fake.interact(autocomplete(h.fake, name, { name: option, value }));
  expect(callback.body.type).toBe(AUTOCOMPLETE_RESULT);
  return callback.body.data!.choices!;
}

const paragraph = (n: number) =>
  h.library.corpus.articles[0]!.passages.find((p) => p.kind === 'paragraph' && p.paragraph === n)!;

describe('/quote by number', () => {
  it.each(['12', '¶12', 'p12', 'para 12', 'paragraph 12'])('%s quotes ¶12 whole', async (typed) => {
    const d = await command('quote', { passage: typed });
    expect(d.embeds![0]!.title).toBe('¶12');
    expect(toPlainText(d.embeds![0]!.description!)).toBe(paragraph(12).text);
  });

  it('¶20 quotes ¶20 (not the passage whose words look like "20")', async () => {
    const d = await command('quote', { passage: '¶20' });
    expect(d.embeds![0]!.title).toBe('¶20');
    expect(toPlainText(d.embeds![0]!.description!)).toBe(paragraph(20).text);
  });

  it('caption quotes the photo caption, labelled as one', async () => {
    const caption = h.library.corpus.articles[0]!.passages.find((p) => p.kind === 'caption')!;
    const d = await command('quote', { passage: 'caption' });
    expect(d.embeds![0]!.title).toBe(`caption after ¶${caption.paragraph}`);
    expect(toPlainText(d.embeds![0]!.description!)).toBe(caption.text);
  });

  it('a number past the last paragraph says which numbers exist', async () => {
    const last = h.library.corpus.articles[0]!.passages.filter((p) => p.kind === 'paragraph').length;
    const d = await command('quote', { passage: '¶99' });
    expect(isEphemeral(d)).toBe(true);
    expect(d.content).toBe(
      `The article has no passage “¶99”: its paragraphs are ¶1–¶${last} and it has 1 caption (\`/quote passage: caption\`). Type a number such as \`/quote passage: 7\`, or words from the paragraph.`,
    );
  });

  it('autocomplete understands numbers: "12" lists ¶12 first, "¶1" lists ¶1 and ¶10–¶19, "caption" the caption', async () => {
    expect((await choices('quote', 'passage', '12'))[0]!.name).toMatch(/^¶12 /);
    expect((await choices('quote', 'passage', 'p12'))[0]!.value).toBe(paragraph(12).id);
    const ones = (await choices('quote', 'passage', '¶1')).map((c) => c.name.split(' ')[0]);
    expect(ones).toEqual(['¶1', '¶10', '¶11', '¶12', '¶13', '¶14', '¶15', '¶16', '¶17', '¶18', '¶19']);
    expect((await choices('quote', 'passage', 'caption'))[0]!.name).toMatch(/^caption after ¶\d+ /);
  });
});

describe('"Ask the article" on chat messages', () => {
  // A stub engine over the real data: it records what it was given and, like the engine's chat-message
  // reading, answers a long message from its question and says what it read (SearchResult.asked).
  const QUESTION = 'Why did Australia ban Huawei?';
  const NO_FIGURE =
    'The article gives no such figure: the passages on this subject state no number, amount, share or price for it.';
  const received: string[] = [];
  let s: Harness;
  beforeAll(async () => {
    s = await startHarness({
      library: (real) => ({
        ...real,
        engine: {
          ...real.engine,
          search(question, options) {
            received.push(question);
            if (question.includes('how much')) {
              return { kind: 'no-match', query: question, reason: NO_FIGURE, suggestions: [QUESTION] };
            }
            const result = real.engine.search(QUESTION, options);
            return question === QUESTION ? result : { ...result, query: question, asked: QUESTION };
          },
        },
      }),
    });
  });
  afterAll(async () => {
    await s?.stop();
  });

  async function askMessage(content: string): Promise<CallbackData> {
    const target = userMessage(s.fake, content);
    return expectWellFormedMessage(
      await s.fake.interact(messageContextMenu(s.fake, 'Ask the article', target)),
    );
  }

  it('a 330-character message with a link is answered, not refused, and the reply says what was read', async () => {
    const message =
      `Hey all, I read https://example.com/huawei-5g this morning and I keep thinking about it, since our team is planning a network roll-out and legal asked me to check the background. ${QUESTION} I could not find it in the thread and would love a pointer from someone who followed it.`.padEnd(
        330,
        '!',
      );
    expect(message.length).toBe(330);
    const d = await askMessage(message);
    expect(received.at(-1)).toBe(message); // the whole message reached the engine
    expect(d.embeds!.length).toBeGreaterThan(0);
    const fields = d.embeds!.flatMap((e) => e.fields ?? []);
    const readAs = fields.find((f) => f.name === 'Read as');
    expect(readAs?.value).toBe(`“${QUESTION}” (your message, shortened to its question)`);
    expect(fields.some((f) => f.name === 'Source')).toBe(true);
  });

  it('a message read as typed gets no "Read as" note', async () => {
    const d = await askMessage(QUESTION);
    expect(d.embeds!.flatMap((e) => e.fields ?? []).some((f) => f.name === 'Read as')).toBe(false);
  });

  it('a message past Discord’s maximum reaches the engine capped, never refused', async () => {
    const message = `${QUESTION} ${'and more words '.repeat(400)}`;
    const d = await askMessage(message);
    expect(received.at(-1)!.length).toBeLessThanOrEqual(4000);
    expect(message.startsWith(received.at(-1)!)).toBe(true);
    expect(d.embeds!.length).toBeGreaterThan(0);
  });

  it('a no-match with a reason shows the reason instead of the generic sentence', async () => {
    const d = await askMessage('how much did Huawei pay for the licence');
    expect(isEphemeral(d)).toBe(true);
    expect(d.content!.split('\n')[0]).toBe(NO_FIGURE);
    expect(d.content).not.toContain("The article doesn't cover that");
    expect(d.content).toContain(`• ${QUESTION}`);
  });
});

describe('no sentence twice in one reply', () => {
  const plain = (d: CallbackData) =>
    toPlainText(
      [
        d.content ?? '',
        ...(d.embeds ?? []).flatMap((e) => [
          e.description ?? '',
          ...(e.fields ?? []).flatMap((f) => [f.value]),
        ]),
      ].join('\n'),
    );
  const sentences = () =>
    h.library.corpus.articles.flatMap((article) =>
      article.passages.flatMap((p) =>
        sentenceSpans(p)
          .map((s) => p.text.slice(s.start, s.end))
          .filter((s) => s.length >= 25),
      ),
    );
  const occurrences = (text: string, piece: string) => text.split(piece).length - 1;

  // The examples, then every example question of the article.
  const questions = () => [
    'Why did Australia ban Huawei?',
    'Is Italy letting Vodafone use Huawei?',
    'Which countries decided against Huawei?',
    ...h.library.corpus.articles.flatMap((article) => article.questions),
  ];

  it('/ask: facts, the excerpt and "See also" never show the same sentence twice', async () => {
    for (const question of questions()) {
      const text = plain(await command('ask', { question }));
      for (const sentence of sentences()) {
        expect(occurrences(text, sentence), `${question}: ${sentence}`).toBeLessThanOrEqual(1);
      }
    }
  });

  it('Italy: the fact quote that covers the excerpt replaces it; Australia: each ¶17 sentence once', async () => {
    const italy = await command('ask', { question: 'Is Italy letting Vodafone use Huawei?' });
    const quote = h.library.facts.decisions.find((x) => x.country === 'Italy')!.quote;
    expect(occurrences(plain(italy), quote)).toBe(1);
    expect(italy.embeds![1]!.description).toBe('Quoted above (¶7).');
    const australia = plain(await command('ask', { question: 'Why did Australia ban Huawei?' }));
    for (const sentence of sentenceSpans(paragraph(17)).map((s) =>
      paragraph(17).text.slice(s.start, s.end),
    )) {
      expect(occurrences(australia, sentence)).toBeLessThanOrEqual(1);
    }
  });

  it('Japan, India and Vietnam’s shared ¶9 quote appears once', async () => {
    const shared = h.library.facts.decisions.find((x) => x.country === 'Japan')!.quote;
    const text = plain(await command('ask', { question: 'Which countries decided against Huawei?' }));
    expect(occurrences(text, shared)).toBe(1);
  });

  it('/decisions country: a reason quoting the decision’s sentence is not quoted again', async () => {
    for (const country of new Set(h.library.facts.decisions.map((x) => x.country))) {
      const text = plain(await command('decisions', { country }));
      for (const sentence of sentences()) {
        expect(occurrences(text, sentence), `${country}: ${sentence}`).toBeLessThanOrEqual(1);
      }
    }
  });
});

describe('Previous / Next on listings that do not fit one message', () => {
  const UPDATE_MESSAGE = 7;
  const pageButtons = (d: CallbackData) =>
    (d.components ?? []).flatMap((row) => row.components).filter((b) => b.custom_id?.includes(':page:'));

  async function click(customId: string, on: CallbackData): Promise<CallbackData> {
    const callback = await h.fake.interact(buttonClick(h.fake, customId, botMessage(h.fake, on)));
    expect(callback.body.type).toBe(UPDATE_MESSAGE); // the page replaces the message
    const d = callback.body.data!;
    expectCallbackWithinLimits(d);
    return d;
  }

  it('/arguments: every argument is reachable by Next, Previous goes back, hints name sides by label', async () => {
    const all = h.library.facts.arguments;
    let d = await command('arguments');
    const seen: string[] = [];
    const pages: CallbackData[] = [];
    for (let i = 0; i < 10; i++) {
      pages.push(d);
      seen.push(...d.embeds!.flatMap((e) => e.fields ?? []).map((f) => toPlainText(f.name)));
      const [previous, next] = pageButtons(d);
      expect(previous!.label).toBe('◀ Previous');
      expect(previous!.disabled).toBe(i === 0);
      if (next!.disabled) break;
      d = await click(next!.custom_id!, d);
    }
    expect(pages.length).toBeGreaterThan(1);
    expect(seen).toHaveLength(all.length);
    expect(pages[0]!.content).toContain(`Page 1 of ${pages.length}`);
    expect(pages[0]!.content).toContain(
      "`/arguments side:` (For Huawei's access, Against Huawei's access, Describes a position)",
    );
    expect(pages[0]!.content).not.toMatch(/for-huawei-access|against-huawei-access|describes-position/);
    const back = await click(pageButtons(d)[0]!.custom_id!, d);
    expect(back.content).toContain(`Page ${pages.length - 1} of ${pages.length}`);
  });

  it('a side that fits one message has no page buttons; an unknown side lists the labels', async () => {
    const d = await command('arguments', { side: 'for-huawei-access' });
    expect(pageButtons(d)).toEqual([]);
    const bad = await command('arguments', { side: 'neutral' });
    expect(bad.content).toBe(
      "There is no side “neutral”. Choose one of: For Huawei's access, Against Huawei's access, Describes a position.",
    );
  });

  it('/decisions: a page button replaces the message with that page (stateless: the page is in the customId)', async () => {
    const first = await command('decisions');
    const again = await click('decisions:page:0', first);
    expect(again.embeds!.map((e) => e.title)).toEqual(first.embeds!.map((e) => e.title));
    const past = await click('decisions:page:99', first); // clamped to the last page
    expect(past.embeds!.length).toBeGreaterThan(0);
  });
});

describe('/ask autocomplete suggests questions', () => {
  const articleSentences = () =>
    new Set(
      h.library.corpus.articles.flatMap((article) =>
        article.passages.flatMap((p) => [
          p.text,
          ...sentenceSpans(p).map((s) => p.text.slice(s.start, s.end)),
        ]),
      ),
    );

  it.each(['', 'trust', 'ita', 'huawei', 'ban', 'why did austr', 'law', 'Vodafone', '5g'])(
    '"%s": only questions, never a bare sentence of the article',
    async (typed) => {
      const listed = await choices('ask', 'question', typed);
      expect(listed.length).toBeGreaterThan(0);
      const sentences = articleSentences();
      for (const choice of listed) {
        expect(choice.name).toMatch(/\?$/);
        expect(sentences.has(choice.name)).toBe(false);
        expect(choice.value).toBe(choice.name);
      }
    },
  );

  it('ranks by what was typed: "ita" offers Italy’s questions first, including ones derived from the facts', async () => {
    const listed = (await choices('ask', 'question', 'ita')).map((c) => c.name);
    expect(listed.slice(0, 3).every((q) => q.includes('Italy'))).toBe(true);
    expect(listed).toContain('What did Italy decide about Huawei?');
    const why = (await choices('ask', 'question', 'why do some argue')).map((c) => c.name);
    expect(why).toContain("Why do some argue against Huawei's access?");
  });

  it('what the user typed comes first when it is a question, and only then', async () => {
    const typed = 'Why did Malaysia pick Huawei?';
    const listed = (await choices('ask', 'question', typed)).map((c) => c.name);
    expect(listed[0]).toBe(typed);
    expect(listed.slice(1).some((q) => q.includes('Malaysia'))).toBe(true);
    expect((await choices('ask', 'question', 'why did austr')).map((c) => c.name)).not.toContain(
      'why did austr',
    );
  });

  it('an empty box lists the article’s example questions, then the derived ones', async () => {
    const listed = (await choices('ask', 'question', '')).map((c) => c.name);
    const examples = h.library.corpus.articles[0]!.questions;
    expect(listed.slice(0, Math.min(25, examples.length))).toEqual(examples.slice(0, 25));
  });
});

describe('"Ask the article" with the real engine', () => {
  it('a long chat message with a greeting, a link and a mention is answered from its question, saying so', async () => {
    const message =
      'Hey team! Quick one before standup: I was reading https://www.lightreading.com/5g/huawei-gets-some-5g-wins ' +
      'and <@123456789012345678> said something about Italy and Vodafone. Has Italy actually approved Huawei ' +
      'equipment for Vodafone, and on what conditions? Thanks in advance, would love to get this sorted before ' +
      'the client call this afternoon because they keep asking us.';
    expect(message.length).toBeGreaterThan(300);
    const target = userMessage(h.fake, message);
    const d = expectWellFormedMessage(
      await h.fake.interact(messageContextMenu(h.fake, 'Ask the article', target)),
    );
    const fields = d.embeds!.flatMap((e) => e.fields ?? []);
    const readAs = toPlainText(fields.find((f) => f.name === 'Read as')!.value);
    expect(readAs).toMatch(/^“Has Italy actually approved Huawei equipment for Vodafone/);
    expect(readAs).not.toContain('https://');
    // Facts are matched on what was read: Italy's decision leads, nothing the link's words name.
    const lead = toPlainText(d.embeds![0]!.description!);
    expect(lead.split('\n')[0]).toMatch(/^🟡 Italy \(Vodafone\): Conditionally approved · ¶7/);
    expect(lead).not.toContain('¶1');
  });
});
