/**
 * Issue 10's replies through the real discord.js Client against the local fake Discord: /quote by
 * number, paging /arguments and /decisions, no repeated sentence, chat messages, question suggestions.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/bot/reply.js';
import { toPlainText } from '../../src/bot/text.js';
import type { CallbackData, InteractionCallback } from '../fake-discord/server.js';
import { EPHEMERAL, autocomplete, slashCommand } from '../fake-discord/interactions.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { expectWithinLimits } from './limits-check.js';

const CHANNEL_MESSAGE = 4;
const AUTOCOMPLETE_RESULT = 8;

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

function wellFormed(callback: InteractionCallback): CallbackData {
  expect(callback.body.type).toBe(CHANNEL_MESSAGE);
  const d = callback.body.data!;
  expectWithinLimits({
    ...(d.content === undefined ? {} : { content: d.content }),
    embeds: d.embeds ?? [],
    components: (d.components ?? []) as Reply['components'],
    allowedMentions: d.allowed_mentions as Reply['allowedMentions'],
  });
  return d;
}

const isEphemeral = (d: CallbackData) => ((d.flags ?? 0) & EPHEMERAL) === EPHEMERAL;

async function command(name: string, options: Record<string, string> = {}): Promise<CallbackData> {
  return wellFormed(await h.fake.interact(slashCommand(h.fake, name, options)));
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
