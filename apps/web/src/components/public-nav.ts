import type nb from '../locales/nb.json';

/**
 * The main menu everyone sees, in order. components/layout.tsx renders it, and help-page.ts writes
 * it into the static /hjelp, so the help page's numbers do not move when React takes over.
 */
export const PUBLIC_NAV: readonly { to: string; key: keyof typeof nb.nav; end?: boolean }[] = [
  { to: '/', key: 'forum', end: true },
  { to: '/kafe', key: 'cafe' },
  { to: '/radslag', key: 'consultations' },
  { to: '/aktiviteter', key: 'activities' },
  { to: '/kalender', key: 'calendar' },
  { to: '/panelet', key: 'panel' },
  { to: '/sok', key: 'search' },
];

/** The footer's links, in order; rendered by components/layout.tsx and written by help-page.ts. */
export const FOOTER_LINKS: readonly { to: string; key: keyof typeof nb.footer }[] = [
  { to: '/hjelp', key: 'help' },
  { to: '/retningslinjer', key: 'guidelines' },
  { to: '/personvern', key: 'privacy' },
  { to: '/kvittering', key: 'receipts' },
  { to: '/tilgjengelighet', key: 'accessibility' },
];
