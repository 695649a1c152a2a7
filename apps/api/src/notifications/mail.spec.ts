import { notificationEmail } from './mail.js';

describe('notificationEmail', () => {
  it('should say there is a notification and link to the notifications behind the login, never to a thread', () => {
    const mail = notificationEmail('kari@example.test', 'https://forum.example.no/');
    expect(mail.to).toBe('kari@example.test');
    expect(mail.subject).toBe('Du har et nytt varsel i Erfaringsforum');
    expect(mail.text).toContain('https://forum.example.no/profil#varsler');
    expect(mail.text).not.toMatch(/\/trad\/|#post-/);
  });

  it('should have no room for the text of a post, the notification or its link', () => {
    // The builder takes an address and a base URL: there is no parameter a post or a link could travel in.
    expect(notificationEmail.length).toBe(2);
  });
});
