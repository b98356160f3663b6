/**
 * Issue 10 points 7 and 8 through the real discord.js client against the fake Discord: /summary replies
 * with cited, verbatim lines; /ask asked for a summary shows it; /help points to it; /decisions with no
 * country carries the map as a PNG attachment (with a country, no map).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SUMMARY_STRINGS } from '../../src/bot/strings.js';
import { DECISIONS_MAP_FILE } from '../../src/bot/decisions-map.js';
import type { CallbackData, InteractionCallback } from '../fake-discord/server.js';
import { EPHEMERAL, slashCommand } from '../fake-discord/interactions.js';
import { citedQuotes } from '../support/cited.js';
import { decodePng } from '../support/png.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { expectCallbackWithinLimits } from './limits-check.js';

let h: Harness;
let nextUser = 1;
const freshUser = () => ({ id: `14000000000000${String(10_000 + nextUser++)}` });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

async function run(
  name: string,
  options: Record<string, string | boolean> = {},
): Promise<InteractionCallback> {
  const callback = await h.fake.interact(slashCommand(h.fake, name, options, freshUser()));
  const d = callback.body.data!;
  expectCallbackWithinLimits(d);
  return callback;
}

const paragraph = (n: number) =>
  h.library.corpus.articles[0]!.passages.find((p) => p.kind === 'paragraph' && p.paragraph === n)?.text ?? '';

function expectCitedVerbatim(d: CallbackData) {
  const quotes = citedQuotes(d.embeds![0]!.description!);
  expect(quotes.length).toBeGreaterThanOrEqual(h.library.facts.decisions.length - 2);
  for (const { quote, paragraph: n } of quotes) expect(paragraph(n), `¶${n}`).toContain(quote);
}

describe('/summary', () => {
  it('replies publicly with one embed of cited, verbatim lines', async () => {
    const callback = await run('summary');
    const d = callback.body.data!;
    expect((d.flags ?? 0) & EPHEMERAL).toBe(0);
    expect(d.embeds).toHaveLength(1);
    expect(d.embeds![0]!.title).toBe(`Summary: ${h.library.corpus.articles[0]!.title}`);
    expectCitedVerbatim(d);
    expect(callback.files).toEqual([]);
  });

  it('is what /ask shows when asked for a summary, with a note saying so', async () => {
    const d = (await run('ask', { question: 'tl;dr of the article please' })).body.data!;
    expect(d.content).toBe(SUMMARY_STRINGS.askedForSummary);
    expectCitedVerbatim(d);
  });

  it('is named by /help', async () => {
    const d = (await run('help')).body.data!;
    expect(d.embeds![0]!.description).toContain('`/summary`');
  });
});

describe('/decisions map', () => {
  it('with no country, the reply carries the map as a PNG attachment at least 800 px wide', async () => {
    const callback = await run('decisions');
    expect(callback.files).toHaveLength(1);
    const [file] = callback.files;
    expect(file!.filename).toBe(DECISIONS_MAP_FILE);
    expect(file!.contentType).toBe('image/png');
    const png = decodePng(file!.data);
    expect(png.width).toBeGreaterThanOrEqual(800);
    // discord.js lists the attachment in the payload too, with its alt text.
    const body = callback.body as { data?: { attachments?: { id: string; description?: string }[] } };
    expect(body.data?.attachments).toEqual([{ id: '0', description: SUMMARY_STRINGS.mapDescription }]);
    expect(callback.body.data!.embeds!.length).toBeGreaterThan(0);
  });

  it('with a country, no map', async () => {
    const callback = await run('decisions', { country: 'Italy' });
    expect(callback.files).toEqual([]);
  });
});
