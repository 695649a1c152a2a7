import { locale } from '../i18n';

export function formatDateTime(iso: string | null | undefined, lng: string): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(locale(lng), { day: 'numeric', month: 'long', year: 'numeric', hour: '2-digit', minute: '2-digit' }).format(d);
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
  if (parts.length === 0) return new Intl.NumberFormat(locale(lng), { style: 'unit', unit: 'second', unitDisplay: 'short' }).format(s);
  return parts.join(' ');
}
