/**
 * Replies listing the article's facts: /decisions (all, or one country's with its reasons), /arguments,
 * paged when a listing exceeds one message. Quotes are verbatim; a sentence already shown higher on the
 * page is not repeated (src/bot/shown.ts).
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { SIDE_LABELS, STATUS_LABELS, factSubject } from '../facts/types.js';
import type { Argument, ArgumentSide, Decision, DecisionStatus } from '../facts/types.js';
import { argumentsPageCustomId, decisionsPageCustomId } from './custom-ids.js';
import { layOutPages } from './pages.js';
import type { PageGroup, PageLayout } from './pages.js';
import { EMBED_COLOUR, button, finalizeReply, noticeReply, row } from './reply.js';
import type { Choice, Draft, Reply } from './reply.js';
import {
  decisionSubjects,
  factCitation,
  factLink,
  mergeSharedQuotes,
  quoteOrAbove,
  quotePartLine,
  speakerName,
  unshownQuote,
} from './fact-quotes.js';
import type { CitedFact } from './fact-quotes.js';
import { ShownSentences } from './shown.js';
import { SIDE_MARKERS, STATUS_MARKERS, STRINGS } from './strings.js';
import { collapseWhitespace, escapeMarkdown, trimText } from './text.js';

export interface DecisionGroup {
  readonly status: DecisionStatus;
  readonly decisions: readonly CitedFact<Decision>[];
}

export interface ArgumentGroup {
  readonly side: ArgumentSide;
  readonly arguments: readonly CitedFact<Argument>[];
}

export interface DecisionWithReasons {
  readonly decision: CitedFact<Decision>;
  /** The arguments the decision lists as its reasons. */
  readonly reasons: readonly CitedFact<Argument>[];
}

/**
 * /decisions without a country: one embed per status (in the order given), one field per decision with
 * its marker, country (operator), ¶ and verbatim quote. Decisions citing the same sentence share a field, so
 * "Japan, India, Vietnam" are listed once with their one quote.
 */
export function decisionsReply(
  groups: readonly DecisionGroup[],
  options: { readonly page?: number } = {},
): Reply {
  if (groups.every((group) => group.decisions.length === 0)) return noticeReply(STRINGS.noDecisions);
  const layout = layOutFacts(
    groups.map((group) => ({
      title: STRINGS.decisionsGroupTitle(
        STATUS_MARKERS[group.status],
        STATUS_LABELS[group.status],
        group.decisions.length,
      ),
      items: mergeSharedQuotes(group.decisions).map((line) => ({
        count: line.length,
        render: (shown: ShownSentences) => {
          const first = line[0];
          const quote = first ? unshownQuote(shown, first) : undefined;
          return {
            field: {
              name: `${STATUS_MARKERS[group.status]} ${escapeMarkdown(decisionSubjects(line))} · ¶${first?.fact.paragraph}`,
              value: first && quote ? quoteOrAbove(quote) + factLink(first) : '',
            },
            mark: () => quote?.mark(),
          };
        },
      })),
    })),
  );
  return pagedReply(layout, options.page ?? 0, {
    what: 'decisions',
    hint: STRINGS.decisionsNarrowHint,
    customId: decisionsPageCustomId,
  });
}

/**
 * /decisions country:X: each of that country's decisions in its own embed: status, verbatim quote with its
 * citation, conditions, when, and the reasons (linked arguments) with their quotes.
 */
export function countryDecisionsReply(items: readonly DecisionWithReasons[]): Reply {
  // A reason quoting a sentence the decision (or an earlier reason) already shows leaves it out.
  const shown = new ShownSentences();
  const embeds = items.map(({ decision, reasons }): APIEmbed => {
    const own = unshownQuote(shown, decision);
    own.mark();
    const { fact } = decision;
    const fields: APIEmbedField[] = [];
    if (fact.conditions.length) {
      fields.push({
        name: STRINGS.conditions,
        value: fact.conditions.map((condition) => `• ${escapeMarkdown(condition)}`).join('\n'),
      });
    }
    if (fact.when !== undefined) fields.push({ name: STRINGS.when, value: escapeMarkdown(fact.when) });
    for (const reason of reasons) {
      const quote = unshownQuote(shown, reason);
      quote.mark();
      fields.push({
        name: STRINGS.reason(escapeMarkdown(speakerName(reason.fact)), `¶${reason.fact.paragraph}`),
        value: `${escapeMarkdown(reason.fact.summary)}${quotePartLine(quote)}${factLink(reason)}`,
      });
    }
    return {
      title: STRINGS.decisionTitle(
        STATUS_MARKERS[fact.status],
        escapeMarkdown(factSubject(fact)),
        STATUS_LABELS[fact.status],
      ),
      description: `${quoteOrAbove(own)}\n${factCitation(decision)}`,
      fields,
      color: EMBED_COLOUR,
    };
  });
  const last = embeds.at(-1);
  if (!last) return noticeReply(STRINGS.noDecisions);
  last.footer = { text: STRINGS.factsFooter };
  return finalizeReply({ embeds, ephemeral: false });
}

/** /decisions country: with a country the article reports no decision by; lists the ones it does. */
export function unknownCountryReply(typed: string, countries: readonly string[]): Reply {
  const shown = trimText(escapeMarkdown(collapseWhitespace(typed)), 100);
  return noticeReply(
    STRINGS.unknownCountry(
      shown,
      countries.map((country) => escapeMarkdown(country)),
    ),
  );
}

/** A /decisions country choice: "Italy · Conditionally approved", the value being the country. */
export function countryChoice(country: string, decisions: readonly Decision[]): Choice {
  const statuses = [...new Set(decisions.map((decision) => STATUS_LABELS[decision.status]))].join(', ');
  return { name: STRINGS.countryChoice(country, statuses), value: country };
}

/**
 * /arguments: one embed per side, one field per argument with its speaker, ¶, summary and verbatim quote.
 * Arguments are kept whole; those that do not fit the message are counted in a note with `narrowHint`.
 */
export function argumentsReply(
  groups: readonly ArgumentGroup[],
  options: { readonly narrowHint?: string; readonly page?: number; readonly side?: ArgumentSide } = {},
): Reply {
  const layout = layOutFacts(
    groups.map((group) => ({
      title: STRINGS.argumentsGroupTitle(
        SIDE_MARKERS[group.side],
        SIDE_LABELS[group.side],
        group.arguments.length,
      ),
      items: group.arguments.map((argument) => ({
        count: 1,
        render: (shown: ShownSentences) => {
          const quote = unshownQuote(shown, argument);
          return {
            field: {
              name: `${escapeMarkdown(speakerName(argument.fact))} · ¶${argument.fact.paragraph}`,
              value: `${escapeMarkdown(argument.fact.summary)}\n${quoteOrAbove(quote)}${factLink(argument)}`,
            },
            mark: () => quote.mark(),
          };
        },
      })),
    })),
  );
  return pagedReply(layout, options.page ?? 0, {
    what: 'arguments',
    hint: options.narrowHint ?? '',
    customId: (page) => argumentsPageCustomId(options.side, page),
  });
}

/** Room kept on every page for the footer and the page note (content does not count towards 6000). */
const PAGE_RESERVED = STRINGS.factsFooter.length;

function layOutFacts(groups: readonly PageGroup[]): PageLayout {
  return layOutPages(groups, { reserved: PAGE_RESERVED, colour: EMBED_COLOUR, continued: STRINGS.continued });
}

/**
 * One page of a listing with the footer; when there is more than one page, a note saying which facts
 * this page shows (and how to narrow) and Previous / Next buttons carrying the page to show.
 */
function pagedReply(
  layout: PageLayout,
  requested: number,
  options: { readonly what: string; readonly hint: string; readonly customId: (page: number) => string },
): Reply {
  const last = layout.pages.length - 1;
  const index = Math.min(Math.max(0, Math.trunc(requested) || 0), Math.max(0, last));
  const page = layout.pages[index];
  if (!page) return noticeReply(STRINGS.noDecisions);
  const embeds = page.embeds.map((embed) => ({ ...embed, fields: [...(embed.fields ?? [])] }));
  const final = embeds.at(-1);
  if (final) final.footer = { text: STRINGS.factsFooter };
  const draft: Draft = { embeds, ephemeral: false };
  if (last > 0) {
    draft.content = STRINGS.pageNote(
      index + 1,
      last + 1,
      page.first,
      page.first + page.shown - 1,
      layout.total,
      options.what,
      options.hint,
    ).trim();
    draft.components = [
      row([
        button(STRINGS.previousPage, options.customId(Math.max(0, index - 1)), index === 0),
        button(STRINGS.nextPage, options.customId(Math.min(last, index + 1)), index === last),
      ]),
    ];
  }
  return finalizeReply(draft);
}
