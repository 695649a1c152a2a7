import { notificationEmail } from './mail.js';

describe('notificationEmail', () => {
  it('should say there is a notification and link to it, and nothing else', () => {
    const mail = notificationEmail('kari@example.test', 'https://forum.example.no/', '/threads/t1#post-p1');
    expect(mail.to).toBe('kari@example.test');
    expect(mail.subject).toBe('Du har et nytt varsel i Erfaringsforum');
    expect(mail.text).toContain('https://forum.example.no/threads/t1#post-p1');
  });

  it('should have no room for the text of a post or the notification', () => {
    // The builder takes an address, a base URL and a link: there is no parameter a post could travel in.
    expect(notificationEmail.length).toBe(3);
  });
});
