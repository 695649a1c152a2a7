import type { Perspective } from '../../api/types';

/** The four perspectives a person may bring to the panel, in the order the forms show them. */
export const PERSPECTIVES: readonly Perspective[] = ['user', 'relative', 'peer', 'staff'];

/** The about text in the reader's language (bokmål when the English one is empty). */
export function inLanguage(text: { nb: string; en: string } | undefined, language: string): string {
  if (!text) return '';
  return language === 'en' && text.en.trim() ? text.en : text.nb;
}
