import unhomoglyph from 'unhomoglyph';

/**
 * Characters that change how text around them is shown without being seen: bidirectional
 * embeddings, overrides and isolates (which can make "gpj.exe" read "exe.jpg" or reverse a name),
 * and the C1 control characters. Nothing a person means to write needs them here.
 */
const SPOOFING_CONTROLS = /[\u0080-\u009F\u202A-\u202E\u2066-\u2069]/gu;

/** Also invisible in a name: marks of direction, zero-width characters, soft hyphens. */
const INVISIBLE_IN_NAMES = /[\u00AD\u061C\u180E\u200B-\u200F\u2060-\u2064\uFEFF]/gu;

/** Text with the controls that could spoof how it reads taken out (any text a person writes). */
export function withoutSpoofingControls(text: string): string {
  return text.replace(SPOOFING_CONTROLS, '');
}

/**
 * The skeleton of a name (Unicode TR39, through the confusables data in `unhomoglyph`): two names
 * with one skeleton look alike ("Kari Vert" with a Cyrillic а, "аdmin", "0la"). Compared, never
 * shown. Case does not count; Norwegian letters stay themselves (å is not a, ø is not o).
 */
export function nameSkeleton(name: string): string {
  const visible = withoutSpoofingControls(name).replace(INVISIBLE_IN_NAMES, '').normalize('NFD');
  const folded = unhomoglyph(unhomoglyph(visible.toLowerCase()).toLowerCase());
  return folded.normalize('NFD').trim().replace(/\s+/gu, ' ');
}
