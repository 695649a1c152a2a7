/**
 * Where to get help now: shown on /hjelp (also in the static page served before any script, and
 * offline), and to a writer whose words matched a `crisis` watched word. One list for the API,
 * the web app and the static help page.
 */

export const HELPLINE_KEYS = ['emergency', 'legevakt', 'mentalHelse', 'kirkensSos', 'alarmtelefonen'] as const;
export type HelplineKey = (typeof HELPLINE_KEYS)[number];

export interface Helpline {
  /** Stable: clients translate the name and the "when to call" by it. */
  key: HelplineKey;
  /** The name in Norwegian (bokmål). */
  name: string;
  /** As it is written and read out. */
  phone: string;
  url?: string;
}

export const HELPLINES: readonly Helpline[] = Object.freeze([
  { key: 'emergency', name: 'Medisinsk nødtelefon (akutt fare for liv)', phone: '113' },
  { key: 'legevakt', name: 'Legevakt', phone: '116 117' },
  { key: 'mentalHelse', name: 'Mental Helse Hjelpetelefonen', phone: '116 123', url: 'https://mentalhelse.no' },
  { key: 'kirkensSos', name: 'Kirkens SOS', phone: '22 40 00 40', url: 'https://www.kirkens-sos.no' },
  {
    key: 'alarmtelefonen',
    name: 'Alarmtelefonen for barn og unge',
    phone: '116 111',
    url: 'https://www.116111.no',
  },
] satisfies Helpline[]);

/** The number as a `tel:` link wants it: digits only. */
export function telOf(phone: string): string {
  return phone.replace(/\D/g, '');
}
