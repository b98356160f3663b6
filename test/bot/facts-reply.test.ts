/**
 * Rendering of the facts replies (/decisions, /arguments, facts leading /ask) with hand-made facts, and
 * properties: any input stays within Discord's limits and every quote shown is shown whole and verbatim.
 */
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as argumentsCommand from '../../commands/arguments.js';
import * as decisionsCommand from '../../commands/decisions.js';
import { createContext } from '../../src/bot/context.js';
import { createLogger } from '../../src/bot/log.js';
import { answerReply } from '../../src/bot/answer-reply.js';
import {
  argumentsReply,
  countryChoice,
  countryDecisionsReply,
  decisionsReply,
  unknownCountryReply,
} from '../../src/bot/fact-reply.js';
import type { CitedFact } from '../../src/bot/fact-quotes.js';
import type { Reply } from '../../src/bot/reply.js';
import { SIDE_MARKERS, STATUS_MARKERS } from '../../src/bot/strings.js';
import { toPlainText } from '../../src/bot/text.js';
import { loadLibrary } from '../../src/library.js';
import { ARGUMENT_SIDES, DECISION_STATUSES, SIDE_LABELS, STATUS_LABELS } from '../../src/facts/types.js';
import type { Argument, ArgumentSide, Decision, DecisionStatus } from '../../src/facts/types.js';
import { P1, P2, SAMPLE, SAMPLE_WITH_URL, cited, hit } from './fixtures.js';
import { expectNoLiveMentions, expectWithinLimits } from './limits-check.js';

const EPHEMERAL = 64;

function decision(overrides: Partial<Decision> & Pick<Decision, 'id' | 'country' | 'status'>): Decision {
  return {
    kind: 'decision',
    articleId: 'sample',
    vendor: 'Acme',
    summary: 'A summary.',
    quote: P1.text.slice(0, 40),
    paragraph: 1,
    conditions: [],
    reasons: [],
    ...overrides,
  };
}

function argument(overrides: Partial<Argument> & Pick<Argument, 'id' | 'side'>): Argument {
  return {
    kind: 'argument',
    articleId: 'sample',
    speaker: 'the article',
    summary: 'A one-line summary.',
    quote: P2.text,
    paragraph: 2,
    ...overrides,
  };
}

const bare = <F extends Decision | Argument>(fact: F): CitedFact<F> => ({ fact });

/** Everything a reader sees, unescaped. */
const shown = (reply: Reply) =>
  toPlainText(
    [
      reply.content ?? '',
      ...reply.embeds.flatMap((e) => [
        e.title ?? '',
        e.description ?? '',
        ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      ]),
    ].join('\n'),
  );

describe('decisionsReply', () => {
  const shared = 'most of those who decided against *Acme* are its neighbours, like Ruritania and Freedonia';
  const reply = decisionsReply([
    { status: 'approved', decisions: [bare(decision({ id: 'a', country: 'Atlantis', status: 'approved' }))] },
    {
      status: 'decided-against',
      decisions: [
        bare(
          decision({ id: 'r', country: 'Ruritania', status: 'decided-against', quote: shared, paragraph: 9 }),
        ),
        bare(
          decision({ id: 'f', country: 'Freedonia', status: 'decided-against', quote: shared, paragraph: 9 }),
        ),
      ],
    },
  ]);

  it('has one embed per status, titled with its marker, label and count', () => {
    expect(reply.embeds.map((e) => e.title)).toEqual([
      `${STATUS_MARKERS.approved} ${STATUS_LABELS.approved} (1)`,
      `${STATUS_MARKERS['decided-against']} ${STATUS_LABELS['decided-against']} (2)`,
    ]);
    expect(reply.flags).toBeUndefined();
    expectWithinLimits(reply);
  });

  it('lists decisions sharing a quote in one field, the quote once, verbatim with markdown escaped', () => {
    const field = reply.embeds[1]!.fields![0]!;
    expect(field.name).toBe(`${STATUS_MARKERS['decided-against']} Ruritania, Freedonia · ¶9`);
    expect(field.value).toContain('\\*Acme\\*');
    expect(toPlainText(field.value)).toBe(`> “${shared}”`);
    expect(shown(reply).split(shared)).toHaveLength(2);
    expect(reply.embeds.at(-1)!.footer!.text).toContain('Verbatim');
  });

  it('every status has its own marker', () => {
    expect(new Set(DECISION_STATUSES.map((status) => STATUS_MARKERS[status])).size).toBe(
      DECISION_STATUSES.length,
    );
    expect(new Set(ARGUMENT_SIDES.map((side) => SIDE_MARKERS[side])).size).toBe(ARGUMENT_SIDES.length);
  });
});

describe('countryDecisionsReply', () => {
  const reason = argument({ id: 'why', side: 'against-huawei-access', summary: 'Because of the cost.' });
  const reply = countryDecisionsReply([
    {
      decision: {
        fact: decision({
          id: 'x',
          country: 'Atlantis',
          operator: 'AtlantiCom',
          status: 'conditionally-approved',
          conditions: ['no remote management', 'a high security threshold'],
          when: '2020',
          reasons: ['why'],
        }),
        source: { article: SAMPLE_WITH_URL, passage: P1 },
      },
      reasons: [bare(reason)],
    },
  ]);

  it('shows status, quote with a linked citation, conditions, when and reasons', () => {
    const embed = reply.embeds[0]!;
    expect(embed.title).toBe(
      `${STATUS_MARKERS['conditionally-approved']} Atlantis (AtlantiCom): Conditionally approved`,
    );
    expect(embed.description).toContain('[A sample article, ¶1](https://example.com/news/bridge#:~:text=');
    expect(toPlainText(embed.description!)).toContain(`“${P1.text.slice(0, 40)}”`);
    expect(embed.fields!.map((f) => f.name)).toEqual(['Conditions', 'When', 'Why · The article · ¶2']);
    expect(embed.fields![0]!.value).toBe('• no remote management\n• a high security threshold');
    expect(embed.fields![1]!.value).toBe('2020');
    expect(toPlainText(embed.fields![2]!.value)).toBe(`Because of the cost.\n> “${P2.text}”`);
    expectWithinLimits(reply);
  });

  it('unknown country: a private notice listing the countries, with the typed text escaped', () => {
    const notice = unknownCountryReply('@everyone **Narnia**', ['Atlantis', 'Ruritania']);
    expect(notice.flags).toBe(EPHEMERAL);
    expect(notice.content).toContain(
      'The article reports no decision by “@\u200beveryone \\*\\*Narnia\\*\\*”',
    );
    expect(notice.content).toContain('Atlantis, Ruritania');
    expectNoLiveMentions(notice.content!);
  });

  it('country choices name the statuses and keep the country as value', () => {
    expect(countryChoice('Atlantis', [decision({ id: 'x', country: 'Atlantis', status: 'banned' })])).toEqual(
      { name: 'Atlantis · Banned / blacklisted', value: 'Atlantis' },
    );
  });
});

describe('argumentsReply', () => {
  it('one embed per side with speaker, ¶, summary and the whole quote per field', () => {
    const reply = argumentsReply([
      {
        side: 'for-huawei-access',
        arguments: [
          bare(argument({ id: 'p', side: 'for-huawei-access', speaker: { name: 'Pat Lee', role: 'CEO' } })),
        ],
      },
      { side: 'describes-position', arguments: [bare(argument({ id: 'd', side: 'describes-position' }))] },
    ]);
    expect(reply.embeds.map((e) => e.title)).toEqual([
      `${SIDE_MARKERS['for-huawei-access']} ${SIDE_LABELS['for-huawei-access']} (1)`,
      `${SIDE_MARKERS['describes-position']} ${SIDE_LABELS['describes-position']} (1)`,
    ]);
    expect(reply.embeds[0]!.fields).toEqual([
      { name: 'Pat Lee (CEO) · ¶2', value: `A one-line summary.\n> “${P2.text}”` },
    ]);
    expect(reply.embeds[1]!.fields![0]!.name).toBe('The article · ¶2');
    expect(reply.content).toBeUndefined();
  });

  it('too many for one message: pages of whole arguments, each within 6000, every argument on a page', () => {
    const long = 'word '.repeat(60).trim();
    const many = (side: ArgumentSide, n: number) =>
      Array.from({ length: n }, (_, i) =>
        bare(argument({ id: `${side}-${i}`, side, quote: `${long} ${side} ${i}`, summary: `Summary ${i}.` })),
      );
    const reply = argumentsReply(
      [
        { side: 'for-huawei-access', arguments: many('for-huawei-access', 10) },
        { side: 'against-huawei-access', arguments: many('against-huawei-access', 10) },
      ],
      { narrowHint: 'Narrow it with `/arguments side:`.' },
    );
    expectWithinLimits(reply);
    const fields = reply.embeds.flatMap((e) => e.fields ?? []);
    expect(fields.length).toBeGreaterThan(0);
    expect(fields.length).toBeLessThan(20);
    for (const field of fields) expect(toPlainText(field.value)).toMatch(/“word( word)* \S+ \d+”$/);
    expect(reply.content).toBe(
      `Page 1 of 2: arguments 1–${fields.length} of 20. Previous / Next turn the page. Narrow it with \`/arguments side:\`.`,
    );
    const ids = reply.components
      .flatMap((r) => r.components)
      .map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toEqual(['arguments:page:all:0', 'arguments:page:all:1']);
    const second = argumentsReply(
      [
        { side: 'for-huawei-access', arguments: many('for-huawei-access', 10) },
        { side: 'against-huawei-access', arguments: many('against-huawei-access', 10) },
      ],
      { page: 1 },
    );
    expectWithinLimits(second);
    const rest = second.embeds.flatMap((e) => e.fields ?? []);
    expect(fields.length + rest.length).toBe(20);
    expect(second.embeds[0]!.title).toContain(SIDE_LABELS['against-huawei-access']);
  });
});

describe('answerReply with facts', () => {
  const italy = decision({
    id: 'i',
    country: 'Atlantis',
    status: 'conditionally-approved',
    conditions: ['strict limits'],
  });
  const why = argument({ id: 'w', side: 'against-huawei-access', speaker: { name: 'Kim', role: 'expert' } });

  it('leads with the facts in a first embed titled with the question; passages follow', () => {
    const reply = answerReply({
      question: 'Did Atlantis approve it?',
      hits: [cited(hit(P1)), cited(hit(P2))],
      facts: [bare(italy), { fact: why, source: { article: SAMPLE, passage: P2 } }],
      key: 'k',
      ephemeral: false,
    });
    expectWithinLimits(reply);
    expect(reply.embeds).toHaveLength(2);
    const [lead, passages] = reply.embeds;
    expect(lead!.title).toBe('Did Atlantis approve it?');
    expect(passages!.title).toBe('In the article');
    expect(toPlainText(lead!.description!)).toBe(
      [
        `${STATUS_MARKERS['conditionally-approved']} Atlantis: Conditionally approved · ¶1`,
        `> “${italy.quote}”`,
        'Conditions: strict limits',
        '',
        `${SIDE_MARKERS['against-huawei-access']} Kim (expert) · ${SIDE_LABELS['against-huawei-access']} · ¶2`,
        why.summary,
        `> “${why.quote}”`,
      ].join('\n'),
    );
    expect(passages!.fields![0]!.name).toBe('Source');
  });

  it('without facts the answer is the single passages embed, as before', () => {
    const reply = answerReply({
      question: 'q',
      hits: [cited(hit(P1))],
      facts: [],
      key: 'k',
      ephemeral: false,
    });
    expect(reply.embeds).toHaveLength(1);
    expect(reply.embeds[0]!.title).toBe('q');
  });
});

describe('properties', () => {
  const anyText = fc.string({ maxLength: 700, unit: 'grapheme' });
  const anyStatus = fc.constantFrom<DecisionStatus>(...DECISION_STATUSES);
  const anySide = fc.constantFrom<ArgumentSide>(...ARGUMENT_SIDES);
  const anyDecision = fc
    .record({ country: anyText, quote: anyText, status: anyStatus, paragraph: fc.nat(40), when: anyText })
    .map(({ country, quote, status, paragraph, when }) =>
      bare(decision({ id: 'd', country: country || 'X', quote: quote || 'q', status, paragraph, when })),
    );
  const anyArgument = fc
    .record({ name: anyText, role: anyText, summary: anyText, quote: anyText, side: anySide })
    .map(({ name, role, summary, quote, side }) =>
      bare(argument({ id: 'a', side, speaker: { name, role }, summary, quote: quote || 'q' })),
    );

  it('facts replies stay within every limit and never ping', () => {
    fc.assert(
      fc.property(
        fc.array(anyDecision, { maxLength: 30 }),
        fc.array(anyArgument, { maxLength: 40 }),
        anyText,
        (decisions, args, question) => {
          const replies = [
            decisionsReply(
              DECISION_STATUSES.map((status) => ({
                status,
                decisions: decisions.filter((d) => d.fact.status === status),
              })),
            ),
            countryDecisionsReply(
              decisions.slice(0, 12).map((d) => ({ decision: d, reasons: args.slice(0, 3) })),
            ),
            argumentsReply(
              ARGUMENT_SIDES.map((side) => ({ side, arguments: args.filter((a) => a.fact.side === side) })),
              { narrowHint: 'hint' },
            ),
            answerReply({
              question,
              hits: [cited(hit(P1)), cited(hit(P2))],
              facts: [...decisions.slice(0, 3), ...args.slice(0, 3)],
              key: 'k',
              ephemeral: true,
            }),
            unknownCountryReply(
              question,
              decisions.map((d) => d.fact.country),
            ),
          ];
          for (const reply of replies) {
            expectWithinLimits(reply);
            expectNoLiveMentions(
              `${reply.content ?? ''}\n${reply.embeds.map((e) => `${e.title ?? ''}\n${e.description ?? ''}`).join('\n')}`,
            );
          }
        },
      ),
      { numRuns: 120 },
    );
  });

  it('/decisions with any country string, and its autocomplete, answer within limits (real data)', async () => {
    const library = await loadLibrary(path.resolve('data'));
    const ctx = createContext(library, createLogger({ level: 'silent' }));
    const countries = [...new Set(library.facts.decisions.map((d) => d.country))];
    const aliasLike = fc.constantFrom(...library.corpus.aliases.groups.flat(), ...countries);
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 200 }), aliasLike), (typed) => {
        const reply = decisionsCommand.execute({ options: { country: typed }, userId: 'u' }, ctx);
        expectWithinLimits(reply);
        if (typed.trim() === '') {
          // No country given: the overview, one embed per status with a count.
          for (const embed of reply.embeds) expect(embed.title).toMatch(/\(\d+\)$/);
        } else if (reply.flags === EPHEMERAL) {
          expect(reply.content).toContain('The article reports no decision by');
        } else {
          for (const embed of reply.embeds)
            expect(countries.some((c) => embed.title!.includes(`${c}`))).toBe(true);
        }
        const choices = decisionsCommand.autocomplete(
          { focused: { name: 'country', value: typed }, options: {}, userId: 'u' },
          ctx,
        );
        for (const choice of choices) expect(countries).toContain(choice.value);
      }),
      { numRuns: 200 },
    );
    for (const side of [undefined, ...ARGUMENT_SIDES]) {
      const reply = argumentsCommand.execute({ options: side ? { side } : {}, userId: 'u' }, ctx);
      expectWithinLimits(reply);
    }
    expect(argumentsCommand.resolveSide('against')).toBe('against-huawei-access');
    expect(argumentsCommand.resolveSide("Against Huawei's access")).toBe('against-huawei-access');
    expect(argumentsCommand.resolveSide('huawei')).toBeUndefined();
    expect(argumentsCommand.execute({ options: { side: 'sideways' }, userId: 'u' }, ctx).content).toBe(
      "There is no side “sideways”. Choose one of: For Huawei's access, Against Huawei's access, Describes a position.",
    );
  });
});

describe('decisionsReply pages', () => {
  it('decisions that do not fit one message are on pages reached by Previous / Next, none left out', () => {
    const long = 'word '.repeat(150).trim();
    const decisions = Array.from({ length: 40 }, (_, i) =>
      bare(decision({ id: `d${i}`, country: `Country ${i}`, status: 'banned', quote: `${long} ${i}` })),
    );
    const groups = [{ status: 'banned' as const, decisions }];
    const pages: Reply[] = [];
    for (let page = 0; page < 10; page++) {
      const reply = decisionsReply(groups, { page });
      expectWithinLimits(reply);
      pages.push(reply);
      const next = reply.components[0]!.components[1]!;
      if ('disabled' in next && next.disabled) break;
    }
    const shown = pages.flatMap((r) => r.embeds.flatMap((e) => e.fields ?? []));
    expect(pages.length).toBeGreaterThan(1);
    expect(shown).toHaveLength(40);
    expect(pages[0]!.content).toMatch(/^Page 1 of \d+: decisions 1–\d+ of 40\./);
    const ids = pages[0]!.components[0]!.components.map((b) => ('custom_id' in b ? b.custom_id : ''));
    expect(ids).toEqual(['decisions:page:0', 'decisions:page:1']);
  });
});

describe('facts leading an answer that do not all fit', () => {
  it('say where the rest are', () => {
    const facts = Array.from({ length: 5 }, (_, i) =>
      bare(
        argument({ id: `a${i}`, side: 'for-huawei-access', quote: `Quote ${i}.`, summary: `Summary ${i}.` }),
      ),
    );
    const reply = answerReply({ question: 'q', hits: [cited(hit(P1))], facts, key: 'k', ephemeral: false });
    const lead = reply.embeds[0]!.description!;
    expect(lead.endsWith('\n\n*More decisions and arguments: `/decisions`, `/arguments`.*')).toBe(true);
    const few = answerReply({
      question: 'q',
      hits: [cited(hit(P1))],
      facts: facts.slice(0, 2),
      key: 'k',
      ephemeral: false,
    });
    expect(few.embeds[0]!.description).not.toContain('More decisions');
  });
});
