import type { Perspective } from '../../api/types';
import { locale } from '../../i18n';

/** The four perspectives a person may bring to the panel, in the order the forms show them. */
export const PERSPECTIVES: readonly Perspective[] = ['user', 'relative', 'peer', 'staff'];

/** The about text in the reader's language (bokmål when the English one is empty). */
export function inLanguage(text: { nb: string; en: string } | undefined, language: string): string {
  if (!text) return '';
  return language === 'en' && text.en.trim() ? text.en : text.nb;
}

/** A day as people write it: "3. mars 2027" / "3 March 2027". */
export function formatDay(iso: string | null | undefined, language: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale(language), { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}
