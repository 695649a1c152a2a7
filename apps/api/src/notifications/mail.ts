import { webRoutes } from '#libs/contracts';

/** What an email about a notification says: that there is one, and where to read it; never what it is about. */
export interface NotificationEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Posts here are about people's mental health: an email can be read by others (a shared inbox, a
 * relative, a lock screen), so it carries no text from the forum and no link to a thread or post
 * (a link to an anonymous author's own thread would tell the reader whose it is): only the way to
 * the reader's notifications, behind their login.
 */
export function notificationEmail(to: string, base: string): NotificationEmail {
  return {
    to,
    subject: 'Du har et nytt varsel i Erfaringsforum',
    text: [
      'Hei,',
      '',
      'Du har et nytt varsel i Erfaringsforum. Logg inn for å lese det:',
      `${base.replace(/\/+$/, '')}${webRoutes.notifications()}`,
      '',
      'Du får denne e-posten fordi kontoen din har en e-postadresse. Vil du ikke ha slike e-poster, kan du fjerne adressen fra kontoen din.',
    ].join('\n'),
  };
}
