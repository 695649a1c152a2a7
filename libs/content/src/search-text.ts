/**
 * What PostgreSQL's text-search parser is given, and what a search may ask of it.
 *
 * The parser backtracks over runs of punctuation between letters (`_a_a_a…`, `-a-a-a…`): 20,000
 * such characters cost seconds of database time per post, and a phrase query of many words over a
 * long text makes `ts_headline` explode in time and memory. So the parser only ever sees words
 * separated by whitespace (sentence punctuation kept where a space follows it), and a query is at
 * most a few words. Stemming works on the words as before.
 */

/** The most words a search may hold, and the most in one quoted phrase. */
export const MAX_SEARCH_WORDS = 8;
export const MAX_PHRASE_WORDS = 4;
/** A word longer than this is cut into pieces (PostgreSQL ignores words over 2,047 characters anyway). */
const MAX_WORD_LENGTH = 60;
/** Headlines are made from this much of the text. */
export const HEADLINE_TEXT_LENGTH = 3_000;

const NOT_TEXT = /[^\p{L}\p{M}\p{N}\s.,!?:;]/gu;
const LOOSE_PUNCTUATION = /[.,!?:;]+(?!\s|$)/gu;
const LONG_WORD = new RegExp(`[^\\s]{${MAX_WORD_LENGTH}}(?=[^\\s])`, 'gu');

/** Text in the one shape the parser handles in linear time: words, spaces and sentence punctuation. */
export function searchableText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(NOT_TEXT, ' ')
    .replace(LOOSE_PUNCTUATION, ' ')
    .replace(LONG_WORD, '$& ')
    .replace(/[^\S\n]+/gu, ' ')
    .trim();
}

/** The words of a piece of a query, punctuation gone. */
function wordsOf(text: string): string[] {
  return searchableText(text)
    .replace(/[.,!?:;]/gu, ' ')
    .split(/\s+/u)
    .filter(Boolean);
}

export interface SearchQuery {
  /** For `websearch_to_tsquery`: clean words, phrases in quotes, exclusions with a minus. */
  match: string;
  /** The wanted words joined with `or`, for headlines: no phrases, so a headline is cheap. */
  highlight: string;
  /**
   * The wanted words to find inside longer words too (Norwegian compounds: "innleggelse" in
   * "tvangsinnleggelse"), each at least COMPOUND_MIN_LENGTH letters; null when the query has a
   * phrase, an exclusion or a shorter word, where only the stemmed match is meant.
   */
  compound: string[] | null;
}

/** Shorter words would match inside far too many others ("syk" in "psykisk"). */
export const COMPOUND_MIN_LENGTH = 5;

/**
 * A user's search as a bounded query: at most MAX_SEARCH_WORDS words, phrases of at most
 * MAX_PHRASE_WORDS, each word once. `null` when nothing searchable is left.
 */
export function parseSearchQuery(q: string): SearchQuery | null {
  const parts: string[] = [];
  const wanted: string[] = [];
  const seen = new Set<string>();
  let plain = true;
  let budget = MAX_SEARCH_WORDS;
  for (const [, minus, phrase, word] of q.matchAll(/(-?)(?:"([^"]*)"?|(\S+))/gu)) {
    if (budget === 0) break;
    const found = wordsOf(phrase ?? word).map((w) => w.toLowerCase());
    const words = (phrase === undefined ? [...new Set(found)] : found).slice(0, Math.min(budget, MAX_PHRASE_WORDS));
    const key = `${minus}${words.join(' ')}`;
    if (words.length === 0 || seen.has(key)) continue;
    seen.add(key);
    budget -= words.length;
    if (minus || (phrase !== undefined && words.length > 1)) plain = false;
    if (phrase !== undefined && words.length > 1) parts.push(`${minus}"${words.join(' ')}"`);
    else parts.push(...words.map((w) => `${minus}${w}`));
    if (!minus) wanted.push(...words);
  }
  if (wanted.length === 0) return null;
  const unique = [...new Set(wanted)];
  const compound = plain && unique.every((w) => [...w].length >= COMPOUND_MIN_LENGTH) ? unique : null;
  return { match: parts.join(' '), highlight: unique.join(' or '), compound };
}
