/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`) as the functions with the most self time,
 * so a profile of the benchmark can be read without DevTools:
 *
 *   node --expose-gc --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/engine.ts --sizes 100000 --engines ours
 *   npx tsx bench/cpuprofile-summary.ts /tmp/prof/*.cpuprofile [top=25] [filter=src/engine]
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { functionName: string; url: string; lineNumber: number };
  readonly children?: readonly number[];
}
interface Profile {
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

// Piping into `head` closes stdout early: that is not an error worth a stack trace.
process.stdout.on('error', () => process.exit(0));

const [file, topArg = '25', filter = ''] = process.argv.slice(2);
if (file === undefined) {
  console.error('usage: tsx bench/cpuprofile-summary.ts FILE.cpuprofile [top] [url-filter]');
  process.exit(2);
}
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node.id);

const label = (node: ProfileNode): string => {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.replace(/^file:\/\/.*?\/(src|bench|node_modules)\//, '$1/');
  return `${functionName || '(anonymous)'} ${where}:${lineNumber + 1}`;
};

// Self time per function; inclusive time counts a function once per sample even when recursive.
const self = new Map<string, number>();
const inclusive = new Map<string, number>();
let total = 0;
profile.samples.forEach((sampleId, i) => {
  const micros = profile.timeDeltas[i] ?? 0;
  total += micros;
  const node = byId.get(sampleId);
  if (node === undefined) return;
  self.set(label(node), (self.get(label(node)) ?? 0) + micros);
  const seen = new Set<string>();
  for (let id: number | undefined = sampleId; id !== undefined; id = parentOf.get(id)) {
    const ancestor = byId.get(id);
    if (ancestor === undefined) break;
    const name = label(ancestor);
    if (seen.has(name)) continue;
    seen.add(name);
    inclusive.set(name, (inclusive.get(name) ?? 0) + micros);
  }
});

const top = Number(topArg);
const print = (title: string, table: Map<string, number>): void => {
  console.log(`\n${title} (total ${(total / 1000).toFixed(0)} ms)`);
  [...table]
    .filter(([name]) => name.includes(filter))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .forEach(([name, micros]) =>
      console.log(
        `${(micros / 1000).toFixed(0).padStart(8)} ms ${((100 * micros) / total).toFixed(1).padStart(5)}%  ${name}`,
      ),
    );
};
print('Self time', self);
print('Inclusive time', inclusive);
