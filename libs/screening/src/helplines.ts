/** Where to get help now, shown to a writer whose words matched a `crisis` watched word. */
export interface Helpline {
  name: string;
  phone: string;
  url?: string;
}

export const HELPLINES: readonly Helpline[] = Object.freeze([
  { name: 'Medisinsk nødtelefon (akutt fare for liv)', phone: '113' },
  { name: 'Legevakt', phone: '116 117' },
  { name: 'Mental Helse Hjelpetelefonen', phone: '116 123', url: 'https://mentalhelse.no' },
  { name: 'Kirkens SOS', phone: '22 40 00 40', url: 'https://www.kirkens-sos.no' },
  { name: 'Alarmtelefonen for barn og unge', phone: '116 111', url: 'https://www.116111.no' },
]);
