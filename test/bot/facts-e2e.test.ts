/**
 * End to end for the facts layer: /decisions, /arguments and /ask leading with facts, through the real
 * discord.js Client against the local fake Discord. Expectations come from the loaded facts, not from
 * copies of them, except the article-specific examples the facts issue names (Rome → Italy, ¶9 shared).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerQuestion } from '../../src/answer.js';
import { SIDE_MARKERS, STATUS_MARKERS } from '../../src/bot/strings.js';
import { toPlainText } from '../../src/bot/text.js';
import { decisionsByStatus } from '../../src/facts/match.js';
import { SIDE_LABELS, STATUS_LABELS, speakerLabel } from '../../src/facts/types.js';
import type { CallbackData } from '../fake-discord/server.js';
import { autocomplete, isEphemeral, slashCommand } from '../fake-discord/interactions.js';
import { startHarness } from './harness.js';
import type { Harness } from './harness.js';
import { expectNoLiveMentions, expectWellFormedMessage } from './limits-check.js';

const AUTOCOMPLETE_RESULT = 8;

let h: Harness;
let nextUser = 1;
const freshUser = () => ({ id: `13000000000000${String(10_000 + nextUser++)}` });

beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.stop();
});

/** Everything a reader sees in a reply, unescaped. */
const shownText = (d: CallbackData) =>
  toPlainText(
    [
      d.content ?? '',
      ...(d.embeds ?? []).flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ].join('\n'),
  );
const occurrences = (text: string, piece: string) => text.split(piece).length - 1;

async function command(name: string, options: Record<string, string> = {}): Promise<CallbackData> {
  return expectWellFormedMessage(await h.fake.interact(slashCommand(h.fake, name, options, freshUser())));
}

async function choices(name: string, option: string, value: string) {
  const callback = await h.fake.interact(autocomplete(h.fake, name, { name: option, value }));
  expect(callback.body.type).toBe(AUTOCOMPLETE_RESULT);
  return callback.body.data!.choices!;
}

describe('/decisions', () => {
  it('without a country lists every decision by status, with markers, verbatim quotes and ¶, shared quotes once', async () => {
    const d = await command('decisions');
    expect(isEphemeral(d)).toBe(false);
    expect(d.content).toBeUndefined(); // nothing left out
    const groups = decisionsByStatus(h.library.facts);
    expect(d.embeds!.map((e) => e.title)).toEqual(
      groups.map((g) => `${STATUS_MARKERS[g.status]} ${STATUS_LABELS[g.status]} (${g.decisions.length})`),
    );
    const text = shownText(d);
    for (const decision of h.library.facts.decisions) {
      expect(text).toContain(decision.quote);
      expect(text).toContain(decision.country);
      expect(text).toContain(`¶${decision.paragraph}`);
    }
    // Japan, India and Vietnam are reported in one sentence of ¶9: one field, the quote shown once.
    const shared = h.library.facts.decisions.find((x) => x.country === 'Japan')!;
    expect(occurrences(text, shared.quote)).toBe(1);
    const field = d.embeds!.flatMap((e) => e.fields ?? []).find((f) => f.name.includes('Japan'))!;
    expect(field.name).toBe(`${STATUS_MARKERS['decided-against']} Japan, India, Vietnam · ¶9`);
  });

  it('country: Rome gives Italy’s decision with status, conditions, quote, citation and reasons', async () => {
    const d = await command('decisions', { country: 'Rome' });
    expect(isEphemeral(d)).toBe(false);
    const italy = h.library.facts.decisions.find((x) => x.country === 'Italy')!;
    const embed = d.embeds![0]!;
    expect(embed.title).toBe(
      `${STATUS_MARKERS[italy.status]} Italy (Vodafone): ${STATUS_LABELS[italy.status]}`,
    );
    expect(toPlainText(embed.description!)).toContain(italy.quote);
    expect(embed.description).toContain(`¶${italy.paragraph}`);
    const text = shownText(d);
    expect(italy.conditions.length).toBeGreaterThan(0);
    for (const condition of italy.conditions) expect(text).toContain(condition);
    for (const id of italy.reasons) {
      const reason = h.library.facts.arguments.find((a) => a.id === id)!;
      expect(text).toContain(reason.quote);
    }
  });

  it('a country the article reports no decision by gets a private notice listing the countries', async () => {
    const d = await command('decisions', { country: 'France' });
    expect(isEphemeral(d)).toBe(true);
    expect(d.content).toContain('The article reports no decision by “France”');
    for (const decision of h.library.facts.decisions) expect(d.content).toContain(decision.country);
  });

  it('autocomplete matches countries fuzzily and through aliases', async () => {
    const cases: [string, string][] = [
      ['malasia', 'Malaysia'],
      ['Canberra', 'Australia'],
      ['ita', 'Italy'],
      ['Rome', 'Italy'],
      ['America', 'United States'],
    ];
    for (const [typed, country] of cases) {
      const listed = await choices('decisions', 'country', typed);
      expect(listed[0]?.value, typed).toBe(country);
      expect(listed[0]?.name).toContain(country);
    }
    expect((await choices('decisions', 'country', '')).map((c) => c.value)).toEqual([
      ...new Set(h.library.facts.decisions.map((x) => x.country)),
    ]);
  });
});

describe('/arguments', () => {
  it('side: against lists exactly that side, each with speaker, summary, verbatim quote and ¶', async () => {
    const d = await command('arguments', { side: 'against-huawei-access' });
    expect(isEphemeral(d)).toBe(false);
    const against = h.library.facts.arguments.filter((a) => a.side === 'against-huawei-access');
    expect(against.length).toBeGreaterThan(0);
    expect(d.embeds![0]!.title).toBe(
      `${SIDE_MARKERS['against-huawei-access']} ${SIDE_LABELS['against-huawei-access']} (${against.length})`,
    );
    const fields = d.embeds!.flatMap((e) => e.fields ?? []);
    expect(fields).toHaveLength(against.length);
    against.forEach((argument, i) => {
      const field = fields[i]!;
      expect(toPlainText(field.name).toLowerCase()).toBe(
        `${speakerLabel(argument.speaker)} · ¶${argument.paragraph}`.toLowerCase(),
      );
      expect(toPlainText(field.value)).toContain(argument.summary);
      expect(toPlainText(field.value)).toContain(argument.quote);
    });
    const others = h.library.facts.arguments.filter((a) => a.side !== 'against-huawei-access');
    const text = shownText(d);
    for (const argument of others) expect(text).not.toContain(argument.quote);
  });

  it('without a side shows whole arguments within 6000 characters and says which page this is', async () => {
    const d = await command('arguments');
    const all = h.library.facts.arguments;
    const fields = d.embeds!.flatMap((e) => e.fields ?? []);
    // Each field: a summary and its quote, the part of it not quoted above, or "(quoted above)".
    for (const field of fields) {
      const plain = toPlainText(field.value);
      const quoted = /“(.*)”/.exec(plain)?.[1]?.replace(/^… | …$/g, '');
      expect(
        all.some(
          (a) =>
            plain.includes(a.summary) &&
            (quoted === undefined ? plain.endsWith('(quoted above)') : a.quote.includes(quoted)),
        ),
      ).toBe(true);
    }
    if (fields.length < all.length) {
      expect(d.content).toContain(`arguments 1–${fields.length} of ${all.length}`);
      expect(d.content).toContain('/arguments side:');
    } else {
      expect(d.content).toBeUndefined();
    }
    expectNoLiveMentions(shownText(d));
  });
});

describe('/ask leads with the matching fact', () => {
  async function ask(question: string) {
    const d = await command('ask', { question });
    expect(d.embeds!.length).toBe(2);
    const [lead, passages] = d.embeds!;
    expect(lead!.title).toBe(question);
    expect(passages!.fields!.some((f) => f.name === 'Source')).toBe(true);
    return { lead: lead!, text: toPlainText(lead!.description!) };
  }

  it('"Why did Australia ban Huawei?" opens with Australia’s ban (¶17) and its reasons', async () => {
    const australia = h.library.facts.decisions.find((x) => x.country === 'Australia')!;
    const { text } = await ask('Why did Australia ban Huawei?');
    expect(text.startsWith(`${STATUS_MARKERS[australia.status]} Australia`)).toBe(true);
    expect(text.split('\n')[0]).toContain(`${STATUS_LABELS[australia.status]}`);
    expect(text.split('\n')[0]).toContain('¶17');
    expect(text).toContain(australia.quote);
  });

  it('"Is Italy letting Vodafone use Huawei?" opens with Italy’s conditional approval (¶7)', async () => {
    const italy = h.library.facts.decisions.find((x) => x.country === 'Italy')!;
    const { text } = await ask('Is Italy letting Vodafone use Huawei?');
    const [first] = text.split('\n');
    expect(first).toBe(
      `${STATUS_MARKERS[italy.status]} Italy (Vodafone): ${STATUS_LABELS[italy.status]} · ¶7`,
    );
    expect(text).toContain(italy.quote);
    for (const condition of italy.conditions) expect(text).toContain(condition);
  });

  it('"Which countries decided against Huawei?" lists the decisions, one sentence shared by three countries once', async () => {
    const question = 'Which countries decided against Huawei?';
    const premise = answerQuestion(h.library, question).facts.map((m) => m.fact);
    expect(premise.filter((f) => f.kind === 'decision' && f.paragraph === 9)).toHaveLength(3);
    const { text } = await ask(question);
    const shared = h.library.facts.decisions.find((x) => x.country === 'Japan')!;
    expect(occurrences(text, shared.quote)).toBe(1);
    expect(text).toContain(
      `${STATUS_MARKERS['decided-against']} Japan, India, Vietnam: Decided against · ¶9`,
    );
  });

  it('a question about no fact keeps the single passages embed, titled with the question', async () => {
    const question = 'What happened on the global 5G battlefront?';
    const premise = answerQuestion(h.library, question);
    expect(premise.search.kind).toBe('answer');
    expect(premise.facts).toEqual([]);
    const d = await command('ask', { question });
    expect(d.embeds).toHaveLength(1);
    expect(d.embeds![0]!.title).toBe(question);
    expect(d.embeds![0]!.fields!.some((f) => f.name === 'Source')).toBe(true);
  });
});
