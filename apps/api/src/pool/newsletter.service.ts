import { randomBytes } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { Transactions } from '../database/transactions.js';
import { sha256 } from '../forum/forum-writer.service.js';
import { Mailer } from '../notifications/mailer.service.js';
import type { NewsletterInputDto, NewsletterReceiptDto } from './dto/recruitment.dto.js';
import { NewsletterRepository } from './recruitment.repository.js';

const tokenHash = (token: string) => sha256(`newsletter:${token}`);

/**
 * The coordinator's newsletter (issue 16; seeds/000 q2 "a newsletter to those interested"): to
 * panel members with an email and to those who expressed interest and asked for it, each email
 * with its own unsubscribe link that works without logging in. Without SMTP_URL nothing is sent,
 * and the coordinator is told so.
 */
@Injectable()
export class NewsletterService {
  private readonly logger = new Logger(NewsletterService.name);

  constructor(
    private readonly repo: NewsletterRepository,
    private readonly tx: Transactions,
    private readonly mailer: Mailer,
  ) {}

  async send(policy: Policy, dto: NewsletterInputDto): Promise<NewsletterReceiptDto> {
    ensure(policy.can('admin.pool'));
    const base = this.mailer.linkBase;
    const sending = this.mailer.enabled && base !== null;
    const sent = await this.tx.run(async (tx) => {
      const recipients = await this.repo.recipients(tx, dto.audience !== 'interested', dto.audience !== 'panel');
      const newsletterId = await this.repo.insert(tx, {
        subject: dto.subject,
        body: dto.body,
        audience: dto.audience,
        recipients: recipients.length,
        by: policy.userId ?? null,
      });
      const outbox: { to: string; link: string }[] = [];
      if (sending)
        for (const r of recipients) {
          const token = randomBytes(24).toString('base64url');
          await this.repo.insertToken(tx, tokenHash(token), r);
          outbox.push({ to: r.email, link: `${base}/unsubscribe/${token}` });
        }
      return { id: newsletterId, outbox, count: recipients.length };
    });
    // Sent after the commit, one by one; the coordinator does not wait for them.
    void this.deliver(dto, sent.outbox);
    return { id: sent.id, recipients: sent.count, sending };
  }

  async unsubscribe(token: string): Promise<boolean> {
    if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return false;
    return this.tx.run((tx) => this.repo.unsubscribe(tx, tokenHash(token)));
  }

  private async deliver(dto: NewsletterInputDto, mails: { to: string; link: string }[]): Promise<void> {
    let failed = 0;
    for (const m of mails) {
      const text = [
        dto.body,
        '',
        '—',
        'Du får dette nyhetsbrevet fra Erfaringsforum fordi du er med i panelet eller meldte interesse for det.',
        `Meld deg av (uten å logge inn): ${m.link}`,
        '',
        'You get this newsletter from Erfaringsforum because you are on the panel or expressed interest in it.',
        `Unsubscribe (no login needed): ${m.link}`,
      ].join('\n');
      const ok = await this.mailer.sendText(m.to, dto.subject, text, { 'List-Unsubscribe': `<${m.link}>` });
      if (!ok) failed++;
    }
    if (failed > 0) this.logger.warn(`newsletter: ${failed} of ${mails.length} emails not sent`);
  }
}
