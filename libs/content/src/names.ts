import unhomoglyph from 'unhomoglyph';

/**
 * Characters that change how text around them is shown without being seen: bidirectional
 * embeddings, overrides and isolates (which can make "gpj.exe" read "exe.jpg" or reverse a name),
 * and the C1 control characters. Nothing a person means to write needs them here.
 */
const SPOOFING_CONTROLS = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/**
 * Also invisible in a name: the characters Unicode says to ignore when they can't be shown (marks
 * of direction, zero-width and joining characters, soft hyphens, variation selectors, the blank
 * "fillers" some scripts have) and the blank braille cell.
 */
const INVISIBLE_IN_NAMES = /[\p{Default_Ignorable_Code_Point}\u2800]/gu;

/** The control characters (line breaks, tabs, NUL …): never part of a name. */
const CONTROLS = /\p{Cc}/u;

/** Combining marks a skeleton keeps: the ring of å and the stroke of ø, so "Åse" is not "Ase". */
const KEPT_MARKS = /[\u030A\u0338]/u;

/** Text with the controls that could spoof how it reads taken out (any text a person writes). */
export function withoutSpoofingControls(text: string): string {
  return text.replace(SPOOFING_CONTROLS, '');
}

/**
 * The skeleton of a name or word (Unicode TR39, through the confusables data in `unhomoglyph`,
 * after NFKC and with accents taken off): two texts with one skeleton look alike ("Kari Vert"
 * with a Cyrillic а, "аdmin", "0la", "Ｂoss", "fórbudt"). Compared, never shown. Case does not
 * count; Norwegian letters stay themselves (å is not a, ø is not o). Names and watched words are
 * matched by this one function.
 */
export function nameSkeleton(name: string): string {
  const visible = withoutSpoofingControls(name).replace(INVISIBLE_IN_NAMES, '').normalize('NFKC');
  const folded = unhomoglyph(unhomoglyph(visible.toLowerCase()).toLowerCase()).normalize('NFD');
  let out = '';
  for (const ch of folded) if (!/\p{M}/u.test(ch) || KEPT_MARKS.test(ch)) out += ch;
  return out.normalize('NFC').trim().replace(/\s+/gu, ' ');
}

/** A name as kept: the invisible and direction-changing characters taken out, spaces collapsed. */
export function cleanName(raw: string): string {
  return withoutSpoofingControls(raw).replace(INVISIBLE_IN_NAMES, '').trim().replace(/\s+/gu, ' ');
}

/**
 * What is wrong with a name's form before anything else is checked: a control character (a line
 * break, a tab), or nothing visible at all once the invisible characters are gone.
 */
export function nameFormProblem(raw: string): 'control' | 'blank' | null {
  if (CONTROLS.test(raw)) return 'control';
  return /[\p{L}\p{N}\p{P}\p{S}]/u.test(cleanName(raw)) ? null : 'blank';
}

/** The aliases the product gives people who write without a name (forum-writer, queue sources). */
export const PRODUCT_ALIASES = {
  anonymous: 'Anonym',
  guest: 'Gjest',
  consultationAnswer: 'Svar i rådslag',
  activitySuggestion: 'Forslag til aktivitetstilbud',
} as const;

/**
 * Names nobody may take, with or without a number after: the product's own aliases (a named post
 * by "Anonym 1" would pass for the anonymous writer's) and the words for the café's and the
 * forum's own voices.
 */
const RESERVED = new Set(
  [
    ...Object.values(PRODUCT_ALIASES),
    'anonymous',
    'guest',
    'vert',
    'verten',
    'vertinne',
    'host',
    'moderator',
    'moderatoren',
    'admin',
    'administrator',
    'system',
    'erfaringsforum',
    'erfaringskafeen',
    'erfaringskaféen',
    'deleted',
    'slettet',
  ].map(nameSkeleton),
);

/** "Anonym 1", "ANONYM１", "Аnonym #2", "gjest", "M0DERATOR": names kept for the product. */
export function isReservedName(name: string): boolean {
  const withoutNumber = name.normalize('NFKC').replace(/[\s\p{P}\p{N}]+$/u, '');
  if (RESERVED.has(nameSkeleton(withoutNumber))) return true;
  // A number written in look-alike letters ("Anonym l", "Gjest lO") after a space.
  return RESERVED.has(nameSkeleton(name).replace(/ [lo]+$/u, ''));
}
