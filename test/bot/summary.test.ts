/**
 * /summary as a spec: built only from the facts file, every quoted piece verbatim in the ¶ it cites, every
 * decision present, the main arguments chosen by the round rule, what is left out counted with where to
 * find it; and the summary-request detection /ask uses.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../src/bot/context.js';
import { createLogger } from '../../src/bot/log.js';
import { SUMMARY_STRINGS } from '../../src/bot/strings.js';
import { isSummaryRequest } from '../../src/bot/summary-intent.js';
import { SUMMARY_ARGUMENTS_PER_SIDE, summaryReply } from '../../src/bot/summary.js';
import { toPlainText } from '../../src/bot/text.js';
import { decisionLines, planSummary } from '../../src/facts/summary.js';
import type { Argument, FactSet } from '../../src/facts/types.js';
import { realLibrary } from './harness.js';
import { expectWithinLimits } from './limits-check.js';
import { citedQuotes } from '../support/cited.js';

const library = await realLibrary();
const ctx = createContext(library, createLogger({ level: 'silent' }));
const article = library.corpus.articles[0]!;
const paragraph = (n: number) =>
  article.passages.find((p) => p.kind === 'paragraph' && p.paragraph === n)?.text ?? '';

describe('/summary', () => {
  const reply = summaryReply(ctx);
  const embed = reply.embeds[0]!;

  it('is one public embed within Discord’s limits', () => {
    expect(reply.embeds).toHaveLength(1);
    expect(reply.flags).toBeUndefined();
    expectWithinLimits(reply);
  });

  it('quotes only verbatim words of the ¶ each line cites', () => {
    const quotes = citedQuotes(embed.description!);
    expect(quotes.length).toBeGreaterThanOrEqual(5);
    for (const { quote, paragraph: n } of quotes) expect(paragraph(n), `¶${n}`).toContain(quote);
  });

  it('shows no quote twice, nor one inside another', () => {
    const quotes = citedQuotes(embed.description!).map((q) => q.quote);
    for (const [i, quote] of quotes.entries()) {
      for (const [j, other] of quotes.entries())
        if (i !== j) expect(other.includes(quote), quote).toBe(false);
    }
  });

  it('lists every decision, by status, shared quotes once', () => {
    const text = toPlainText(embed.description!);
    for (const decision of library.facts.decisions) {
      expect(text).toContain(decision.country);
      expect(text).toContain(`¶${decision.paragraph}`);
    }
    const shared = library.facts.decisions.find((d) => d.country === 'Japan')!.quote;
    expect(text.split(shared).length - 1).toBe(1);
    expect(text).toContain('Japan, India, Vietnam: Decided against');
  });

  it('shows conditions in bold inside their decision’s quote, not repeated under it', () => {
    const italy = library.facts.decisions.find((d) => d.country === 'Italy')!;
    for (const condition of italy.conditions) {
      expect(embed.description).toContain(`**${condition}**`);
      expect(toPlainText(embed.description!).split(condition).length - 1).toBe(1);
    }
  });

  it('takes the first arguments of each side in article order, skipping quotes already shown', () => {
    const plan = planSummary(library.facts, {
      decisionCost: () => 0,
      argumentCost: () => 0,
      sideCost: () => 0,
      budget: Infinity,
      perSide: SUMMARY_ARGUMENTS_PER_SIDE,
    });
    const decisionQuotes = library.facts.decisions.map((d) => [d.paragraph, d.quote] as const);
    const inADecision = (a: Argument) =>
      decisionQuotes.some(([n, q]) => n === a.paragraph && (q.includes(a.quote) || a.quote.includes(q)));
    for (const { side, arguments: shown } of plan.sides) {
      const all = library.facts.arguments.filter((a) => a.side === side && !inADecision(a));
      expect(shown).toEqual(all.slice(0, SUMMARY_ARGUMENTS_PER_SIDE));
      for (const argument of shown) expect(toPlainText(embed.description!)).toContain(argument.quote);
    }
    // Peng's ¶12 quote contains the United States decision's words: it gives way to his next argument.
    const peng = library.facts.arguments.find((a) => a.id === 'peng-hopes-for-talks')!;
    expect(inADecision(peng)).toBe(true);
    expect(plan.sides.flatMap((line) => line.arguments)).not.toContain(peng);
    const more = embed.fields!.find((f) => f.name === SUMMARY_STRINGS.more)!.value;
    expect(more).toContain(
      `${library.facts.arguments.length - plan.argumentsShown} more arguments: \`/arguments\``,
    );
    expect(more).toContain('`/decisions`');
  });

  it('within a small budget keeps whole lines and goes round the sides before taking a second', () => {
    const plan = planSummary(library.facts, {
      decisionCost: () => 10,
      argumentCost: () => 10,
      sideCost: () => 0,
      budget: decisionLines(library.facts).length * 10 + 3 * 10,
      perSide: 2,
    });
    expect(plan.decisions).toHaveLength(decisionLines(library.facts).length);
    expect(plan.sides.map((s) => s.arguments.length)).toEqual([1, 1, 1]);
  });

  it('never throws and stays within limits whatever the facts (property)', () => {
    const base = library.facts;
    fc.assert(
      fc.property(
        fc.subarray([...base.decisions]),
        fc.subarray([...base.arguments]),
        fc.string({ maxLength: 300 }),
        (decisions, args, country) => {
          const facts: FactSet = {
            decisions: decisions.map((d, i) => (i === 0 ? { ...d, country: country || d.country } : d)),
            arguments: args,
          };
          const reply = summaryReply({ ...ctx, library: { ...library, facts } });
          expectWithinLimits(reply);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('says so when the facts are empty', () => {
    const reply = summaryReply({ ...ctx, library: { ...library, facts: { decisions: [], arguments: [] } } });
    expect(reply.content).toBe(SUMMARY_STRINGS.noFacts);
  });
});

describe('isSummaryRequest', () => {
  it.each([
    'summarize the article',
    'Summarise it please',
    'tl;dr',
    'TL;DR?',
    'tldr',
    'give me an overview',
    "what's this article about",
    'What is the article about?',
    'sum up the story',
    'main points of the article',
    'can you give me a quick recap',
    'summary',
  ])('%j asks for a summary', (question) => {
    expect(isSummaryRequest(question)).toBe(true);
  });

  it.each([
    'summarize Italy’s decision',
    'overview of the US position',
    'what is the article’s view of Huawei',
    'Why did Australia ban Huawei?',
    'what about Malaysia',
    'article',
    '',
  ])('%j does not', (question) => {
    expect(isSummaryRequest(question)).toBe(false);
  });

  it('never throws, and a question naming anything beyond the article is never one (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 400 }), (text) => {
        expect(typeof isSummaryRequest(text)).toBe('boolean');
        expect(isSummaryRequest(`summarize ${text} Malaysia`)).toBe(false);
      }),
    );
  });
});
