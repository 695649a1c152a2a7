import type { ScheduleFields } from './directory.repository.js';

const DAYS: [RegExp, string][] = [
  [/\b(mandag|mandager|monday|mondays)\b/i, 'MO'],
  [/\b(tirsdag|tirsdager|tuesday|tuesdays)\b/i, 'TU'],
  [/\b(onsdag|onsdager|wednesday|wednesdays)\b/i, 'WE'],
  [/\b(torsdag|torsdager|thursday|thursdays)\b/i, 'TH'],
  [/\b(fredag|fredager|friday|fridays)\b/i, 'FR'],
  [/(?:^|[^\p{L}])(lørdag|lørdager|saturday|saturdays)(?![\p{L}])/iu, 'SA'],
  [/(?:^|[^\p{L}])(søndag|søndager|sunday|sundays)(?![\p{L}])/iu, 'SU'],
];

const ORDINALS: [RegExp, number][] = [
  [/\b(første|first|1\.)\s/i, 1],
  [/\b(andre|second|2\.)\s/i, 2],
  [/\b(tredje|third|3\.)\s/i, 3],
  [/\b(fjerde|fourth|4\.)\s/i, 4],
  [/\b(siste|last)\s/i, -1],
];

const time = (h: string, m: string | undefined) => `${h.padStart(2, '0')}:${m ?? '00'}`;

/**
 * Reads the opening times someone typed ("Tirsdager kl. 18–20", "første torsdag i måneden
 * 11.00–13.00") into HSDS's recurrence fields where it can; the text itself is always kept as the
 * description, so nothing is lost when it can't.
 */
export function scheduleFromText(text: string): ScheduleFields {
  const days = DAYS.filter(([re]) => re.test(text)).map(([, code]) => code);
  const range =
    /(?:kl\.?\s*)?\b([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?\s*[-–—]\s*([01]?[0-9]|2[0-3])(?:[:.]([0-5][0-9]))?\b/.exec(
      text,
    );
  const monthly = /\b(måned|måneden|month)\b/i.test(text);
  const ordinal = ORDINALS.find(([re]) => re.test(text))?.[1];
  const base: ScheduleFields = {
    freq: null,
    interval: null,
    byday: null,
    bymonthday: null,
    dtstart: null,
    until: null,
    opens_at: range ? time(range[1], range[2]) : null,
    closes_at: range ? time(range[3], range[4]) : null,
    description: text,
    notes: null,
  };
  if (days.length === 0) return base;
  if (monthly && ordinal !== undefined && days.length === 1)
    return { ...base, freq: 'MONTHLY', interval: 1, byday: `${ordinal}${days[0]}` };
  if (monthly) return base;
  const fortnightly = /\b(annenhver|hver andre|every other|fortnightly)\b/i.test(text);
  return { ...base, freq: 'WEEKLY', interval: fortnightly ? 2 : 1, byday: days.join(',') };
}
