/** The helplines shown on /hjelp and to a writer whose words matched the crisis list. */
export interface Helpline {
  key: string;
  phone: string;
  tel: string;
  url?: string;
}

export const HELPLINES: Helpline[] = [
  { key: 'emergency', phone: '113', tel: '113' },
  { key: 'legevakt', phone: '116 117', tel: '116117' },
  { key: 'mentalHelse', phone: '116 123', tel: '116123', url: 'https://mentalhelse.no/' },
  { key: 'kirkensSos', phone: '22 40 00 40', tel: '22400040', url: 'https://www.kirkens-sos.no/' },
  { key: 'alarmtelefonen', phone: '116 111', tel: '116111', url: 'https://www.116111.no/' },
];
