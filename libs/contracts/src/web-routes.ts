/**
 * The web app's addresses, for every link the server emits (notifications, receipts, emails,
 * reset links) and for the web's own router: one list, so a link cannot point at a page that
 * does not exist. Paths only; the server puts its public address in front where a link leaves
 * the app.
 */
export const webRoutes = {
  home: () => '/',
  category: (slug: string) => `/kategori/${encodeURIComponent(slug)}`,
  thread: (threadId: string) => `/trad/${threadId}`,
  post: (threadId: string, postId: string) => `/trad/${threadId}#post-${postId}`,
  cafeRoom: (slug: string) => `/kafe/${encodeURIComponent(slug)}`,
  receipt: (token: string) => `/kvittering/${token}`,
  // The token sits in the fragment, which browsers never send to a server or write to its logs.
  resetPassword: (token: string) => `/nytt-passord#${token}`,
  consultation: (id: string) => `/radslag/${id}`,
  calendar: () => '/kalender',
  event: (id: string) => `/kalender/${id}`,
  moderation: () => '/moderering',
  profile: () => '/profil',
  notifications: () => '/profil#varsler',
  help: () => '/hjelp',
  unanswered: () => '/ubesvarte',
  // The panel's pool (issue 16)
  panel: () => '/panelet',
  myAssignments: () => '/panelet/mine',
  adminPool: () => '/admin/panelet',
  adminAssignment: (id: string) => `/admin/panelet/oppdrag/${id}`,
  // Activity directory (issue 17)
  activities: () => '/aktiviteter',
  activity: (id: string) => `/aktiviteter/${id}`,
} as const;
