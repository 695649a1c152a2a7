import { Injectable } from '@nestjs/common';
import type { SessionUser } from '../auth/session-user.js';
import { Authorship } from '../authorship/authorship.service.js';
import { CafeMessagesRepository } from '../cafe/cafe-messages.repository.js';
import { CafeModerationService } from '../cafe/cafe-moderation.service.js';
import { EventsRepository } from '../calendar/events.repository.js';
import { ConsultationsRepository } from '../consultations/consultations.repository.js';
import { PostsRepository } from '../forum/posts.repository.js';
import { OwnAnonymousThreads } from '../forum/own-anonymous-threads.service.js';
import { FlagsRepository } from '../moderation/flags.repository.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { PanelRepository } from '../panel/panel.repository.js';
import { AssignmentsRepository } from '../pool/assignments.repository.js';
import { SanctionsRepository } from '../sanctions/sanctions.repository.js';
import { UsersRepository } from '../users/users.repository.js';
import { ReactionsRepository } from '../reader-safety/reactions.repository.js';
import { ReaderPreferencesRepository } from '../reader-safety/reader-preferences.repository.js';

/**
 * Everything the service holds about one user, for GET /api/me/export (the right of access and
 * to data portability). Their anonymous posts, café messages and the sanctions against "the author
 * behind" one of their posts are found the only way they can be: by the authorship module
 * recomputing the user's keys. Nothing about anyone else goes in: no one else's words, names or
 * ids of people. Each feature reads its own tables.
 */
@Injectable()
export class AccountExportService {
  constructor(
    private readonly authorship: Authorship,
    private readonly users: UsersRepository,
    private readonly posts: PostsRepository,
    private readonly ownThreads: OwnAnonymousThreads,
    private readonly panel: PanelRepository,
    private readonly flags: FlagsRepository,
    private readonly sanctions: SanctionsRepository,
    private readonly cafe: CafeMessagesRepository,
    private readonly cafeModeration: CafeModerationService,
    private readonly notifications: NotificationsService,
    private readonly consultations: ConsultationsRepository,
    private readonly readerPreferences: ReaderPreferencesRepository,
    private readonly reactions: ReactionsRepository,
    private readonly pool: AssignmentsRepository,
    private readonly calendar: EventsRepository,
  ) {}

  async export(user: SessionUser): Promise<Record<string, unknown>> {
    const viewer = await this.authorship.viewer(user.id);
    const postKeys = await this.ownThreads.keys(viewer);
    const cafeKeys = this.authorship.ownCafeKeys(viewer, await this.cafeModeration.membersVoices());
    return {
      exportedAt: new Date().toISOString(),
      account: await this.users.exportAccount(user.id),
      posts: await this.posts.forExport(user.id, postKeys),
      panelApplications: await this.panel.forExport(user.id),
      flagsRaised: await this.flags.byReporter(user.id),
      sanctions: await this.sanctionsOf(user.id),
      cafeMessages: cafeKeys.ids.length > 0 ? await this.cafe.byKeys(cafeKeys) : [],
      notifications: await this.notifications.exportFor(user.id),
      consultationAnswers: await this.consultations.namedForExport(user.id),
      // Reader safety (issue 18): an ignored anonymous author appears as its thread, nothing more.
      readerSafety: {
        ...(await this.readerPreferences.exportFor(user.id)),
        reactions: await this.reactions.exportFor(user.id),
      },
      // The panel's pool (issue 16); an expression of interest has no account to belong to.
      pool: await this.pool.exportFor(user.id),
      // The calendar (issue 15): sign-ups are by name.
      calendar: await this.calendar.exportFor(user.id),
    };
  }

  /** Sanctions naming the user, and those against the author behind one of their anonymous posts. */
  private async sanctionsOf(userId: string): Promise<Record<string, unknown>[]> {
    const rows = await this.sanctions.forExport(userId);
    const theirs = await this.authorship.heldBy(userId, rows, (r) => ({
      userId: r.user_id,
      hash: r.subject_hash,
      scope: r.scope_id ? { kind: r.scope_kind ?? 'thread', id: r.scope_id } : null,
    }));
    return theirs.map(({ user_id: _u, subject_hash: _h, scope_kind: _k, scope_id: _s, ...rest }) => rest);
  }
}
