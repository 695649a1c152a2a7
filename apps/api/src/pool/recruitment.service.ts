import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { webRoutes } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { Transactions } from '../database/transactions.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import { UsersRepository } from '../users/users.repository.js';
import type {
  InterestDto,
  InterestInputDto,
  InterestReceiptDto,
  InterestStatus,
  InterestUpdateDto,
  PanelAboutDto,
} from './dto/recruitment.dto.js';
import { RecruitmentRepository, type InterestRow } from './recruitment.repository.js';

/** A receipt code to quote on the phone: 8 characters without look-alikes (no 0/O, 1/I/l). */
function newReceiptCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(8)].map((b) => alphabet[b % alphabet.length]).join('');
}

function toInterestDto(row: InterestRow): InterestDto {
  const deletesAt = row.handled_at ? new Date(row.handled_at) : null;
  deletesAt?.setFullYear(deletesAt.getFullYear() + 1);
  return {
    id: row.id,
    receiptCode: row.receipt_code,
    name: row.name,
    email: row.email,
    phone: row.phone,
    preferredChannel: row.preferred_channel,
    perspectives: row.perspectives,
    message: row.message,
    newsletter: row.newsletter,
    status: row.status,
    note: row.note,
    createdAt: row.created_at.toISOString(),
    handledAt: row.handled_at?.toISOString() ?? null,
    deletesAt: deletesAt?.toISOString() ?? null,
  };
}

/**
 * Recruitment into the panel (issue 16): the "about" page, and expressions of interest from people
 * without an account. Their contact details are for the coordinator (admins) only; a message is
 * screened, and a crisis match shows the writer the helplines and tells the admins — it never
 * enters the moderation queue, since it is private.
 */
@Injectable()
export class RecruitmentService {
  constructor(
    private readonly repo: RecruitmentRepository,
    private readonly tx: Transactions,
    private readonly screening: ScreeningService,
    private readonly crisisSupport: CrisisSupportService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly users: UsersRepository,
  ) {}

  about(): Promise<PanelAboutDto> {
    return this.repo.about();
  }

  async setAbout(policy: Policy, dto: PanelAboutDto): Promise<PanelAboutDto> {
    ensure(policy.can('admin.pool'));
    await this.tx.run((tx) => this.repo.setAbout(tx, dto.nb, dto.en, policy.userId ?? null));
    return this.repo.about();
  }

  async expressInterest(dto: InterestInputDto, ip: string): Promise<InterestReceiptDto> {
    const email = dto.email || null;
    const phone = dto.phone || null;
    if (!email && !phone)
      throw badRequest('Give an email address or a phone number, so the coordinator can reach you.');
    if (dto.preferredChannel === 'email' && !email)
      throw badRequest('preferredChannel is email: give an email address.');
    if (dto.preferredChannel !== 'email' && !phone)
      throw badRequest(`preferredChannel is ${dto.preferredChannel}: give a phone number.`);
    const message = dto.message || null;
    const crisis = (await this.screening.screen(message)).matches.some((m) => m.action === 'crisis');
    const help = crisis ? await this.crisisSupport.support() : null;
    // A refusal from here on carries the helplines for crisis text (@ScreenedWriting on the route).
    await this.limits.consume('panelInterestPerIp', ip);
    const receiptCode = newReceiptCode();
    await this.tx.run(async (tx) => {
      await this.repo.insertInterest(tx, {
        receiptCode,
        name: dto.name,
        email,
        phone,
        preferredChannel: dto.preferredChannel,
        perspectives: [...new Set(dto.perspectives)],
        message,
        newsletter: dto.newsletter ?? false,
      });
      if (crisis)
        for (const adminId of await this.users.adminIds(tx))
          await this.notifications.send(
            tx,
            { userId: adminId },
            {
              type: 'pool_interest_crisis',
              text: `En som meldte interesse for panelet (kvittering ${receiptCode}), skrev noe som kan tyde på krise. Ta kontakt snart.`,
              link: webRoutes.adminPool(),
            },
          );
    });
    return { receiptCode, ...(help ? { support: help.resources, staffed: help.staffed } : {}) };
  }

  async listInterest(
    policy: Policy,
    status: InterestStatus | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<InterestDto>> {
    ensure(policy.can('admin.pool'));
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.repo.pageInterest(status ?? null, after, limit + 1);
    return toPage(rows, limit, (r) => [r.created_key, r.id], toInterestDto);
  }

  async updateInterest(policy: Policy, id: string, dto: InterestUpdateDto): Promise<InterestDto> {
    ensure(policy.can('admin.pool'));
    return this.tx.run(async (tx) => {
      if (!(await this.repo.updateInterest(tx, id, dto.status, dto.note)))
        throw notFound('There is no such expression of interest (it may have been deleted after 12 months).');
      return toInterestDto((await this.repo.findInterest(tx, id))!);
    });
  }

  /** The retention job: handled expressions of interest go 12 months after (decision 0032). */
  deleteExpired(): Promise<number> {
    return this.tx.run((tx) => this.repo.deleteExpired(tx));
  }
}
