import { Injectable } from '@nestjs/common';
import { AuditService } from '../audit/audit.service.js';
import { Transactions } from '../database/transactions.js';
import { SettingsRepository } from './settings.repository.js';
import type { OperatorDto } from './dto/operator.dto.js';

/** Site settings an administrator changes at run time (GET/PATCH /api/admin/settings). */
export interface Settings {
  /** Approved posts a member needs before their posts in `post` categories publish at once. */
  newMemberReviewCount: number;
  /** Open flags from members in good standing that hide a post until reviewed. */
  flagHideThreshold: number;
  /** How long an author may edit their own post. */
  editWindowMinutes: number;
  /** Whether Markdown images may load from other sites (they reveal readers' IP addresses to those sites). */
  allowRemoteImages: boolean;
  /** Hours an opening post may go without a reply under another name before hosts see it (0–720). */
  unansweredHours: number;
  /** Who runs the service: the data controller (behandlingsansvarlig) the privacy notice names; '' until set. */
  operatorName: string;
  /** The operator's contact, shown in the privacy notice, the accessibility statement and "forgot password"; '' when not given. */
  operatorEmail: string;
  operatorPhone: string;
  /** A postal address, lines separated by newlines; '' when not given. */
  operatorAddress: string;
  /** When the accessibility statement was last checked and dated (erklæringsdato), YYYY-MM-DD; '' until set. */
  accessibilityStatementDate: string;
}

export const DEFAULT_SETTINGS: Settings = {
  newMemberReviewCount: 3,
  flagHideThreshold: 3,
  editWindowMinutes: 24 * 60,
  allowRemoteImages: false,
  unansweredHours: 12,
  operatorName: '',
  operatorEmail: '',
  operatorPhone: '',
  operatorAddress: '',
  accessibilityStatementDate: '',
};

const CACHE_MS = 2_000;

@Injectable()
export class SettingsService {
  private cached: { value: Settings; at: number } | null = null;

  constructor(
    private readonly repo: SettingsRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  /** Read often (every post), so kept for two seconds; another process's change shows within that. */
  async get(): Promise<Settings> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.value;
    const value = { ...DEFAULT_SETTINGS, ...(await this.repo.values<Settings>()) };
    this.cached = { value, at: Date.now() };
    return value;
  }

  /** Who runs the service and how to reach them: what the law wants shown; empty contacts left out. */
  async operator(): Promise<OperatorDto> {
    const s = await this.get();
    const optional = {
      email: s.operatorEmail,
      phone: s.operatorPhone,
      address: s.operatorAddress,
      accessibilityStatementDate: s.accessibilityStatementDate,
    };
    return { name: s.operatorName, ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v)) };
  }

  /** An administrator's change, audited in the same transaction. */
  async change(actorId: string | null, patch: Partial<Settings>): Promise<Settings> {
    const changed: Partial<Settings> = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
    const value = await this.tx.run(async (tx) => {
      const stored = await this.repo.merge<Settings>(tx, changed);
      await this.audit.record(tx, { actorId, action: 'settings', targetType: 'settings', meta: { changed } });
      return { ...DEFAULT_SETTINGS, ...stored };
    });
    this.cached = { value, at: Date.now() };
    return value;
  }
}
