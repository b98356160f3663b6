/**
 * Which country a typed name means, for /decisions and the matcher. Exact names and the alias table come
 * first ("the us", "U.S.", "America", "Washington" → United States; "Rome" → Italy). Fuzzy matching only
 * repairs a misspelling of a country the facts report ("Malasia" → Malaysia) and never turns one real
 * country into another: "China", "Taiwan", "Germany" or "UK" are real names the article reports no
 * decision by, so they are answered as such rather than read as the nearest reported country.
 */
import Fuse from 'fuse.js';
import type { AliasTable } from '../corpus/types.js';
import { boundedEditDistance, maxEditsFor } from '../engine/fuzzy.js';
import { decisionsForCountry } from './group.js';
import { nameKey } from './text.js';
import type { FactSet } from './types.js';

export const DEFAULT_CHOICE_LIMIT = 25;

export type CountryLookup =
  /** `via: 'spelling'` when the typed name was a misspelling of a reported country's name. */
  | { readonly kind: 'found'; readonly country: string; readonly via: 'name' | 'spelling' }
  /** Nothing the facts report: a real country without a decision, or no country at all. */
  | { readonly kind: 'not-reported'; readonly typed: string; readonly reported: readonly string[] };

let realNames: ReadonlySet<string> | undefined;

/**
 * Names of the world's countries and regions (keys as nameKey makes them), from the runtime's CLDR data
 * (Intl.DisplayNames, long and short forms: "United Kingdom", "UK"): what tells a real country from a typo.
 */
export function realCountryNames(): ReadonlySet<string> {
  if (realNames !== undefined) return realNames;
  const names = new Set<string>();
  const long = new Intl.DisplayNames(['en'], { type: 'region' });
  const short = new Intl.DisplayNames(['en'], { type: 'region', style: 'short' });
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (const first of letters) {
    for (const second of letters) {
      const code = first + second;
      for (const display of [long, short]) {
        let name: string | undefined;
        try {
          name = display.of(code);
        } catch {
          name = undefined; // a code the runtime rejects is simply not a region
        }
        if (name !== undefined && name !== code) names.add(nameKey(name));
      }
    }
  }
  realNames = names;
  return names;
}

/** Whether a written word or name is a real country's name (including alias-table forms such as "Taiwanese"). */
export function isRealCountryName(text: string, aliases?: AliasTable): boolean {
  const key = nameKey(text);
  if (realCountryNames().has(key)) return true;
  return (aliases?.groups ?? []).some(
    (group) =>
      group[0] !== undefined &&
      realCountryNames().has(nameKey(group[0])) &&
      group.some((member) => nameKey(member) === key),
  );
}

/** The countries the facts report a decision by, in data order. */
export function reportedCountries(facts: FactSet): string[] {
  return [...new Set(facts.decisions.map((decision) => decision.country))];
}

/** Every alias-group member that means the same as `name` (including `name` itself). */
export function aliasesOf(name: string, aliases: AliasTable): string[] {
  const key = name.toLowerCase();
  const names = new Set([name]);
  for (const group of aliases.groups) {
    if (group.some((member) => member.toLowerCase() === key)) group.forEach((member) => names.add(member));
  }
  return [...names];
}

/** Everything a user may type for a country: its name, its operators and its alias-group members. */
export function countryLabels(country: string, facts: FactSet, aliases: AliasTable): string[] {
  const operators = decisionsForCountry(facts, country).flatMap((d) =>
    d.operator === undefined ? [] : [d.operator],
  );
  return [...new Set([...aliasesOf(country, aliases), ...operators])];
}

/**
 * The reported country a typed value means. Exact: a country, operator or alias-group member (case,
 * dots and a leading "the" ignored). Otherwise a misspelling within the engine's edit bound of exactly one
 * reported country's label, and strictly closer to it than to any other real country's name.
 */
export function lookupCountry(typed: string, facts: FactSet, aliases: AliasTable): CountryLookup {
  const reported = reportedCountries(facts);
  const notReported: CountryLookup = { kind: 'not-reported', typed, reported };
  const key = nameKey(typed);
  if (key === '') return notReported;
  const labels = new Map<string, string>();
  for (const country of reported)
    for (const label of countryLabels(country, facts, aliases)) labels.set(nameKey(label), country);
  const exact = labels.get(key);
  if (exact !== undefined) return { kind: 'found', country: exact, via: 'name' };
  // A real name (or any alias-table term) that is not a reported label is not a typo of one.
  const known = new Set([...realCountryNames(), ...aliases.groups.flat().map(nameKey)]);
  if (known.has(key)) return notReported;

  let bestReported = Number.POSITIVE_INFINITY;
  const closest = new Set<string>();
  let bestOther = Number.POSITIVE_INFINITY;
  const consider = (candidate: string): void => {
    const bound = maxEditsFor(Math.min(candidate.length, key.length));
    const distance = boundedEditDistance(key, candidate, bound);
    if (distance > bound) return;
    const country = labels.get(candidate);
    if (country === undefined) bestOther = Math.min(bestOther, distance);
    else if (distance < bestReported) {
      bestReported = distance;
      closest.clear();
      closest.add(country);
    } else if (distance === bestReported) closest.add(country);
  };
  for (const candidate of labels.keys()) consider(candidate);
  for (const candidate of known) if (!labels.has(candidate)) consider(candidate);
  const [only] = closest;
  if (only !== undefined && closest.size === 1 && bestReported < bestOther)
    return { kind: 'found', country: only, via: 'spelling' };
  return notReported;
}

/** The canonical country a typed value means (see lookupCountry); undefined when the facts report none. */
export function resolveCountry(typed: string, facts: FactSet, aliases: AliasTable): string | undefined {
  const lookup = lookupCountry(typed, facts, aliases);
  return lookup.kind === 'found' ? lookup.country : undefined;
}

/**
 * Autocomplete for /decisions country: the reported countries whose name, operator or alias-group members
 * fuzzily match what is typed ("ita" → Italy, "malasia" → Malaysia, "Rome" → Italy), best first. A
 * complete name of another real country ("China") offers none, so no other country is put in its place.
 * Empty input lists every country in data order.
 */
export function countryChoices(
  typed: string,
  facts: FactSet,
  aliases: AliasTable,
  limit: number = DEFAULT_CHOICE_LIMIT,
): readonly string[] {
  const countries = reportedCountries(facts);
  const query = typed.trim();
  if (query === '') return countries.slice(0, limit);
  const lookup = lookupCountry(query, facts, aliases);
  if (lookup.kind === 'not-reported' && isRealCountryName(query, aliases)) return [];
  const labels = countries.flatMap((country) =>
    countryLabels(country, facts, aliases).map((label) => ({ label, country })),
  );
  const fuse = new Fuse(labels, {
    keys: ['label'],
    includeScore: true,
    ignoreLocation: true,
    threshold: 0.4,
  });
  const ranked: string[] = lookup.kind === 'found' ? [lookup.country] : [];
  for (const { item } of fuse.search(query)) {
    if (!ranked.includes(item.country)) ranked.push(item.country);
  }
  return ranked.slice(0, limit);
}
