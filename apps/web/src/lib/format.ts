import i18next from 'i18next';
import { locale } from '../i18n';

const DAY = 86_400_000;
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();

/**
 * A point in time as people say it: "i dag kl. 18:00", "i går kl. 09:15", "torsdag 27. november
 * kl. 18:00" within the coming week, "3. november kl. 14:10" this year, "3. november 2025" before.
 */
export function formatDateTime(iso: string | null | undefined, lng: string, now: Date = new Date()): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  const loc = locale(lng);
  const time = formatTime(iso, lng);
  const days = Math.round((startOfDay(d) - startOfDay(now)) / DAY);
  const t = (key: string, values: Record<string, string>) => i18next.t(key, { lng, ...values });
  if (days === 0) return t('time.today', { time });
  if (days === -1) return t('time.yesterday', { time });
  if (days === 1) return t('time.tomorrow', { time });
  if (days > 1 && days < 7)
    return t('time.at', {
      date: new Intl.DateTimeFormat(loc, { weekday: 'long', day: 'numeric', month: 'long' }).format(d),
      time,
    });
  if (d.getFullYear() === now.getFullYear())
    return t('time.at', { date: new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'long' }).format(d), time });
  return new Intl.DateTimeFormat(loc, { day: 'numeric', month: 'long', year: 'numeric' }).format(d);
}

export function formatTime(iso: string, lng: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lng), { hour: '2-digit', minute: '2-digit' }).format(d);
}

/** "3 t 5 min" style durations for moderation stats. */
export function formatDuration(seconds: number | null | undefined, lng: string): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const units: [Intl.NumberFormatOptions['unit'], number][] = [
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  const parts: string[] = [];
  let rest = s;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0 && parts.length < 2) {
      parts.push(new Intl.NumberFormat(locale(lng), { style: 'unit', unit, unitDisplay: 'short' }).format(n));
      rest -= n * size;
    }
  }
  if (parts.length === 0)
    return new Intl.NumberFormat(locale(lng), { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(s);
  return parts.join(' ');
}

/** A calendar date (YYYY-MM-DD) as people write it: "1. desember 2026". */
export function formatCalendarDate(date: string, lng: string): string {
  const [y, m, d] = date.split('-').map(Number);
  const when = Date.UTC(y, m - 1, d);
  if (Number.isNaN(when)) return date;
  return new Intl.DateTimeFormat(locale(lng), {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(when);
}
