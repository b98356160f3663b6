/**
 * End to end: the real discord.js Client logs in to a local fake Discord, receives INTERACTION_CREATE
 * payloads and answers them; we assert on the callback bodies discord.js actually sent.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SlashCommandBuilder } from 'discord.js';
import type { Command } from '../../src/bot/commands.js';
import { LIMITS } from '../../src/bot/limits.js';
import { helpReply } from '../../src/bot/answer-reply.js';
import { toPlainText } from '../../src/bot/text.js';
import { paragraphLabel } from '../../src/corpus/cite.js';
import type { CallbackData, InteractionCallback } from '../fake-discord/server.js';
import { FAKE_CHANNEL_ID, FAKE_GUILD_ID } from '../fake-discord/server.js';
import {
  isEphemeral,
  autocomplete,
  botMessage,
  buttonClick,
  messageContextMenu,
  slashCommand,
  userMessage,
} from '../fake-discord/interactions.js';
import { TEST_TOKEN, percentile, startHarness } from './harness.js';
import type { Harness } from './harness.js';

const CHANNEL_MESSAGE = 4;
const AUTOCOMPLETE_RESULT = 8;
const DEFERRED_CHANNEL_MESSAGE = 5;

/** A command that always fails, to exercise the dispatcher's error handler. */
const boom: Command = {
  data: new SlashCommandBuilder().setName('boom').setDescription('fails on purpose'),
  execute() {
    throw new Error('kaboom from the test command');
  },
};

let h: Harness;
let nextUser = 1;
const freshUser = () => ({ id: `12000000000000${String(10_000 + nextUser++)}` });

beforeAll(async () => {
  h = await startHarness({ extraCommands: [boom] });
});
afterAll(async () => {
  await h?.stop();
});

function data(callback: InteractionCallback): CallbackData {
  expect(callback.body.data).toBeDefined();
  return callback.body.data as CallbackData;
}

/** Every body the bot sends must respect Discord's limits and never parse mentions. */
function expectWellFormed(callback: InteractionCallback): CallbackData {
  const d = data(callback);
  if (callback.body.type === AUTOCOMPLETE_RESULT) {
    expect(d.choices!.length).toBeLessThanOrEqual(LIMITS.autocompleteChoices);
    for (const choice of d.choices!) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(LIMITS.choiceName);
      expect(choice.value.length).toBeGreaterThanOrEqual(1);
      expect(choice.value.length).toBeLessThanOrEqual(LIMITS.choiceValue);
    }
    return d;
  }
  expect(d.allowed_mentions).toEqual({ parse: [] });
  expect((d.content ?? '').length).toBeLessThanOrEqual(LIMITS.content);
  const embeds = d.embeds ?? [];
  expect(embeds.length).toBeLessThanOrEqual(LIMITS.embedsPerMessage);
  let total = 0;
  for (const embed of embeds) {
    expect((embed.title ?? '').length).toBeLessThanOrEqual(LIMITS.embedTitle);
    expect((embed.description ?? '').length).toBeLessThanOrEqual(LIMITS.embedDescription);
    expect((embed.footer?.text ?? '').length).toBeLessThanOrEqual(LIMITS.footerText);
    total +=
      (embed.title ?? '').length + (embed.description ?? '').length + (embed.footer?.text ?? '').length;
    for (const field of embed.fields ?? []) {
      expect(field.name.length).toBeLessThanOrEqual(LIMITS.fieldName);
      expect(field.value.length).toBeLessThanOrEqual(LIMITS.fieldValue);
      total += field.name.length + field.value.length;
    }
  }
  expect(total).toBeLessThanOrEqual(LIMITS.embedTotal);
  return d;
}

/** The embed with the passages of an answer: the last one (a first embed leads with facts when any match). */
const passagesEmbed = (d: CallbackData) => d.embeds!.at(-1)!;
const buttons = (d: CallbackData) => (d.components ?? []).flatMap((row) => row.components);

/** Strip the ellipses the excerpt renderer adds where it clipped the passage. */
const excerptPieces = (description: string) =>
  toPlainText(description)
    .split('…')
    .map((piece) => piece.trim())
    .filter(Boolean);

describe('bot against a fake Discord', () => {
  it('logs in with the Guilds intent only, over JSON without compression', () => {
    expect(h.fake.identifies[0]).toEqual({ token: TEST_TOKEN, intents: 1 });
    expect(h.fake.gatewayQueries[0]).toBe('v=10&encoding=json');
  });

  it('/ask answers publicly with the verbatim excerpt of the engine’s best passage and its ¶', async () => {
    // A question no fact leads (a fact quoting the passage would stand in for the excerpt).
    const question = 'What happened on the global 5G battlefront?';
    const expected = h.library.engine.search(question);
    if (expected.kind !== 'answer') throw new Error('test premise: the engine answers this question');
    const best = expected.results[0]!.passage;

    const callback = await h.fake.interact(slashCommand(h.fake, 'ask', { question }, freshUser()));
    expect(callback.body.type).toBe(CHANNEL_MESSAGE);
    const d = expectWellFormed(callback);
    expect(isEphemeral(d)).toBe(false);
    expect(d.embeds![0]!.title).toBe(question);
    const embed = passagesEmbed(d);
    const pieces = excerptPieces(embed.description!);
    expect(pieces.length).toBeGreaterThan(0);
    for (const piece of pieces) expect(best.text).toContain(piece);
    expect(embed.description).toMatch(/\*\*[^*]+\*\*/); // matched words in bold
    const source = embed.fields!.find((field) => field.name === 'Source')!;
    expect(source.value).toContain(paragraphLabel(best));
    expect(source.value).toContain(h.library.corpus.articles[0]!.title);
    expect(buttons(d).map((b) => b.label)).toEqual(['More passages', 'Helpful', 'Not helpful']);
  });

  it('/ask private:true is ephemeral with Share; Share posts it publicly; More passages pages privately', async () => {
    const question = 'What does China’s National Intelligence Law require?';
    const first = await h.fake.interact(
      slashCommand(h.fake, 'ask', { question, private: true }, freshUser()),
    );
    const d = expectWellFormed(first);
    expect(isEphemeral(d)).toBe(true);
    const [more, share] = buttons(d);
    expect(share?.label).toBe('Share');
    expect(more?.label).toBe('More passages');

    const message = botMessage(h.fake, d);
    const shared = expectWellFormed(await h.fake.interact(buttonClick(h.fake, share!.custom_id!, message)));
    expect(isEphemeral(shared)).toBe(false);
    expect(shared.embeds!.map((e) => e.description)).toEqual(d.embeds!.map((e) => e.description));
    expect(buttons(shared).map((b) => b.label)).toEqual(['More passages', 'Helpful', 'Not helpful']);

    if (!more!.disabled) {
      const page = expectWellFormed(await h.fake.interact(buttonClick(h.fake, more!.custom_id!, message)));
      expect(isEphemeral(page)).toBe(true);
      expect(page.embeds![0]!.fields!.length).toBeGreaterThan(0);
      for (const field of page.embeds![0]!.fields!) expect(field.name).toMatch(/¶\d+/);
    }
  });

  it('a button whose answer was evicted re-runs the search from the message title', async () => {
    const question = 'Why did Australia ban Huawei?';
    const message = botMessage(h.fake, { embeds: [{ title: question }] });
    const callback = await h.fake.interact(buttonClick(h.fake, 'ask:share:notcachedkey', message));
    const d = expectWellFormed(callback);
    expect(d.embeds![0]!.title).toBe(question);
    expect(passagesEmbed(d).fields!.some((f) => f.name === 'Source')).toBe(true);
  });

  it('a question the article does not cover gets an ephemeral no-match with closest topics', async () => {
    const callback = await h.fake.interact(
      slashCommand(h.fake, 'ask', { question: 'What is the capital of France?' }, freshUser()),
    );
    const d = expectWellFormed(callback);
    expect(isEphemeral(d)).toBe(true);
    expect(d.content).toContain("The article doesn't cover that");
    expect(d.embeds ?? []).toEqual([]);
  });

  it('mentions in a question ping no one and are shown escaped', async () => {
    const question = '@everyone <@1234567890123456789> why did Australia ban Huawei?';
    const d = expectWellFormed(await h.fake.interact(slashCommand(h.fake, 'ask', { question }, freshUser())));
    const shown = d.embeds?.[0]?.title ?? d.content ?? '';
    expect(shown).not.toContain('@everyone');
    expect(shown).not.toMatch(/(?<!\\)<@\d+>/);
    // The mention tag is Discord markup, not part of the question: dropped before searching and showing.
    expect(toPlainText(shown)).toContain('@everyone why did Australia ban Huawei?');
  });

  it('/ask autocomplete suggests at most 25 questions, fuzzy on what is typed', async () => {
    const callback = await h.fake.interact(
      autocomplete(h.fake, 'ask', { name: 'question', value: 'australa' }),
    );
    expect(callback.body.type).toBe(AUTOCOMPLETE_RESULT);
    const d = expectWellFormed(callback);
    expect(d.choices!.length).toBeGreaterThan(0);
    expect(d.choices!.some((choice) => /australia/i.test(choice.name))).toBe(true);
  });

  it('/quote lists passages as "¶N text…" and posts the picked passage whole and verbatim', async () => {
    const listed = expectWellFormed(
      await h.fake.interact(autocomplete(h.fake, 'quote', { name: 'passage', value: 'vodafone' })),
    );
    const choice = listed.choices![0]!;
    expect(choice.name).toMatch(/^(¶\d+|caption (after|before) ¶\d+) \S/);
    const passage = h.library.corpus.articles.flatMap((a) => a.passages).find((p) => p.id === choice.value)!;
    expect(passage).toBeDefined();

    const d = expectWellFormed(
      await h.fake.interact(slashCommand(h.fake, 'quote', { passage: choice.value }, freshUser())),
    );
    expect(isEphemeral(d)).toBe(false);
    const text = d.embeds!.map((embed) => toPlainText(embed.description ?? '')).join(' ');
    expect(text).toBe(passage.text);
    expect(d.embeds!.at(-1)!.fields![0]!.value).toContain(paragraphLabel(passage));
  });

  it('/sources lists the articles with publisher and counts; /help explains how to ask', async () => {
    const sources = expectWellFormed(await h.fake.interact(slashCommand(h.fake, 'sources', {}, freshUser())));
    const article = h.library.corpus.articles[0]!;
    const paragraphs = article.passages.filter((p) => p.kind === 'paragraph').length;
    expect(sources.embeds![0]!.description).toContain(`${paragraphs} paragraphs`);
    expect(sources.embeds![0]!.description).toContain(article.publisher!);
    const help = expectWellFormed(await h.fake.interact(slashCommand(h.fake, 'help', {}, freshUser())));
    expect(help.embeds![0]!.description).toContain('/ask');
  });

  it('"Ask the article" answers the selected message and links back to it', async () => {
    const target = userMessage(h.fake, 'Why did Australia ban Huawei?');
    const d = expectWellFormed(
      await h.fake.interact(messageContextMenu(h.fake, 'Ask the article', target, freshUser())),
    );
    expect(isEphemeral(d)).toBe(false);
    expect(d.embeds![0]!.title).toBe('Why did Australia ban Huawei?');
    const reference = passagesEmbed(d).fields!.find((f) => f.name === 'Asked about')!;
    expect(reference.value).toContain(
      `https://discord.com/channels/${FAKE_GUILD_ID}/${FAKE_CHANNEL_ID}/${target.id}`,
    );
  });

  it('a failing command gives an ephemeral "Something went wrong (ref …)" and logs the ref with the stack', async () => {
    const d = expectWellFormed(await h.fake.interact(slashCommand(h.fake, 'boom', {}, freshUser())));
    expect(isEphemeral(d)).toBe(true);
    const ref = /Something went wrong \(ref ([0-9A-F]{6})\)/.exec(d.content ?? '')?.[1];
    expect(ref).toBeDefined();
    const logged = h.logLines.find((line) => line.includes(`ref ${ref}`));
    expect(logged).toContain('kaboom from the test command');
    expect(logged).toMatch(/\n\s+at /); // stack frames
  });

  it('the token never appears in the log, even at debug level', () => {
    expect(h.logLines.length).toBeGreaterThan(0);
    for (const line of h.logLines) expect(line).not.toContain(TEST_TOKEN);
  });

  it('answers 30 /ask interactions with first responses well within 3 s (p50/p95 printed)', async () => {
    const questions = [
      'Why did Australia ban Huawei?',
      'Has Italy approved Huawei equipment for Vodafone?',
      'What did Ren Zhengfei say about breaking the law?',
      'What is Huawei offering to license?',
      'Which countries decided against Huawei?',
      'What is the capital of France?',
    ];
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const question = questions[i % questions.length]!;
      const callback = await h.fake.interact(slashCommand(h.fake, 'ask', { question }, freshUser()));
      expectWellFormed(callback);
      latencies.push(callback.latencyMs);
    }
    latencies.sort((a, b) => a - b);
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    console.log(
      `interaction→first response over ${latencies.length} /ask: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    expect(p95).toBeLessThan(3000);
  });
});

describe('slow handlers', () => {
  let s: Harness;
  const slow: Command = {
    data: new SlashCommandBuilder().setName('slow').setDescription('takes its time'),
    async execute() {
      await new Promise((resolve) => setTimeout(resolve, 300));
      return helpReply();
    },
  };
  beforeAll(async () => {
    s = await startHarness({ deferAfterMs: 50, extraCommands: [slow] });
  });
  afterAll(async () => {
    await s?.stop();
  });

  it('are deferred first, then the reply arrives as an edit of @original', async () => {
    const interaction = slashCommand(s.fake, 'slow', {}, freshUser());
    const callback = await s.fake.interact(interaction);
    expect(callback.body.type).toBe(DEFERRED_CHANNEL_MESSAGE);
    expect(callback.latencyMs).toBeLessThan(300);
    const path = `/api/v10/webhooks/${interaction.application_id}/${interaction.token}/messages/%40original`;
    const deadline = Date.now() + 3000;
    while (!s.fake.requests.some((r) => r.method === 'PATCH' && r.path === path) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    const edit = s.fake.requests.find((r) => r.method === 'PATCH' && r.path === path);
    expect(edit).toBeDefined();
    const body = edit!.body as CallbackData;
    expect(body.embeds![0]!.title).toBe('How to ask');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });
});

describe('rate limit', () => {
  let c: Harness;
  beforeAll(async () => {
    // A long refill so the test's own pace cannot regain a command.
    c = await startHarness({ rateLimit: { burst: 10, refillSeconds: 60 } });
  });
  afterAll(async () => {
    await c?.stop();
  });

  it('ten commands in a row pass, the eleventh is told when to try again; /help and autocomplete never wait', async () => {
    const user = { id: '1200000000000099999' };
    const ordinary: [string, Record<string, string>][] = [
      ['sources', {}],
      ['ask', { question: 'Why did Australia ban Huawei?' }],
      ['quote', { passage: '7' }],
      ['decisions', {}],
      ['arguments', {}],
    ];
    for (let i = 0; i < 10; i++) {
      const [name, options] = ordinary[i % ordinary.length]!;
      const d = expectWellFormed(await c.fake.interact(slashCommand(c.fake, name, options, user)));
      expect(d.content ?? '').not.toMatch(/ask again in/);
    }
    const flooded = expectWellFormed(await c.fake.interact(slashCommand(c.fake, 'sources', {}, user)));
    expect(isEphemeral(flooded)).toBe(true);
    expect(flooded.content).toBe(
      'That is a lot of commands in a short time: you can ask again in 60 s. (/help always works.)',
    );
    const help = expectWellFormed(await c.fake.interact(slashCommand(c.fake, 'help', {}, user)));
    expect(help.embeds![0]!.title).toBe('How to ask');
    const suggestions = await c.fake.interact(
      autocomplete(c.fake, 'ask', { name: 'question', value: 'italy' }, {}, user),
    );
    expect(suggestions.body.data!.choices!.length).toBeGreaterThan(0);
    const other = expectWellFormed(
      await c.fake.interact(slashCommand(c.fake, 'sources', {}, { id: '1200000000000088888' })),
    );
    expect(other.embeds!.length).toBe(1);
  });
});
