/**
 * Laying long fact listings (/decisions, /arguments) out as pages of embeds that each fit one Discord
 * message, so nothing is cut: a listing that does not fit gets Previous / Next buttons whose customIds
 * carry the page (stateless: any process, after any restart, renders the same page). Pure.
 */
import type { APIEmbed, APIEmbedField } from 'discord.js';
import { LIMITS } from './limits.js';
import { ShownSentences } from './shown.js';
import { trimText } from './text.js';

export interface PageItem {
  /**
   * The field, rendered against what the page already shows (quotes shown above are left out), and a
   * `mark` that records its quote as shown once the field is placed.
   */
  render(shown: ShownSentences): { readonly field: APIEmbedField; mark(): void };
  /** How many facts the field stands for (a merged decision line counts each country). */
  readonly count: number;
}

export interface PageGroup {
  readonly title: string;
  readonly items: readonly PageItem[];
}

export interface Page {
  readonly embeds: APIEmbed[];
  /** Facts on this page, and the number of the first one (1-based, over the whole listing). */
  readonly first: number;
  readonly shown: number;
}

export interface PageLayout {
  readonly pages: readonly Page[];
  /** Facts over all pages. */
  readonly total: number;
}

/**
 * Pages of embeds (one per group, "(continued)" when a group spans pages or passes 25 fields), each field
 * whole and in order, each page within the 6000-character total (with `reserved` characters left for the
 * footer and the page note) and the 10-embed limit.
 */
export function layOutPages(
  groups: readonly PageGroup[],
  options: {
    readonly reserved: number;
    readonly colour: number;
    readonly continued: (title: string) => string;
  },
): PageLayout {
  const pages: Page[] = [];
  let embeds: APIEmbed[] = [];
  let shown = new ShownSentences();
  let used = options.reserved;
  let first = 1;
  let onPage = 0;
  const finishPage = () => {
    if (embeds.length) pages.push({ embeds, first, shown: onPage });
    first += onPage;
    embeds = [];
    shown = new ShownSentences();
    used = options.reserved;
    onPage = 0;
  };
  for (const group of groups) {
    let current: APIEmbed | undefined;
    let started = false;
    for (const item of group.items) {
      for (let attempt = 0; attempt < 2; attempt++) {
        const { field: raw, mark } = item.render(shown);
        const field = {
          name: trimText(raw.name, LIMITS.fieldName) || '\u200b',
          value: trimText(raw.value, LIMITS.fieldValue) || '\u200b',
        };
        const fields = current?.fields;
        const startsEmbed = !current || !fields || fields.length >= LIMITS.embedFields;
        const title = trimText(started ? options.continued(group.title) : group.title, LIMITS.embedTitle);
        const cost = field.name.length + field.value.length + (startsEmbed ? title.length : 0);
        const fits =
          used + cost <= LIMITS.embedTotal && (!startsEmbed || embeds.length < LIMITS.embedsPerMessage);
        if (!fits && onPage > 0 && attempt === 0) {
          // A new page, and the field rendered again: what it may leave out depends on the page.
          finishPage();
          current = undefined;
          continue;
        }
        if (startsEmbed || !fields) {
          current = { title, fields: [field], color: options.colour };
          embeds.push(current);
        } else {
          fields.push(field);
        }
        mark();
        used += cost;
        onPage += item.count;
        started = true;
        break;
      }
    }
  }
  finishPage();
  return { pages, total: first - 1 };
}
