import { Injectable, type OnApplicationBootstrap } from '@nestjs/common';
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
export class SettingsService implements OnApplicationBootstrap {
  private cached: { value: Settings; at: number } | null = null;
  private refreshing: Promise<Settings> | null = null;
  /** Moves on at every change here, so a read that started before it can't put back the old value. */
  private generation = 0;

  constructor(
    private readonly repo: SettingsRepository,
    private readonly tx: Transactions,
    private readonly audit: AuditService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.refresh();
  }

  /**
   * Read often (every post, often inside a transaction), so answered from memory: a value older
   * than two seconds is answered once more while it is read again in the background, so another
   * process's change shows within a few seconds. Never waits for the database once loaded: inside
   * a transaction on the embedded database (one connection) a wait here would wait for itself.
   */
  async get(): Promise<Settings> {
    if (!this.cached) return this.refresh();
    if (Date.now() - this.cached.at >= CACHE_MS) void this.refresh().catch(() => undefined);
    return this.cached.value;
  }

  private refresh(): Promise<Settings> {
    if (this.refreshing) return this.refreshing;
    const started = this.generation;
    this.refreshing = this.repo
      .values<Settings>()
      .then((stored) => {
        const value = { ...DEFAULT_SETTINGS, ...stored };
        if (this.generation === started) this.cached = { value, at: Date.now() };
        return value;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
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
    this.generation++;
    this.cached = { value, at: Date.now() };
    return value;
  }
}
