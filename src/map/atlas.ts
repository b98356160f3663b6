/**
 * The world's country shapes (Natural Earth 1:110m via the world-atlas package) and the lookup from a
 * country name as the facts write it to an atlas feature. Reading the package file is the only I/O here.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';

export interface CountryProperties {
  readonly name: string;
}
export type CountryFeature = Feature<Geometry, CountryProperties>;

export interface Atlas {
  readonly countries: readonly CountryFeature[];
}

/**
 * Natural Earth's ISO 3166-1 numeric code for Antarctica: left off the map, since no government sits there
 * and at this projection it would take a fifth of the picture's height.
 */
const ANTARCTICA_ID = '010';

/** Parse a world-atlas topology (an object with `objects.countries`) into features. */
export function atlasFromTopology(topology: unknown): Atlas {
  const topo = topology as Topology<{ countries: GeometryCollection<CountryProperties> }>;
  if (!topo?.objects?.countries) throw new Error('map error: the atlas has no "countries" object');
  const collection = feature(topo, topo.objects.countries) as FeatureCollection<Geometry, CountryProperties>;
  return { countries: collection.features.filter((country) => String(country.id) !== ANTARCTICA_ID) };
}

let cached: Atlas | undefined;
/** The 1:110m countries, read once per process (the file is ~100 kB; 1:50m adds nothing visible at 1200 px). */
export function loadAtlas(): Atlas {
  if (!cached) {
    const file = createRequire(import.meta.url).resolve('world-atlas/countries-110m.json');
    cached = atlasFromTopology(JSON.parse(readFileSync(file, 'utf8')));
  }
  return cached;
}

/**
 * Common English names where Natural Earth's short name differs in more than spelling. General geography,
 * not tied to any article: the facts name countries as news writes them.
 */
const ATLAS_NAMES: Readonly<Record<string, string>> = {
  'united states': 'united states of america',
  usa: 'united states of america',
  'czech republic': 'czechia',
  'ivory coast': 'cote d ivoire',
  swaziland: 'eswatini',
  'north macedonia': 'macedonia',
  burma: 'myanmar',
  'east timor': 'timor leste',
  // Keys are normalised (normaliseCountryName drops "the").
  'democratic republic of congo': 'democratic republic congo',
  'republic of congo': 'congo',
};

/** Natural Earth abbreviates some words in short names ("Dem. Rep. Congo", "Solomon Is."). */
const ABBREVIATIONS: Readonly<Record<string, string>> = {
  dem: 'democratic',
  rep: 'republic',
  is: 'islands',
  eq: 'equatorial',
  fr: 'french',
  s: 'south',
  n: 'north',
  herz: 'herzegovina',
};

/** Lower case, accents and punctuation gone, abbreviations spelled out: "Côte d'Ivoire" → "cote d ivoire". */
export function normaliseCountryName(name: string): string {
  const words = name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
    .split(' ')
    .filter((word) => word && word !== 'the');
  return words.map((word) => ABBREVIATIONS[word] ?? word).join(' ');
}

/** Finds atlas countries by any of several names (a country and its aliases); undefined when none is drawn. */
export function countryFinder(atlas: Atlas): (names: readonly string[]) => CountryFeature | undefined {
  const byName = new Map<string, CountryFeature>();
  for (const country of atlas.countries) byName.set(normaliseCountryName(country.properties.name), country);
  return (names) => {
    for (const name of names) {
      const key = normaliseCountryName(name);
      const found = byName.get(key) ?? byName.get(ATLAS_NAMES[key] ?? '');
      if (found) return found;
    }
    return undefined;
  };
}
