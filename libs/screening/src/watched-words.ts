import { matchingForm, normalizeText, tokenize, type Token } from './normalize.js';

import { WATCHED_ACTIONS, type WatchedAction } from '#libs/contracts';

export { WATCHED_ACTIONS, type WatchedAction };

/**
 * Strongest first. `block` refuses the text outright, so it outranks `crisis`; callers that
 * show help to a writer in crisis check `crisis` among the matches, not only the top action.
 */
const STRENGTH: Record<WatchedAction, number> = { block: 4, crisis: 3, review: 2, flag: 1 };

export function strongest(actions: Iterable<WatchedAction>): WatchedAction | null {
  let best: WatchedAction | null = null;
  for (const a of actions) if (!best || STRENGTH[a] > STRENGTH[best]) best = a;
  return best;
}

/** Bounds on what an administrator can enter, so no list can make screening slow. */
export const PATTERN_LIMITS = {
  /** Characters in one pattern, after normalisation. */
  maxLength: 64,
  /** Words in one phrase. */
  maxWords: 6,
  /** Patterns in the whole list. */
  maxPatterns: 500,
  /** The longest word of a pattern has at least this many letters; a stem before `*` at least minStemLength. */
  minWordLength: 2,
  minStemLength: 3,
} as const;

/**
 * Common endings of Norwegian (bokmål and nynorsk) nouns, verbs and adjectives. A pattern word
 * matches a word of the text when the text's word is the pattern word plus one of these:
 * "selvmord" matches "selvmordet", "kutte" matches "kutter" and "kuttet", "overdose" matches
 * "overdosen". Compounds are not inflections: "selvmordstanker" needs the pattern "selvmord*".
 */
export const INFLECTION_SUFFIXES: ReadonlySet<string> = new Set([
  'a',
  'e',
  'n',
  'r',
  's',
  't',
  'ar',
  'de',
  'en',
  'er',
  'es',
  'et',
  'ne',
  'ta',
  'te',
  'ane',
  'dde',
  'ene',
  'ens',
  'ere',
  'ers',
  'est',
  'ets',
  'ing',
  'tte',
  'erne',
  'este',
  'inga',
  'ings',
  'ingar',
  'ingen',
  'inger',
]);
const MAX_SUFFIX = 5;

export interface WatchedWordEntry {
  id?: string;
  pattern: string;
  action: WatchedAction;
}

export interface ScreeningMatch {
  id?: string;
  pattern: string;
  action: WatchedAction;
  /** The words of the text that matched, as written (after normalisation). */
  text: string;
}

export interface ScreeningResult {
  /** The strongest action among the matches, or null when nothing matched. */
  action: WatchedAction | null;
  /** Each pattern that matched, once, in list order. */
  matches: ScreeningMatch[];
}

export const NO_MATCH: ScreeningResult = Object.freeze({ action: null, matches: [] }) as ScreeningResult;

export function hasAction(result: ScreeningResult, action: WatchedAction): boolean {
  return result.matches.some((m) => m.action === action);
}

export type PatternCheck = { ok: true; pattern: string } | { ok: false; reason: string };

/**
 * Checks an administrator's pattern and returns its stored form: one to six words of letters and
 * digits, separated by single spaces, lower case; a word may end in `*` to match any ending
 * (compounds). Nothing else is special: a pattern is never a regular expression.
 */
export function checkPattern(raw: string): PatternCheck {
  const words = normalizeText(raw).trim().split(/\s+/).filter(Boolean);
  const pattern = words.join(' ');
  if (words.length === 0) return { ok: false, reason: 'The pattern is empty.' };
  if (pattern.length > PATTERN_LIMITS.maxLength)
    return { ok: false, reason: `A pattern can be at most ${PATTERN_LIMITS.maxLength} characters.` };
  if (words.length > PATTERN_LIMITS.maxWords)
    return { ok: false, reason: `A phrase can have at most ${PATTERN_LIMITS.maxWords} words.` };
  let longest = 0;
  for (const word of words) {
    const star = word.endsWith('*');
    const stem = star ? word.slice(0, -1) : word;
    if (!/^[\p{L}\p{N}]+$/u.test(stem)) {
      return {
        ok: false,
        reason:
          'A pattern holds only letters and digits, with words separated by spaces; a word may end in * to match any ending.',
      };
    }
    const length = [...stem].length;
    if (star && length < PATTERN_LIMITS.minStemLength)
      return {
        ok: false,
        reason: `A word ending in * needs at least ${PATTERN_LIMITS.minStemLength} letters before the *.`,
      };
    longest = Math.max(longest, length);
  }
  // One-letter words are fine inside a phrase ("ønske å dø"), not as the whole pattern.
  if (longest < PATTERN_LIMITS.minWordLength)
    return { ok: false, reason: `A pattern needs a word of at least ${PATTERN_LIMITS.minWordLength} letters.` };
  return { ok: true, pattern };
}

/** A word of the text with its `matchingForm`, which patterns are compared with. */
interface FoldedToken extends Token {
  folded: string;
}

interface PatternWord {
  stem: string;
  prefix: boolean;
}

interface CompiledPattern {
  entry: WatchedWordEntry;
  index: number;
  words: PatternWord[];
}

function wordMatches(p: PatternWord, word: string): boolean {
  if (p.prefix) return word.startsWith(p.stem);
  if (word === p.stem) return true;
  const extra = word.length - p.stem.length;
  return (
    extra > 0 && extra <= MAX_SUFFIX && word.startsWith(p.stem) && INFLECTION_SUFFIXES.has(word.slice(p.stem.length))
  );
}

/**
 * A compiled watched-words list. Patterns are indexed by their first word, so screening looks
 * each word of the text up a bounded number of times (the word itself, the word minus each
 * inflection ending, its prefixes up to the longest pattern word) and then compares at most
 * `maxWords` following words per candidate: linear in the length of the text, with a constant
 * bounded by PATTERN_LIMITS. There is no regular expression an administrator could make slow.
 */
export class WatchedWordMatcher {
  private readonly exact = new Map<string, CompiledPattern[]>();
  private readonly prefixes = new Map<string, CompiledPattern[]>();
  private readonly longestPrefix: number;
  readonly size: number;

  constructor(entries: readonly WatchedWordEntry[]) {
    let longest = 0;
    let index = 0;
    for (const entry of entries.slice(0, PATTERN_LIMITS.maxPatterns)) {
      const checked = checkPattern(entry.pattern);
      if (!checked.ok) continue;
      const words = checked.pattern
        .split(' ')
        .map((w) =>
          w.endsWith('*')
            ? { stem: matchingForm(w.slice(0, -1)), prefix: true }
            : { stem: matchingForm(w), prefix: false },
        );
      const compiled: CompiledPattern = { entry, index: index++, words };
      const first = words[0];
      const map = first.prefix ? this.prefixes : this.exact;
      map.set(first.stem, [...(map.get(first.stem) ?? []), compiled]);
      if (first.prefix) longest = Math.max(longest, first.stem.length);
    }
    this.longestPrefix = longest;
    this.size = index;
  }

  /** Calls `visit` with every pattern whose first word could match `word`. */
  private forEachCandidate(word: string, visit: (p: CompiledPattern) => void): void {
    const own = this.exact.get(word);
    if (own) for (const p of own) visit(p);
    for (let cut = 1; cut <= MAX_SUFFIX && cut < word.length; cut++) {
      if (!INFLECTION_SUFFIXES.has(word.slice(word.length - cut))) continue;
      const list = this.exact.get(word.slice(0, word.length - cut));
      if (list) for (const p of list) visit(p);
    }
    const upTo = Math.min(this.longestPrefix, word.length);
    for (let len = PATTERN_LIMITS.minStemLength; len <= upTo; len++) {
      const list = this.prefixes.get(word.slice(0, len));
      if (list) for (const p of list) visit(p);
    }
  }

  private matchAt(tokens: FoldedToken[], at: number, pattern: CompiledPattern): boolean {
    const { words } = pattern;
    if (at + words.length > tokens.length) return false;
    for (let k = 0; k < words.length; k++) {
      const token = tokens[at + k];
      if (k > 0 && token.breakBefore) return false;
      if (!wordMatches(words[k], token.folded)) return false;
    }
    return true;
  }

  screen(text: string): ScreeningResult {
    if (this.size === 0 || !text) return NO_MATCH;
    const normalized = normalizeText(text);
    const folds = new Map<string, string>();
    const tokens: FoldedToken[] = tokenize(normalized).map((t) => {
      let folded = folds.get(t.word);
      if (folded === undefined) folds.set(t.word, (folded = matchingForm(t.word)));
      return { ...t, folded };
    });
    const found = new Map<number, ScreeningMatch>();
    for (let i = 0; i < tokens.length; i++) {
      this.forEachCandidate(tokens[i].folded, (candidate) => {
        if (found.has(candidate.index) || !this.matchAt(tokens, i, candidate)) return;
        const last = tokens[i + candidate.words.length - 1];
        found.set(candidate.index, {
          ...(candidate.entry.id !== undefined ? { id: candidate.entry.id } : {}),
          pattern: candidate.entry.pattern,
          action: candidate.entry.action,
          text: normalized.slice(tokens[i].start, last.end),
        });
      });
    }
    if (found.size === 0) return NO_MATCH;
    const matches = [...found.entries()].sort((a, b) => a[0] - b[0]).map(([, m]) => m);
    return { action: strongest(matches.map((m) => m.action)), matches };
  }
}
