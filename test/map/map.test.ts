/**
 * The /decisions map: decoded pixel by pixel, each country of a decision is filled in its status colour
 * (the colours of the reply's markers), others stay land grey; a country the atlas lacks is listed, not a
 * crash; names as the facts write them find their atlas shapes.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decisionsMap, decisionsMapInput, renderDecisionsMap } from '../../src/bot/decisions-map.js';
import { createLogger } from '../../src/bot/log.js';
import { STATUS_COLOURS } from '../../src/bot/strings.js';
import { loadLibrary } from '../../src/library.js';
import { countryFinder, loadAtlas, normaliseCountryName } from '../../src/map/atlas.js';
import { MAP_COLOURS, mapProjection, mapSvg, svgToPng } from '../../src/map/render.js';
import type { DecisionStatus, FactSet } from '../../src/facts/types.js';
import { decodePng, hex } from '../support/png.js';

const library = await loadLibrary(path.resolve('data'));
const silent = createLogger({ level: 'silent' });

describe('decisions map', () => {
  const map = renderDecisionsMap(library.facts, library.corpus.aliases);
  const png = decodePng(map.png);
  const projection = mapProjection(loadAtlas(), map.width);
  const at = (lon: number, lat: number) => {
    const [x, y] = projection([lon, lat])!;
    return hex(png.pixel(x, y));
  };
  const statusOf = (country: string): DecisionStatus =>
    library.facts.decisions.find((decision) => decision.country === country)!.status;

  it('is a PNG at least 800 px wide, the size the SVG says', () => {
    expect(png.width).toBe(map.width);
    expect(png.height).toBe(map.height);
    expect(png.width).toBeGreaterThanOrEqual(800);
    expect(map.missing).toEqual([]);
  });

  // Interior points well inside each country (away from borders and coasts at 1:110m).
  it.each([
    ['Australia', 134, -25],
    ['United States', -100, 39],
    ['India', 78.5, 21],
    ['Italy', 13, 42.5],
    ['Malaysia', 102, 4.2],
    ['Vietnam', 105.8, 21.2],
  ] as const)('fills %s in the colour of its status marker', (country, lon, lat) => {
    expect(at(lon, lat)).toBe(STATUS_COLOURS[statusOf(country)]);
  });

  it.each([
    ['Brazil', -52, -10],
    ['China', 103, 35],
    ['Russia', 90, 62],
  ] as const)('leaves %s (no decision) land grey', (_country, lon, lat) => {
    expect(at(lon, lat)).toBe(MAP_COLOURS.land);
  });

  it('draws the ocean in the ocean colour', () => {
    expect(at(-30, 0)).toBe(MAP_COLOURS.ocean);
  });

  it('has a legend line per status with its countries, and one for countries without a decision', () => {
    const legend = decisionsMapInput(library.facts, library.corpus.aliases).legend;
    expect(legend.map((entry) => entry.label)).toEqual([
      'Conditionally approved: Italy',
      'Likely to select: Malaysia',
      'Decided against: Japan, India, Vietnam',
      'Banned / blacklisted: Australia, United States',
      'No decision in the article',
    ]);
  });

  it('is rendered once per library and again for a reloaded one', async () => {
    const first = decisionsMap(library, silent);
    expect(decisionsMap(library, silent)).toBe(first);
    const reloaded = await loadLibrary(path.resolve('data'));
    expect(decisionsMap(reloaded, silent)).not.toBe(first);
  });
});

describe('countries the atlas lacks', () => {
  it('are listed in the legend instead of drawn, never a crash', () => {
    const base = library.facts.decisions[0]!;
    const facts: FactSet = {
      decisions: [
        { ...base, id: 'x', country: 'Atlantis', status: 'banned' },
        { ...base, id: 'y', country: 'Germany', status: 'approved' },
      ],
      arguments: [],
    };
    const drawn = mapSvg(loadAtlas(), decisionsMapInput(facts, library.corpus.aliases));
    expect(drawn.missing).toEqual(['Atlantis']);
    const filled = (colour: string) =>
      (drawn.svg.match(new RegExp(`<path [^>]*fill="${colour}"`, 'g')) ?? []).length;
    expect(drawn.svg.includes('Not drawn (not in the world atlas): Atlantis')).toBe(true);
    expect(filled(STATUS_COLOURS.approved)).toBe(1); // Germany
    expect(filled(STATUS_COLOURS.banned)).toBe(0); // Atlantis has no shape
    expect(() => decodePng(svgToPng(drawn.svg))).not.toThrow();
  });
});

describe('country names to atlas shapes', () => {
  const find = countryFinder(loadAtlas());
  it.each([
    [['United States'], 'United States of America'],
    [['US', 'USA'], 'United States of America'],
    [['Czech Republic'], 'Czechia'],
    [['Ivory Coast'], "Côte d'Ivoire"],
    [["Cote d'Ivoire"], "Côte d'Ivoire"],
    [['Democratic Republic of the Congo'], 'Dem. Rep. Congo'],
    [['Solomon Islands'], 'Solomon Is.'],
    [['Bosnia and Herzegovina'], 'Bosnia and Herz.'],
    [['the Netherlands'], 'Netherlands'],
    [['Atlantis', 'Vietnam'], 'Vietnam'],
  ])('%j → %s', (names, atlasName) => {
    expect(find(names)?.properties.name).toBe(atlasName);
  });

  it('finds nothing for a name it does not know', () => {
    expect(find(['Atlantis'])).toBeUndefined();
    expect(normaliseCountryName('Dem. Rep. Congo')).toBe('democratic republic congo');
  });
});
