/**
 * The /decisions map: every country with a decision filled in its status colour (the colours of the
 * reply's markers, STATUS_COLOURS), with a legend. Rendered once per loaded library and cached: a data
 * reload (src/bot/watch.ts) builds a new library, so the next /decisions draws the new facts.
 */
import type { AliasTable } from '../corpus/types.js';
import type { Library } from '../library.js';
import { loadAtlas } from '../map/atlas.js';
import { MAP_COLOURS, mapSvg, svgToPng } from '../map/render.js';
import type { MapInput } from '../map/render.js';
import { aliasesOf } from '../facts/countries.js';
import { decisionsByStatus } from '../facts/match.js';
import { STATUS_LABELS } from '../facts/types.js';
import type { FactSet } from '../facts/types.js';
import type { Logger } from './log.js';
import type { Reply, ReplyFile } from './reply.js';
import { STATUS_COLOURS, SUMMARY_STRINGS } from './strings.js';

export const DECISIONS_MAP_FILE = 'decisions-map.png';

/**
 * What to draw: each country once, in the colour of its first status in listing order (a country with
 * decisions of two statuses is listed under both in the legend), then a grey swatch for the rest.
 */
export function decisionsMapInput(facts: FactSet, aliases: AliasTable): MapInput {
  const groups = decisionsByStatus(facts);
  const regions = groups.flatMap(({ status, decisions }) =>
    [...new Set(decisions.map((decision) => decision.country))].map((country) => ({
      names: aliasesOf(country, aliases),
      colour: STATUS_COLOURS[status],
    })),
  );
  const legend = groups.map(({ status, decisions }) => ({
    colour: STATUS_COLOURS[status],
    label: SUMMARY_STRINGS.mapLegend(STATUS_LABELS[status], [
      ...new Set(decisions.map((decision) => decision.country)),
    ]),
  }));
  legend.push({ colour: MAP_COLOURS.land, label: SUMMARY_STRINGS.mapNoDecision });
  const vendors = [...new Set(facts.decisions.map((decision) => decision.vendor))];
  return {
    title: SUMMARY_STRINGS.mapTitle(vendors),
    regions,
    legend,
    missingLabel: SUMMARY_STRINGS.mapMissing,
  };
}

export interface RenderedMap {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  readonly missing: readonly string[];
  readonly ms: number;
}

export function renderDecisionsMap(facts: FactSet, aliases: AliasTable): RenderedMap {
  const started = performance.now();
  const drawn = mapSvg(loadAtlas(), decisionsMapInput(facts, aliases));
  const png = svgToPng(drawn.svg);
  return {
    png,
    width: drawn.width,
    height: drawn.height,
    missing: drawn.missing,
    ms: performance.now() - started,
  };
}

/** One render per library; a failure is remembered too, so a broken renderer is logged once, not per call. */
const cache = new WeakMap<Library, RenderedMap | Error>();

export function decisionsMap(library: Library, log: Logger): RenderedMap | undefined {
  let entry = cache.get(library);
  if (entry === undefined) {
    try {
      entry = renderDecisionsMap(library.facts, library.corpus.aliases);
      log.info('decisions map rendered', { ms: entry.ms.toFixed(0), bytes: entry.png.length });
    } catch (error) {
      entry = error instanceof Error ? error : new Error(String(error));
      log.error(`cannot draw the decisions map, replying without it: ${entry.message}`);
    }
    cache.set(library, entry);
  }
  return entry instanceof Error ? undefined : entry;
}

/** The reply with the map attached, or unchanged when there are no decisions or the map cannot be drawn. */
export function withDecisionsMap(reply: Reply, library: Library, log: Logger): Reply {
  if (library.facts.decisions.length === 0) return reply;
  const map = decisionsMap(library, log);
  if (!map) return reply;
  const file: ReplyFile = {
    attachment: map.png,
    name: DECISIONS_MAP_FILE,
    description: SUMMARY_STRINGS.mapDescription,
  };
  return { ...reply, files: [...(reply.files ?? []), file] };
}
