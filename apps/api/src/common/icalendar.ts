/**
 * The one iCalendar (RFC 5545) writer: every TEXT value escaped (calendar properties as much as
 * events'), control characters dropped, lines folded at 75 octets, CRLF. Times are UTC (with Z),
 * or wall-clock time in a named zone (TZID) when the calendar carries that zone's VTIMEZONE.
 */

export interface ICalRecurrence {
  freq: 'WEEKLY' | 'MONTHLY';
  interval?: number;
  byDay?: string[];
  bySetPos?: number;
  until?: Date;
}

export interface ICalEvent {
  uid: string;
  sequence?: number;
  stamp: Date;
  start: Date;
  end: Date;
  summary: string;
  description?: string | null;
  location?: string | null;
  url?: string | null;
  categories?: string[];
  status?: 'CONFIRMED' | 'CANCELLED';
  created?: Date;
  lastModified?: Date;
  recurrence?: ICalRecurrence;
}

export interface ICalCalendar {
  name: string;
  prodId: string;
  ttlSeconds?: number;
  /** Event times are written as wall-clock time in this zone; `vtimezone` is its definition. */
  timezone?: { id: string; vtimezone: string };
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;

/** A TEXT value: backslash, semicolon, comma and line breaks escaped; other control characters go. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n|\r|\n/g, '\n')
    .replace(CONTROL, '')
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, '\\n');
}

/** A value that is not TEXT (a URI, a UID): it cannot hold a line break or a control character. */
// eslint-disable-next-line no-control-regex
const bare = (value: string) => value.replace(/[\u0000-\u001f\u007f]/g, '');

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function utcStamp(d: Date): string {
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** The wall-clock time of an instant in a zone, as iCalendar's local DATE-TIME (no Z). */
export function zonedStamp(d: Date, timeZone: string): string {
  const p = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    })
      .formatToParts(d)
      .map((x) => [x.type, x.value]),
  );
  return `${p.year}${p.month}${p.day}T${p.hour}${p.minute}${p.second}`;
}

/** Folds a content line at 75 octets without splitting a character. */
function fold(line: string): string {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = Buffer.byteLength(ch);
    const limit = out.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      out.push(current);
      current = '';
      octets = 0;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out.join('\r\n ');
}

function rrule(r: ICalRecurrence): string {
  return [
    `FREQ=${r.freq}`,
    r.interval && r.interval > 1 ? `INTERVAL=${r.interval}` : null,
    r.until ? `UNTIL=${utcStamp(r.until)}` : null,
    r.byDay?.length ? `BYDAY=${r.byDay.map(bare).join(',')}` : null,
    r.bySetPos !== undefined ? `BYSETPOS=${r.bySetPos}` : null,
  ]
    .filter(Boolean)
    .join(';');
}

export function writeICalendar(calendar: ICalCalendar, events: ICalEvent[]): string {
  const tz = calendar.timezone;
  const when = (name: string, d: Date) =>
    tz ? `${name};TZID=${tz.id}:${zonedStamp(d, tz.id)}` : `${name}:${utcStamp(d)}`;
  const lines: string[] = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:-${bare(calendar.prodId)}`,
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
  ];
  if (calendar.ttlSeconds) {
    const ttl = `PT${Math.round(calendar.ttlSeconds / 60)}M`;
    lines.push(`REFRESH-INTERVAL;VALUE=DURATION:${ttl}`, `X-PUBLISHED-TTL:${ttl}`);
  }
  if (tz) lines.push(tz.vtimezone);
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${bare(e.uid)}`);
    if (e.sequence !== undefined) lines.push(`SEQUENCE:${e.sequence}`);
    lines.push(`DTSTAMP:${utcStamp(e.stamp)}`, when('DTSTART', e.start), when('DTEND', e.end));
    if (e.recurrence) lines.push(`RRULE:${rrule(e.recurrence)}`);
    lines.push(`SUMMARY:${escapeText(e.summary)}`);
    if (e.location) lines.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) lines.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.categories?.length) lines.push(`CATEGORIES:${e.categories.map(escapeText).join(',')}`);
    if (e.url) lines.push(`URL;VALUE=URI:${bare(e.url)}`);
    if (e.status) lines.push(`STATUS:${e.status}`);
    if (e.created) lines.push(`CREATED:${utcStamp(e.created)}`);
    if (e.lastModified) lines.push(`LAST-MODIFIED:${utcStamp(e.lastModified)}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  // The VTIMEZONE block is already lines of its own; each line is folded on its own.
  return `${lines.join('\r\n').split('\r\n').map(fold).join('\r\n')}\r\n`;
}
