/**
 * Facts: who decided what about a vendor's 5G gear, and who argues what, each pinned to a verbatim quote
 * and the ¶ it comes from. Plain data, validated once at load time (src/facts/load.ts), so everything
 * downstream (matching, commands, the CLI) can trust that a quote really is in its ¶.
 */

/** Outcomes a decision can have, in the order the bot lists them (most open to least). */
export const DECISION_STATUSES = [
  'approved',
  'conditionally-approved',
  'likely-to-select',
  'decided-against',
  'banned',
] as const;
export type DecisionStatus = (typeof DECISION_STATUSES)[number];

/** Which way an argument cuts; 'describes-position' explains a stance without taking one. */
export const ARGUMENT_SIDES = ['for-huawei-access', 'against-huawei-access', 'describes-position'] as const;
export type ArgumentSide = (typeof ARGUMENT_SIDES)[number];

/** Human labels for the vocabulary above; markers and wording around them belong to the bot. */
export const STATUS_LABELS: Readonly<Record<DecisionStatus, string>> = {
  approved: 'Approved',
  'conditionally-approved': 'Conditionally approved',
  'likely-to-select': 'Likely to select',
  'decided-against': 'Decided against',
  banned: 'Banned / blacklisted',
};
export const SIDE_LABELS: Readonly<Record<ArgumentSide, string>> = {
  'for-huawei-access': "For Huawei's access",
  'against-huawei-access': "Against Huawei's access",
  'describes-position': 'Describes a position',
};

/** The speaker value for claims the article makes in its own voice. */
export const THE_ARTICLE = 'the article';

export interface Speaker {
  readonly name: string;
  /** Who the speaker is, e.g. "Huawei board member"; shown next to the name. */
  readonly role: string;
}

/** Fields every fact has: where it comes from and the verbatim evidence. */
interface FactBase {
  /** Unique across all facts files, e.g. "italy-vodafone". */
  readonly id: string;
  readonly articleId: string;
  /** One line in the data author's own words (not a quote). */
  readonly summary: string;
  /** Verbatim substring of the cited paragraph (curly quotes and dashes exactly as in the article). */
  readonly quote: string;
  /** Body paragraph ¶N the quote comes from (captions are not citable facts). */
  readonly paragraph: number;
}

export interface Decision extends FactBase {
  readonly kind: 'decision';
  readonly country: string;
  /** The operator whose choice was decided on, when the article names one. */
  readonly operator?: string;
  readonly vendor: string;
  readonly status: DecisionStatus;
  /** Conditions attached to the decision, each verbatim in the cited paragraph (empty when none). */
  readonly conditions: readonly string[];
  /** When it happened, only where the article says (e.g. "2018"). */
  readonly when?: string;
  /** Ids of arguments that explain this decision (e.g. the law behind a ban); every id exists. */
  readonly reasons: readonly string[];
}

export interface Argument extends FactBase {
  readonly kind: 'argument';
  readonly speaker: Speaker | typeof THE_ARTICLE;
  readonly side: ArgumentSide;
}

export type Fact = Decision | Argument;

/** All facts of a data folder, in file order then entry order. */
export interface FactSet {
  readonly decisions: readonly Decision[];
  readonly arguments: readonly Argument[];
}

export const EMPTY_FACTS: FactSet = { decisions: [], arguments: [] };

/** "Vincent Peng (Huawei board member)" or "the article": how a speaker is named in replies and logs. */
export function speakerLabel(speaker: Argument['speaker']): string {
  return speaker === THE_ARTICLE ? THE_ARTICLE : `${speaker.name} (${speaker.role})`;
}

/** The subject a fact is about, for one-line listings and the CLI's `facts` JSON: country, or speaker. */
export function factSubject(fact: Fact): string {
  if (fact.kind === 'decision')
    return fact.operator === undefined ? fact.country : `${fact.country} (${fact.operator})`;
  return fact.speaker === THE_ARTICLE ? THE_ARTICLE : fact.speaker.name;
}

/** A fact as the CLI's `--json` output lists it: kind, subject, status or side, quote and ¶. */
export type FactRecord =
  | {
      readonly kind: 'decision';
      readonly id: string;
      readonly subject: string;
      readonly status: DecisionStatus;
      readonly conditions: readonly string[];
      readonly quote: string;
      readonly paragraph: number;
      readonly articleId: string;
    }
  | {
      readonly kind: 'argument';
      readonly id: string;
      readonly subject: string;
      readonly side: ArgumentSide;
      readonly quote: string;
      readonly paragraph: number;
      readonly articleId: string;
    };

export function factRecord(fact: Fact): FactRecord {
  const common = { id: fact.id, subject: factSubject(fact), quote: fact.quote, paragraph: fact.paragraph };
  return fact.kind === 'decision'
    ? {
        kind: 'decision',
        ...common,
        status: fact.status,
        conditions: fact.conditions,
        articleId: fact.articleId,
      }
    : { kind: 'argument', ...common, side: fact.side, articleId: fact.articleId };
}
