/**
 * The data folder's alias table (one thing, several names: the US, America, Washington), prepared
 * for matching question words, and the matcher itself.
 */
import type { AliasTable } from '../corpus/types.js';
import type { InvertedIndex } from './index-build.js';
import type { Token } from './tokenize.js';
import { tokenize } from './tokenize.js';

export interface AliasEntry {
  /** Index terms of the entry's words ("spy agencies" → spi, agenc). */
  readonly terms: readonly string[];
  /** Which of those words the table writes as acronyms (US): only a written acronym matches them. */
  readonly acronyms: readonly boolean[];
  /** The entry's words, lower-cased (to tell whether a question names the entry). */
  readonly words: readonly string[];
  /** Every word written with a capital (Vincent Peng): a name. */
  readonly capitalised: boolean;
  readonly group: number;
}

export interface PreparedAliases {
  /** First term of an entry → entries starting with it. */
  readonly byFirstTerm: ReadonlyMap<string, readonly AliasEntry[]>;
  readonly groups: readonly (readonly AliasEntry[])[];
  /** Groups that name an entity (the first member is a proper noun: a country, a person). */
  readonly properGroups: ReadonlySet<number>;
  /** Groups that name a region → the groups of its member countries. */
  readonly regions: ReadonlyMap<number, readonly number[]>;
}

export function prepareAliases(table: AliasTable): PreparedAliases {
  const byFirstTerm = new Map<string, AliasEntry[]>();
  const groups: AliasEntry[][] = [];
  const properGroups = new Set<number>();
  const regionNames = (table.regions ?? []).map((region) => region.names);
  [...table.groups, ...regionNames].forEach((group, g) => {
    if (/^\p{Lu}/u.test(group[0] ?? '')) properGroups.add(g);
    const entries: AliasEntry[] = [];
    for (const phrase of group) {
      const tokens = tokenize(phrase).filter((token) => !token.joined);
      const terms = tokens.map((token) => token.term);
      if (terms.length === 0) continue;
      const entry = {
        terms,
        acronyms: tokens.map((token) => token.acronym),
        words: tokens.map((token) => token.word),
        capitalised: tokens.every((token) => /^\p{Lu}/u.test(token.surface)),
        group: g,
      };
      entries.push(entry);
      const first = terms[0] ?? '';
      const list = byFirstTerm.get(first) ?? [];
      list.push(entry);
      byFirstTerm.set(first, list);
    }
    groups.push(entries);
  });
  const groupOf = new Map(table.groups.map((group, g) => [group[0], g]));
  const memberGroups = (table.regions ?? []).map((region) =>
    region.members.flatMap((name) => {
      const g = groupOf.get(name);
      return g === undefined ? [] : [g];
    }),
  );
  const regions = new Map<number, readonly number[]>();
  memberGroups.forEach((members, r) => regions.set(table.groups.length + r, members));
  return { byFirstTerm, groups, properGroups, regions };
}

export function matchAlias(
  tokens: readonly Token[],
  at: number,
  aliases: PreparedAliases,
  acronymCase: boolean,
): { length: number; groups: number[] } | undefined {
  const first = tokens[at];
  if (first === undefined) return undefined;
  let best: { length: number; groups: number[] } | undefined;
  for (const entry of aliases.byFirstTerm.get(first.term) ?? []) {
    const fits = entry.terms.every((term, k) => {
      const token = tokens[at + k];
      // An acronym (US) is met by its letters in any case (uk), never by a stem (use, uses → us).
      return (
        token?.term === term &&
        (!acronymCase || entry.acronyms[k] !== true || token.acronym || token.word === term)
      );
    });
    if (!fits) continue;
    if (best === undefined || entry.terms.length > best.length)
      best = { length: entry.terms.length, groups: [entry.group] };
    else if (entry.terms.length === best.length && !best.groups.includes(entry.group))
      best.groups.push(entry.group);
  }
  return best;
}

/** Term ids of an alias entry in the index, or undefined when one of its words is absent. */
export function entryTerms(terms: readonly string[], index: InvertedIndex): number[] | undefined {
  const ids: number[] = [];
  for (const term of terms) {
    const id = index.termIds.get(term);
    if (id === undefined || (index.postingStart[id + 1] ?? 0) === (index.postingStart[id] ?? 0))
      return undefined;
    ids.push(id);
  }
  return ids;
}
