import { nameSkeleton } from '#libs/content';

/**
 * Text normalisation shared by the watched-words matcher and its patterns, so a pattern and the
 * text it is matched against are folded the same way.
 *
 * - NFKC folds look-alike forms (full-width letters, ligatures) into ordinary letters.
 * - Zero-width characters and the soft hyphen are removed: they are invisible and are the
 *   cheapest way to slip a word past a filter ("sel\u200Bvmord").
 * - Lower case with æ, ø and å kept as the distinct letters they are (å is not a). The Swedish
 *   and German spellings ö and ä, common on borrowed keyboards, are read as ø and æ.
 */
const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/g;

export function normalizeText(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase().replace(/ö/g, 'ø').replace(/ä/g, 'æ');
}

/**
 * A word as compared: its look-alike skeleton (the one names use, libs/content), so "fоrbudt" with
 * a Cyrillic о, "fórbudt" with an accent and "ƒorbudt" are "forbudt"; å and ø stay themselves.
 */
export function matchingForm(word: string): string {
  return nameSkeleton(word);
}

/** A word character: any letter or digit, in any script, and the marks written on them. */
export function isWordChar(ch: string): boolean {
  return /[\p{L}\p{N}\p{M}]/u.test(ch);
}

/** Characters between two words that end a sentence or clause: a phrase never spans them. */
export function isHardBreak(ch: string): boolean {
  return ch === '.' || ch === '!' || ch === '?' || ch === ';' || ch === ':' || ch === '\n' || ch === '\r';
}

export interface Token {
  word: string;
  start: number;
  end: number;
  /** A sentence break (". ! ? ; :" or a line break) stands between this word and the one before. */
  breakBefore: boolean;
}

/** Splits normalised text into words in one pass: linear in the length of the text. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let start = -1;
  let sawBreak = false;
  let i = 0;
  for (const ch of text) {
    const len = ch.length;
    if (isWordChar(ch)) {
      if (start < 0) start = i;
    } else {
      if (start >= 0) {
        tokens.push({ word: text.slice(start, i), start, end: i, breakBefore: sawBreak });
        start = -1;
        sawBreak = false;
      }
      if (isHardBreak(ch)) sawBreak = true;
    }
    i += len;
  }
  if (start >= 0) tokens.push({ word: text.slice(start, i), start, end: i, breakBefore: sawBreak });
  return tokens;
}
