/** What an email about a notification says: that there is one, and where; never what it is about. */
export interface NotificationEmail {
  to: string;
  subject: string;
  text: string;
}

/**
 * Posts here are about people's mental health: an email can be read by others (a shared inbox, a
 * lock screen), so it carries no text from the forum, only a link to log in and read it.
 */
export function notificationEmail(to: string, base: string, link: string | null): NotificationEmail {
  const where = `${base.replace(/\/+$/, '')}${link ?? '/'}`;
  return {
    to,
    subject: 'Du har et nytt varsel i Erfaringsforum',
    text: [
      'Hei,',
      '',
      'Du har et nytt varsel i Erfaringsforum. Logg inn for å lese det:',
      where,
      '',
      'Du får denne e-posten fordi kontoen din har en e-postadresse. Vil du ikke ha slike e-poster, kan du fjerne adressen fra kontoen din.',
    ].join('\n'),
  };
}
