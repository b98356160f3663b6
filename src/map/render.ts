/**
 * A world map with some countries filled in colours and a legend under it: SVG built from the atlas with
 * d3-geo (Natural Earth projection), rasterised to PNG with resvg. No Discord and no facts here: the bot
 * decides which country gets which colour (src/bot/decisions-map.ts).
 */
import { Resvg } from '@resvg/resvg-js';
import { geoNaturalEarth1, geoPath } from 'd3-geo';
import type { GeoProjection } from 'd3-geo';
import type { Atlas } from './atlas.js';
import { countryFinder } from './atlas.js';

export interface MapRegion {
  /** Names to find the country by in the atlas (its name first, then aliases); the first is shown. */
  readonly names: readonly string[];
  readonly colour: string;
}

export interface LegendEntry {
  readonly colour: string;
  readonly label: string;
}

export interface MapInput {
  readonly title: string;
  readonly regions: readonly MapRegion[];
  readonly legend: readonly LegendEntry[];
  /** A last legend line for countries the atlas cannot draw, given their names. */
  readonly missingLabel: (names: readonly string[]) => string;
  readonly width?: number;
}

export interface MapSvg {
  readonly svg: string;
  readonly width: number;
  readonly height: number;
  /** Regions not found in the atlas (listed in the legend instead of drawn). */
  readonly missing: readonly string[];
}

export const DEFAULT_MAP_WIDTH = 1200;
const PAD = 16;
const TITLE_HEIGHT = 44;
const LEGEND_LINE = 30;
const SWATCH = 18;
const FONT = 'DejaVu Sans, Arial, Helvetica, sans-serif';
export const MAP_COLOURS = { ocean: '#eef3f8', land: '#d4d4d4', border: '#ffffff', text: '#222222' } as const;

/**
 * The projection the map is drawn with for `width`, exported so tests can find where a longitude/latitude
 * lands in the picture.
 */
export function mapProjection(atlas: Atlas, width: number = DEFAULT_MAP_WIDTH): GeoProjection {
  const world = { type: 'FeatureCollection' as const, features: [...atlas.countries] };
  const projection = geoNaturalEarth1().fitWidth(width - 2 * PAD, world);
  const [[x0, y0]] = geoPath(projection).bounds(world);
  const [tx, ty] = projection.translate();
  return projection.translate([tx + PAD - x0, ty + TITLE_HEIGHT - y0]);
}

export function mapSvg(atlas: Atlas, input: MapInput): MapSvg {
  const width = input.width ?? DEFAULT_MAP_WIDTH;
  const projection = mapProjection(atlas, width);
  const path = geoPath(projection);
  const world = { type: 'FeatureCollection' as const, features: [...atlas.countries] };
  const mapBottom = Math.ceil(path.bounds(world)[1][1]);

  const find = countryFinder(atlas);
  const fills = new Map<string, string>();
  const missing: string[] = [];
  for (const region of input.regions) {
    const country = find(region.names);
    if (!country) missing.push(region.names[0] ?? '?');
    else if (!fills.has(country.properties.name)) fills.set(country.properties.name, region.colour);
  }

  const shapes = atlas.countries.map((country) => {
    const d = path(country) ?? '';
    const fill = fills.get(country.properties.name) ?? MAP_COLOURS.land;
    return `<path d="${d}" fill="${fill}" stroke="${MAP_COLOURS.border}" stroke-width="0.6"/>`;
  });
  const legend = [...input.legend];
  const lines = legend.map((entry, i) => {
    const y = mapBottom + PAD + i * LEGEND_LINE;
    return (
      `<rect x="${PAD}" y="${y}" width="${SWATCH}" height="${SWATCH}" rx="3" fill="${entry.colour}" stroke="#555" stroke-width="0.5"/>` +
      `<text x="${PAD + SWATCH + 10}" y="${y + SWATCH - 4}" font-size="16">${xml(entry.label)}</text>`
    );
  });
  if (missing.length) {
    const y = mapBottom + PAD + legend.length * LEGEND_LINE;
    lines.push(
      `<text x="${PAD}" y="${y + SWATCH - 4}" font-size="16">${xml(input.missingLabel(missing))}</text>`,
    );
  }
  const height = mapBottom + PAD + lines.length * LEGEND_LINE + PAD;
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${PAD}" y="${TITLE_HEIGHT - 14}" font-size="22" font-weight="bold" font-family="${FONT}" fill="${MAP_COLOURS.text}">${xml(input.title)}</text>`,
    // The globe's outline, cut where the map ends (Antarctica is left out, so its ocean is too).
    `<clipPath id="map"><rect x="0" y="0" width="${width}" height="${mapBottom + 4}"/></clipPath>`,
    `<path d="${path({ type: 'Sphere' }) ?? ''}" fill="${MAP_COLOURS.ocean}" clip-path="url(#map)"/>`,
    ...shapes,
    `<g font-family="${FONT}" fill="${MAP_COLOURS.text}">`,
    ...lines,
    '</g>',
    '</svg>',
  ].join('\n');
  return { svg, width, height, missing };
}

/**
 * Rasterise at the SVG's own size. System fonts are loaded for the title and legend text; where there are
 * none, resvg leaves text out and the coloured swatches still carry the legend.
 */
export function svgToPng(svg: string): Buffer {
  return new Resvg(svg, {
    fitTo: { mode: 'original' },
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
}

function xml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
