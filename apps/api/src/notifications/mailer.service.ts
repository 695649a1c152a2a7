import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import nodemailer, { type Transporter } from 'nodemailer';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { notificationEmail } from './mail.js';

const FROM = 'Erfaringsforum <no-reply@erfaringsforum.invalid>';

/** Email, only when SMTP_URL is set; a failure is logged and never fails what caused it. */
@Injectable()
export class Mailer implements OnApplicationShutdown {
  private readonly logger = new Logger(Mailer.name);
  private readonly transport: Transporter | null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.transport = config.smtpUrl ? nodemailer.createTransport(config.smtpUrl) : null;
  }

  get enabled(): boolean {
    return this.transport !== null;
  }

  async sendNotification(to: string): Promise<void> {
    // Without a public address an email could only carry a link the reader cannot open.
    if (!this.transport || !this.config.linkBase) return;
    const mail = notificationEmail(to, this.config.linkBase);
    try {
      await this.transport.sendMail({ from: FROM, ...mail });
    } catch (e) {
      this.logger.warn(`notification email not sent: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /**
   * A plain-text email the caller wrote (the panel's newsletter, issue 16); false when email is
   * off or the send failed (logged).
   */
  async sendText(to: string, subject: string, text: string, headers: Record<string, string> = {}): Promise<boolean> {
    if (!this.transport) return false;
    try {
      await this.transport.sendMail({ from: FROM, to, subject, text, headers });
      return true;
    } catch (e) {
      this.logger.warn(`email not sent: ${e instanceof Error ? e.message : String(e)}`);
      return false;
    }
  }

  /** Where links in an email point: PUBLIC_URL (or localhost outside production); null: none can be made. */
  get linkBase(): string | null {
    return this.config.linkBase;
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
