/**
 * `npm run bench`: our engine against MiniSearch (BM25 + fuzzy, the yardstick) and fuse.js defaults,
 * in one run, on synthetic corpora of 1k, 10k and 100k passages (see bench/synthetic.ts), with two question
 * mixes per size: "mixed" (content words of one passage, some misspelt) and "frequent" (the corpus's most
 * frequent content words, spelt right: the longest postings lists, the hard case for an inverted index).
 *
 * For each size, engine and mix: build time (once per size and engine), heap after build (after a forced GC, so run node with
 * --expose-gc), per-query p50/p95/mean after a warm-up, and hit@1 on questions whose target passage
 * is known, so that speed bought by answering nothing shows up. Prints Markdown and writes it to
 * bench/results.md when the full default run was made.
 *
 * Options: --sizes 1000,10000   --queries 200   --ms-queries-100k 100   --engines ours,minisearch,fuse
 *          --mixes mixed,frequent   --out FILE (write the Markdown there even for a partial run)
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import * as prettier from 'prettier';

import type { Corpus, Passage } from '../src/corpus/types.js';
import type * as EngineModule from '../src/engine/index.js';
import type { Engine, Lexicon } from '../src/engine/index.js';
import {
  FREQUENT_WORD_POOL,
  functionWordSet,
  generateCorpus,
  generateFrequentWordQuestions,
  generateQuestions,
  type BenchQuestion,
} from './synthetic.js';

const DEFAULT_SIZES = [1_000, 10_000, 100_000];
const WARM_UP_QUESTIONS = 20;
/** Fuse.js scans every passage with bitap per query: it is only run at the smallest size. */
const FUSE_MAX_PASSAGES = 1_000;
/** Wall-clock cap for one engine's timed queries of one mix at one size, so a slow yardstick cannot blow the run. */
const QUERY_TIME_BUDGET_MS = 90_000;
const TARGETS = {
  speedup10k: 20,
  speedup100k: 50,
  p95At100kMs: 10,
  buildAt100kMs: 5_000,
  heapMb: 300,
} as const;

type EngineName = 'ours' | 'minisearch' | 'fuse';
type MixName = 'mixed' | 'frequent';
const MIXES: readonly MixName[] = ['mixed', 'frequent'];
const MIX_LABELS: Record<MixName, string> = { mixed: 'mixed, 1 in 4 misspelt', frequent: 'frequent words' };
const ENGINE_LABELS: Record<EngineName, string> = {
  ours: 'ours',
  minisearch: 'MiniSearch (fuzzy 0.2, prefix)',
  fuse: 'fuse.js (defaults)',
};

/** A built index reduced to what the benchmark needs: the id of the top passage, or undefined for no answer. */
type TopPassage = (question: string) => string | undefined;

interface Contender {
  readonly name: EngineName;
  /** Builds the index; returns the query function (which keeps the index alive). */
  build(corpus: Corpus, passages: readonly Passage[]): TopPassage;
  readonly maxQueries: (passageCount: number) => number;
  readonly warmUp: (passageCount: number) => number;
}

interface MixRun {
  /** Per-query latency in ms, in question order. */
  readonly latencies: readonly number[];
  /**
   * Per-query CPU time of the process in ms (process.cpuUsage): unlike wall time it leaves out waiting
   * for a CPU, so it stays meaningful when other jobs load the machine.
   */
  readonly cpuTimes: readonly number[];
  readonly hits: readonly boolean[];
  readonly answered: number;
}

interface Measurement {
  readonly engine: EngineName;
  readonly mixes: Readonly<Record<MixName, MixRun>>;
  readonly buildMs: number;
  /** heapUsed + arrayBuffers retained by the index (difference over the heap before building). */
  readonly indexHeapMb: number;
  /** heapUsed + arrayBuffers of the whole process after the build: corpus, lexicon and index. */
  readonly processHeapMb: number;
}

interface SizeReport {
  readonly passages: number;
  readonly tokens: number;
  readonly distinctWords: number;
  readonly generateMs: number;
  readonly measurements: readonly Measurement[];
}

const { values: args } = parseArgs({
  options: {
    sizes: { type: 'string' },
    queries: { type: 'string', default: '200' },
    'ms-queries-100k': { type: 'string', default: '100' },
    engines: { type: 'string', default: 'ours,minisearch,fuse' },
    mixes: { type: 'string', default: 'mixed,frequent' },
    out: { type: 'string' },
  },
});

function parsePositiveIntegers(text: string, flag: string): number[] {
  const numbers = text.split(',').map((part) => Number(part.trim()));
  if (numbers.some((n) => !Number.isInteger(n) || n <= 0)) {
    console.error(`bench: ${flag} expects positive integers separated by commas, got "${text}"`);
    process.exit(2);
  }
  return numbers;
}

const sizes = args.sizes === undefined ? DEFAULT_SIZES : parsePositiveIntegers(args.sizes, '--sizes');
const [questionCount = 200] = parsePositiveIntegers(args.queries, '--queries');
const [miniSearchQueriesAt100k = 100] = parsePositiveIntegers(args['ms-queries-100k'], '--ms-queries-100k');
const enabledEngines = new Set(args.engines.split(',').map((name) => name.trim()));
const enabledMixes = new Set(args.mixes.split(',').map((name) => name.trim()));

const gc = (globalThis as { gc?: () => void }).gc;
if (gc === undefined) {
  console.warn('bench: global.gc is not exposed (run node with --expose-gc); heap numbers include garbage');
}

/** heapUsed + arrayBuffers in bytes after full collections: typed-array indexes live outside the JS heap. */
function liveHeapBytes(): number {
  gc?.();
  gc?.();
  const usage = process.memoryUsage();
  return usage.heapUsed + usage.arrayBuffers;
}

const MB = 1024 * 1024;

async function loadOurEngine(notes: string[]): Promise<Contender | undefined> {
  let engineModule: typeof EngineModule;
  try {
    engineModule = await import('../src/engine/index.js');
  } catch (error) {
    notes.push(`Our engine could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
  let lexicon: Lexicon | undefined;
  try {
    const lexiconModule = await import('../src/lexicon.js');
    // The lexicon (word-frequency list) is corpus-independent, loaded once per process like loadLibrary does.
    const lexiconStart = performance.now();
    lexicon = lexiconModule.loadLexicon();
    lexiconLoadMs = performance.now() - lexiconStart;
  } catch (error) {
    notes.push(`Ours ran WITHOUT its lexicon: ${error instanceof Error ? error.message : String(error)}`);
  }
  return {
    name: 'ours',
    build(corpus) {
      const engine: Engine = engineModule.createEngine(corpus, { lexicon });
      return (question) => {
        const result = engine.search(question);
        return result.kind === 'answer' ? result.results[0]?.passage.id : undefined;
      };
    },
    maxQueries: () => questionCount,
    warmUp: () => WARM_UP_QUESTIONS,
  };
}
let lexiconLoadMs: number | undefined;

const miniSearchContender: Contender = {
  name: 'minisearch',
  build(_corpus, passages) {
    const index = new MiniSearch<Passage>({ fields: ['text'], searchOptions: { fuzzy: 0.2, prefix: true } });
    index.addAll(passages);
    return (question) => index.search(question)[0]?.id as string | undefined;
  },
  // Fuzzy search over a 300k-word radix tree costs up to seconds per query: fewer queries at 100k.
  maxQueries: (passageCount) => (passageCount >= 100_000 ? miniSearchQueriesAt100k : questionCount),
  warmUp: (passageCount) => (passageCount >= 100_000 ? 3 : WARM_UP_QUESTIONS),
};

const fuseContender: Contender = {
  name: 'fuse',
  build(_corpus, passages) {
    const fuse = new Fuse(passages.map((passage) => passage.text));
    return (question) => {
      const best = fuse.search(question)[0];
      return best === undefined ? undefined : passages[best.refIndex]?.id;
    };
  },
  maxQueries: () => questionCount,
  warmUp: () => 5,
};

function measure(
  contender: Contender,
  corpus: Corpus,
  passages: readonly Passage[],
  questionMixes: Readonly<Record<MixName, readonly BenchQuestion[]>>,
  warmUpQuestions: readonly BenchQuestion[],
): Measurement {
  const heapBefore = liveHeapBytes();
  const buildStart = performance.now();
  // Only this closure holds the index: it is released when measure() returns, before the next contender.
  const topPassage = contender.build(corpus, passages);
  const buildMs = performance.now() - buildStart;
  const heapAfter = liveHeapBytes();

  for (const question of warmUpQuestions.slice(0, contender.warmUp(passages.length)))
    topPassage(question.text);
  // Collect the build's garbage now, so no engine's queries pay for a collection caused by its build.
  gc?.();

  const run = (questions: readonly BenchQuestion[]): MixRun => {
    const latencies: number[] = [];
    const cpuTimes: number[] = [];
    const hits: boolean[] = [];
    let answered = 0;
    const deadline = performance.now() + QUERY_TIME_BUDGET_MS;
    for (const question of questions.slice(0, contender.maxQueries(passages.length))) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      const top = topPassage(question.text);
      const end = performance.now();
      const cpu = process.cpuUsage(cpuStart);
      latencies.push(end - start);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
      hits.push(top === question.targetId);
      if (top !== undefined) answered++;
      if (end > deadline) break;
    }
    return { latencies, cpuTimes, hits, answered };
  };
  // A mix left out (--mixes) runs no questions, so a profile shows one mix alone.
  const mixes = {
    mixed: run(enabledMixes.has('mixed') ? questionMixes.mixed : []),
    frequent: run(enabledMixes.has('frequent') ? questionMixes.frequent : []),
  };
  return {
    engine: contender.name,
    mixes,
    buildMs,
    indexHeapMb: (heapAfter - heapBefore) / MB,
    processHeapMb: heapAfter / MB,
  };
}

function percentile(values: readonly number[], fraction: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  // Nearest rank: the smallest value with at least `fraction` of the values at or below it.
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));
  return sorted[rank - 1] ?? Number.NaN;
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((sum, value) => sum + value, 0) / values.length;
}

const formatMs = (ms: number): string =>
  ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2);
const formatPercent = (fraction: number): string => `${(fraction * 100).toFixed(0)}%`;
const formatCount = (n: number): string => (n >= 1000 ? `${n / 1000}k` : String(n));

/** Speedup of ours over MiniSearch on the questions both ran (MiniSearch may run only a prefix of them). */
function speedup(ours: MixRun, mini: MixRun): { byMean: number; byP50: number; questions: number } {
  const common = Math.min(ours.latencies.length, mini.latencies.length);
  const oursCommon = ours.latencies.slice(0, common);
  const miniCommon = mini.latencies.slice(0, common);
  return {
    byMean: mean(miniCommon) / mean(oursCommon),
    byP50: percentile(miniCommon, 0.5) / percentile(oursCommon, 0.5),
    questions: common,
  };
}

function gitDescribeEngine(): string {
  try {
    const root = fileURLToPath(new URL('..', import.meta.url));
    const log = ['log', '-1', '--format=%h %s', '--', 'src/engine', 'src/lexicon.ts'];
    const commit = execFileSync('git', log, { cwd: root, encoding: 'utf8' }).trim() || 'uncommitted';
    const status = ['status', '--porcelain', '--', 'src/engine', 'src/lexicon.ts'];
    const dirty = execFileSync('git', status, { cwd: root, encoding: 'utf8' }).trim().length > 0;
    return dirty ? `${commit} (plus uncommitted changes)` : commit;
  } catch {
    return 'unknown';
  }
}

function renderMarkdown(reports: readonly SizeReport[], notes: readonly string[]): string {
  const lines: string[] = [];
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  lines.push(
    `Synthetic corpora (~60-word passages, Zipf word frequencies, vocabulary growing with size), ` +
      `${questionCount} questions per size and mix: "mixed" (6–9 words from one passage, ~1 word in 4 misspelt) ` +
      `and "frequent words" (3–6 of the corpus's ${FREQUENT_WORD_POOL} most frequent content words, from one passage, spelt right). ` +
      `Node ${process.version}, ${cpu} × ${os.cpus().length}, ${new Date().toISOString().slice(0, 10)}, ` +
      `engine at ${gitDescribeEngine()}. Load average when the run ended: ${os
        .loadavg()
        .map((load) => load.toFixed(1))
        .join(' / ')} ` +
      `(1 / 5 / 15 min; above ${os.cpus().length} the timings include waiting for a CPU).`,
    '',
    '| Passages | Distinct words | Engine | Build | Heap after build (index / process) | Mix | p50 / query | p95 / query | p95 CPU time | Mean / query | hit@1 | Answered | Queries |',
    '|---:|---:|---|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|',
  );
  for (const report of reports) {
    for (const m of report.measurements) {
      for (const mix of MIXES) {
        const run = m.mixes[mix];
        lines.push(
          `| ${formatCount(report.passages)} | ${report.distinctWords.toLocaleString('en-US')} | ${ENGINE_LABELS[m.engine]} ` +
            `| ${formatMs(m.buildMs)} ms | ${m.indexHeapMb.toFixed(0)} / ${m.processHeapMb.toFixed(0)} MB ` +
            `| ${MIX_LABELS[mix]} | ${formatMs(percentile(run.latencies, 0.5))} ms | ${formatMs(percentile(run.latencies, 0.95))} ms ` +
            `| ${formatMs(percentile(run.cpuTimes, 0.95))} ms ` +
            `| ${formatMs(mean(run.latencies))} ms | ${formatPercent(run.hits.filter(Boolean).length / run.hits.length)} ` +
            `| ${formatPercent(run.answered / run.latencies.length)} | ${run.latencies.length} |`,
        );
      }
    }
  }

  const verdicts: string[] = [];
  const pass = (ok: boolean): string => (ok ? '**pass**' : '**FAIL**');
  lines.push(
    '',
    '| Passages | Mix | Speedup vs MiniSearch (ratio of means) | Ratio of p50s | On questions |',
    '|---:|---|---:|---:|---:|',
  );
  for (const report of reports) {
    const ours = report.measurements.find((m) => m.engine === 'ours');
    const mini = report.measurements.find((m) => m.engine === 'minisearch');
    if (ours === undefined || mini === undefined) continue;
    for (const mix of MIXES) {
      const ratio = speedup(ours.mixes[mix], mini.mixes[mix]);
      lines.push(
        `| ${formatCount(report.passages)} | ${MIX_LABELS[mix]} | ${ratio.byMean.toFixed(1)}× | ${ratio.byP50.toFixed(1)}× | ${ratio.questions} |`,
      );
      const target =
        report.passages === 10_000
          ? TARGETS.speedup10k
          : report.passages === 100_000
            ? TARGETS.speedup100k
            : undefined;
      if (target !== undefined) {
        verdicts.push(
          `- Speedup at ${formatCount(report.passages)}, ${MIX_LABELS[mix]} ≥ ${target}× (ratio of means): ${ratio.byMean.toFixed(1)}× ${pass(ratio.byMean >= target)}`,
        );
      }
    }
  }
  const largest = reports
    .find((report) => report.passages === 100_000)
    ?.measurements.find((m) => m.engine === 'ours');
  if (largest !== undefined) {
    for (const mix of MIXES) {
      const p95 = percentile(largest.mixes[mix].latencies, 0.95);
      const cpuP95 = percentile(largest.mixes[mix].cpuTimes, 0.95);
      verdicts.push(
        `- p95 at 100k, ${MIX_LABELS[mix]}, warm ≤ ${TARGETS.p95At100kMs} ms: ${formatMs(p95)} ms ${pass(p95 <= TARGETS.p95At100kMs)} ` +
          `(CPU time p95 ${formatMs(cpuP95)} ms)`,
      );
    }
    verdicts.push(
      `- Build at 100k ≤ ${TARGETS.buildAt100kMs / 1000} s: ${(largest.buildMs / 1000).toFixed(2)} s ${pass(largest.buildMs <= TARGETS.buildAt100kMs)}`,
      `- Heap at 100k ≤ ${TARGETS.heapMb} MB (whole process after build, corpus and lexicon included): ` +
        `${largest.processHeapMb.toFixed(0)} MB ${pass(largest.processHeapMb <= TARGETS.heapMb)}`,
    );
  }
  if (verdicts.length > 0) lines.push('', 'Targets:', '', ...verdicts);
  if (notes.length > 0) lines.push('', 'Notes:', '', ...notes.map((note) => `- ${note}`));
  return `${lines.join('\n')}\n`;
}

async function main(): Promise<void> {
  const notes: string[] = [];
  const contenders: Contender[] = [];
  if (enabledEngines.has('ours')) {
    const ours = await loadOurEngine(notes);
    if (ours !== undefined) contenders.push(ours);
    for (const note of notes) console.warn(`bench: ${note}`);
  }
  if (enabledEngines.has('minisearch')) contenders.push(miniSearchContender);
  if (enabledEngines.has('fuse')) contenders.push(fuseContender);

  const functionWords = functionWordSet();
  const reports: SizeReport[] = [];
  for (const size of sizes) {
    const generateStart = performance.now();
    const synthetic = generateCorpus(size);
    const generateMs = performance.now() - generateStart;
    const questions = {
      mixed: generateQuestions(synthetic.passages, questionCount, size, functionWords),
      frequent: generateFrequentWordQuestions(synthetic.passages, questionCount, size + 2, functionWords),
    };
    const warmUp = generateQuestions(synthetic.passages, WARM_UP_QUESTIONS, size + 1, functionWords);
    console.error(
      `bench: ${size} passages, ${synthetic.tokenCount} words, ${synthetic.distinctWords} distinct (generated in ${formatMs(generateMs)} ms)`,
    );
    const measurements: Measurement[] = [];
    for (const contender of contenders) {
      if (contender.name === 'fuse' && size > FUSE_MAX_PASSAGES) continue;
      const m = measure(contender, synthetic.corpus, synthetic.passages, questions, warmUp);
      for (const mix of MIXES) {
        const run = m.mixes[mix];
        console.error(
          `bench:   ${contender.name}: build ${formatMs(m.buildMs)} ms, heap ${m.indexHeapMb.toFixed(0)}/${m.processHeapMb.toFixed(0)} MB, ` +
            `${mix}: p50 ${formatMs(percentile(run.latencies, 0.5))} ms, p95 ${formatMs(percentile(run.latencies, 0.95))} ms ` +
            `(CPU ${formatMs(percentile(run.cpuTimes, 0.95))} ms), ` +
            `hit@1 ${formatPercent(run.hits.filter(Boolean).length / run.hits.length)} over ${run.latencies.length}`,
        );
      }
      measurements.push(m);
    }
    reports.push({
      passages: size,
      tokens: synthetic.tokenCount,
      distinctWords: synthetic.distinctWords,
      generateMs,
      measurements,
    });
  }

  if (lexiconLoadMs !== undefined) {
    notes.push(
      `Our build time excludes loading the word-frequency lexicon (${formatMs(lexiconLoadMs)} ms, once per process, independent of corpus size); its memory is in the process heap.`,
    );
  }
  notes.push(
    'Latency: performance.now() around one search call, after a warm-up on separate questions; p50/p95 are nearest-rank percentiles.',
    'Heap: heapUsed + arrayBuffers after forced GC; "index" is the growth over the heap before building (within a few MB of GC noise, so it can read negative at 1k), "process" includes the corpus, the lexicon and the benchmark itself.',
    `MiniSearch runs ${miniSearchQueriesAt100k} of the questions at 100k (fuzzy search over the large vocabulary is slow); speedups compare both engines on the same questions. fuse.js runs at 1k only.`,
    'hit@1: the top result is the passage the question was drawn from; "answered" counts queries that returned any result.',
  );
  const markdown = renderMarkdown(reports, notes);
  console.log(markdown);
  const fullRun =
    DEFAULT_SIZES.every((size) => sizes.includes(size)) && contenders.length === 3 && enabledMixes.size === 2;
  const outFile = args.out ?? (fullRun ? fileURLToPath(new URL('results.md', import.meta.url)) : undefined);
  if (outFile !== undefined) {
    const document = `# Engine benchmark\n\nGenerated by \`npm run bench\`.\n\n${markdown}`;
    // Formatted like the rest of the repository, so `npm test` (prettier --check) accepts the file as written.
    const style = (await prettier.resolveConfig(outFile)) ?? {};
    writeFileSync(outFile, await prettier.format(document, { ...style, filepath: outFile }));
    console.error(`bench: wrote ${outFile}`);
  }
}

await main();
