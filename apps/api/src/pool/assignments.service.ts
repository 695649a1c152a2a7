import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { roleAtLeast, webRoutes, type Role } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { Transactions } from '../database/transactions.js';
import { NotificationsService, type NotificationType } from '../notifications/notifications.service.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import { UsersRepository } from '../users/users.repository.js';
import {
  AssignmentsRepository,
  type AssignmentFields,
  type AssignmentRow,
  type MemberRow,
} from './assignments.repository.js';
import type {
  AdminAssignmentDto,
  AssignmentStatus,
  CheckinInputDto,
  CheckinReceiptDto,
  CreateAssignmentDto,
  LoadDto,
  MyAssignmentsDto,
  OfferDto,
  OfferInputDto,
  PanelProfileDto,
  PanelProfileInputDto,
  PoolSuggestionDto,
  UpdateAssignmentDto,
} from './dto/assignments.dto.js';
import {
  toAdminCheckinDto,
  toAdminOfferDto,
  toAssignmentDto,
  toLoadDto,
  toMyAssignmentDto,
  toMyOfferDto,
  toSuggestionDto,
} from './pool.mappers.js';

/** A renewal is a new assignment with new consent: none runs longer than this (API.md; the table checks it too). */
const MAX_DAYS = 183;
const DAY_MS = 86_400_000;

function when(value: string, field: string): Date {
  const d = new Date(value);
  const year = d.getUTCFullYear();
  if (!Number.isFinite(d.getTime()) || year < 2000 || year > 2200)
    throw badRequest(`${field} must be a date from 2000 to 2200.`);
  return d;
}

/**
 * Assignments (oppdrag) from the pool (issue 16): a mandate with an end, a primary and a backup
 * who both accepted, offers only to members who are free and not paused, and check-ins on the load.
 * A pause from the primary hands the assignment to the backup at once (decision 0033). Check-in
 * notes are private: a crisis in one shows the writer the helplines and tells the admins, and
 * never enters the moderation queue.
 */
@Injectable()
export class AssignmentsService {
  constructor(
    private readonly repo: AssignmentsRepository,
    private readonly tx: Transactions,
    private readonly screening: ScreeningService,
    private readonly crisisSupport: CrisisSupportService,
    private readonly notifications: NotificationsService,
    private readonly users: UsersRepository,
  ) {}

  // --- the member's pool profile ---

  async profile(policy: Policy): Promise<PanelProfileDto> {
    ensure(policy.can('pool.member'));
    const row = await this.repo.profile(policy.userId!);
    return {
      perspectives: row?.perspectives ?? [],
      topics: row?.topics ?? [],
      paused: row?.paused ?? false,
      pausedUntil: row?.paused_until ?? null,
      maxActiveAssignments: row?.max_active_assignments ?? 2,
    };
  }

  async updateProfile(policy: Policy, dto: PanelProfileInputDto): Promise<PanelProfileDto> {
    const current = await this.profile(policy);
    const today = new Date().toISOString().slice(0, 10);
    if (dto.pausedUntil && dto.pausedUntil <= today) throw badRequest('pausedUntil must be a day after today.');
    // A day to pause until means paused; ending the pause forgets the day.
    const paused = dto.paused ?? (dto.pausedUntil ? true : current.paused);
    const pausedUntil = paused ? (dto.pausedUntil !== undefined ? dto.pausedUntil : current.pausedUntil) : null;
    await this.tx.run((tx) =>
      this.repo.saveProfile(tx, policy.userId!, {
        perspectives: [...new Set(dto.perspectives ?? current.perspectives)],
        topics: [...new Set((dto.topics ?? current.topics).map((t) => t.trim()))],
        paused,
        pausedUntil,
        maxActiveAssignments: dto.maxActiveAssignments ?? current.maxActiveAssignments,
      }),
    );
    return this.profile(policy);
  }

  // --- the coordinator's assignments ---

  async create(policy: Policy, dto: CreateAssignmentDto): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    const fields = this.fields(dto);
    const id = await this.tx.run((tx) => this.repo.insert(tx, fields, policy.userId ?? null));
    return this.get(policy, id);
  }

  async update(policy: Policy, id: string, dto: UpdateAssignmentDto): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    await this.tx.run(async (tx) => {
      const row = await this.locked(tx, id);
      if (row.status !== 'draft')
        throw conflict('not_draft', 'Only a draft changes; a renewal or a new mandate is a new assignment.');
      await this.repo.update(
        tx,
        id,
        this.fields({
          title: dto.title ?? row.title,
          description: dto.description ?? row.description,
          requester: dto.requester ?? row.requester,
          confidentiality: dto.confidentiality ?? row.confidentiality,
          startsAt: dto.startsAt ?? row.starts_at.toISOString(),
          endsAt: dto.endsAt ?? row.ends_at.toISOString(),
          estimatedHours: dto.estimatedHours ?? row.estimated_hours,
          compensation: dto.compensation ?? row.compensation ?? undefined,
        }),
      );
    });
    return this.get(policy, id);
  }

  async list(
    policy: Policy,
    status: AssignmentStatus | undefined,
    limit: number,
    cursor: string | undefined,
  ): Promise<Page<AdminAssignmentDto>> {
    ensure(policy.can('admin.pool'));
    await this.completeEnded();
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const rows = await this.repo.page(status ?? null, after, limit + 1);
    const page = toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => r,
    );
    return { items: await Promise.all(page.items.map((r) => this.withPeople(r))), nextCursor: page.nextCursor };
  }

  async get(policy: Policy, id: string): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    await this.completeEnded();
    const row = await this.repo.find(id);
    if (!row) throw notFound('There is no such assignment.');
    return this.withPeople(row);
  }

  async cancel(policy: Policy, id: string): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    await this.tx.run(async (tx) => {
      const row = await this.locked(tx, id);
      if (row.status !== 'draft' && row.status !== 'active')
        throw conflict('already_ended', 'This assignment has ended already.');
      await this.repo.setStatus(tx, id, 'cancelled');
      for (const userId of await this.repo.peopleOn(tx, id))
        await this.tell(tx, userId, 'assignment_cancelled', `Oppdraget «${row.title}» er avlyst.`);
    });
    return this.get(policy, id);
  }

  async start(policy: Policy, id: string): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    await this.tx.run(async (tx) => {
      const row = await this.locked(tx, id);
      if (row.status !== 'draft') throw conflict('not_draft', 'Only a draft assignment can start.');
      const accepted = (await this.repo.offersOf(id, tx)).filter((o) => o.status === 'accepted');
      // Nobody carries an assignment alone: a backup has said yes before it starts.
      if (!accepted.some((o) => o.role === 'primary') || !accepted.some((o) => o.role === 'backup'))
        throw conflict('needs_backup', 'An assignment starts only when a primary and a backup have both accepted.');
      if (row.ends_at.getTime() <= Date.now())
        throw conflict('ended', 'The end date has passed: make a new assignment.');
      // Someone who paused after saying yes is not started on it.
      for (const o of accepted) {
        const member = (await this.repo.member(tx, o.user_id))!;
        if (member.paused) throw conflict('member_unavailable', `${member.display_name} has paused.`);
      }
      await this.repo.setStatus(tx, id, 'active');
    });
    return this.get(policy, id);
  }

  async complete(policy: Policy, id: string): Promise<AdminAssignmentDto> {
    ensure(policy.can('admin.pool'));
    await this.tx.run(async (tx) => {
      const row = await this.locked(tx, id);
      if (row.status !== 'active') throw conflict('not_active', 'Only an active assignment can be completed.');
      await this.repo.setStatus(tx, id, 'completed');
      await this.askForLastCheckin(tx, row);
    });
    return this.get(policy, id);
  }

  async offer(policy: Policy, id: string, dto: OfferInputDto): Promise<OfferDto> {
    ensure(policy.can('admin.pool'));
    return this.tx.run(async (tx) => {
      const row = await this.locked(tx, id);
      if (row.status !== 'draft' && row.status !== 'active')
        throw conflict('already_ended', 'This assignment has ended; nobody can be offered it.');
      const member = await this.repo.member(tx, dto.userId);
      if (!member) throw notFound('There is no such user.');
      if (!roleAtLeast(member.role as Role, 'panel'))
        throw conflict('not_panel_member', 'Only panel members can be offered assignments.');
      unavailable(member);
      const live = (await this.repo.offersOf(id, tx)).filter((o) => o.status === 'offered' || o.status === 'accepted');
      if (live.some((o) => o.role === dto.role))
        throw conflict('role_taken', `This assignment has a ${dto.role} offered or accepted already.`);
      const offerId = await this.repo.insertOffer(tx, id, dto.userId, dto.role);
      if (!offerId) throw conflict('already_offered', `${member.display_name} is offered this assignment already.`);
      const role = dto.role === 'primary' ? 'hovedperson' : 'reserve';
      await this.tell(tx, dto.userId, 'assignment_offer', `Du er spurt om å være ${role} på oppdraget «${row.title}».`);
      return { id: offerId, assignmentId: id, userId: dto.userId, role: dto.role, status: 'offered' as const };
    });
  }

  async suggestions(policy: Policy, id: string): Promise<PoolSuggestionDto[]> {
    ensure(policy.can('admin.pool'));
    if (!(await this.repo.find(id))) throw notFound('There is no such assignment.');
    return (await this.repo.available(id)).map(toSuggestionDto);
  }

  async load(policy: Policy): Promise<LoadDto[]> {
    ensure(policy.can('admin.pool'));
    await this.completeEnded();
    return (await this.repo.members()).map(toLoadDto);
  }

  // --- the member ---

  async mine(policy: Policy): Promise<MyAssignmentsDto> {
    ensure(policy.can('pool.member'));
    await this.completeEnded();
    const userId = policy.userId!;
    const checkins = await this.repo.myCheckins(userId);
    return {
      offers: (await this.repo.myOffers(userId)).map(toMyOfferDto),
      assignments: (await this.repo.myAssignments(userId)).map((a) => toMyAssignmentDto(a, checkins)),
    };
  }

  async answer(policy: Policy, offerId: string, to: 'accepted' | 'declined'): Promise<OfferDto> {
    ensure(policy.can('pool.member'));
    return this.tx.run(async (tx) => {
      const offer = await this.repo.offer(tx, offerId);
      // Someone else's offer does not exist for the caller.
      if (!offer || offer.user_id !== policy.userId) throw notFound('There is no such offer.');
      const row = await this.locked(tx, offer.assignment_id);
      if (offer.status !== 'offered') throw conflict('already_answered', 'You have answered this offer already.');
      if (row.status !== 'draft' && row.status !== 'active')
        throw conflict('already_ended', 'This assignment has ended or was cancelled.');
      // Under the member's row lock: two offers accepted at once cannot both pass the limit.
      if (to === 'accepted') unavailable((await this.repo.member(tx, offer.user_id))!, 'you');
      await this.repo.answerOffer(tx, offerId, to);
      if (to === 'accepted' && offer.role === 'backup' && row.needs_backup)
        await this.repo.setNeedsBackup(tx, row.id, false);
      return { id: offerId, assignmentId: offer.assignment_id, userId: offer.user_id, role: offer.role, status: to };
    });
  }

  async checkin(policy: Policy, assignmentId: string, dto: CheckinInputDto): Promise<CheckinReceiptDto> {
    ensure(policy.can('pool.member'));
    await this.completeEnded();
    const note = dto.note || null;
    const crisis = (await this.screening.screen(note)).matches.some((m) => m.action === 'crisis');
    const help = crisis ? await this.crisisSupport.support() : null;
    const userId = policy.userId!;
    const result = await this.tx.run(async (tx) => {
      const row = await this.repo.find(assignmentId, tx, true);
      const [mine] = row ? await this.repo.myAssignments(userId, assignmentId, tx) : [];
      // Only those on it (primary or backup) check in; to anyone else it does not exist.
      if (!row || !mine || mine.offer_status !== 'accepted') throw notFound('You are not on this assignment.');
      const final = row.status === 'completed';
      if (final && !mine.final_checkin_due) throw conflict('already_checked_in', 'You have made your last check-in.');
      if (!final && row.status !== 'active') throw conflict('not_active', 'This assignment is not running.');
      const wantPause = (dto.wantPause ?? false) && !final;
      const id = await this.repo.insertCheckin(tx, { assignmentId, userId, load: dto.load, note, wantPause, final });
      if (crisis)
        await this.tellAdmins(
          tx,
          'assignment_checkin_crisis',
          `En innsjekking på oppdraget «${row.title}» kan tyde på krise. Ta kontakt med medlemmet snart.`,
          webRoutes.adminAssignment(row.id),
        );
      const handedOver = wantPause ? await this.handOver(tx, row, userId, mine.role) : false;
      return { id, handedOver };
    });
    return { ...result, ...(help ? { support: help.resources, staffed: help.staffed } : {}) };
  }

  // --- the clock ---

  /** Active assignments past their end are completed, and their members asked to check in one last time. */
  async completeEnded(): Promise<number> {
    return this.tx.run(async (tx) => {
      const ended = await this.repo.completeEnded(tx);
      for (const a of ended) await this.askForLastCheckin(tx, a);
      return ended.length;
    });
  }

  // --- helpers ---

  /**
   * A pause: the member leaves the assignment and the pool until they end the pause. From the
   * primary, the backup becomes primary at once; either way a new backup is wanted.
   */
  private async handOver(tx: EntityManager, row: AssignmentRow, userId: string, role: 'primary' | 'backup') {
    const offers = await this.repo.offersOf(row.id, tx);
    const own = offers.find((o) => o.user_id === userId && o.status === 'accepted')!;
    await this.repo.setOffer(tx, own.id, { status: 'released' });
    await this.repo.pause(tx, userId);
    await this.repo.setNeedsBackup(tx, row.id, true);
    const backup = offers.find((o) => o.role === 'backup' && o.status === 'accepted' && o.user_id !== userId);
    if (role === 'primary' && backup) {
      await this.repo.setOffer(tx, backup.id, { role: 'primary' });
      await this.tell(
        tx,
        backup.user_id,
        'assignment_handover',
        `Du er nå hovedperson på oppdraget «${row.title}»: hovedpersonen har tatt pause. Koordinatoren finner en ny reserve.`,
      );
    }
    const who =
      role === 'primary'
        ? backup
          ? 'Hovedpersonen tok pause, og reserven er nå hovedperson.'
          : 'Hovedpersonen tok pause, og det er ingen reserve.'
        : 'Reserven tok pause.';
    await this.tellAdmins(
      tx,
      'assignment_handover',
      `Oppdraget «${row.title}» trenger en ny reserve. ${who}`,
      webRoutes.adminAssignment(row.id),
    );
    return true;
  }

  private async askForLastCheckin(tx: EntityManager, row: { id: string; title: string }): Promise<void> {
    const offers = await this.repo.offersOf(row.id, tx);
    for (const o of offers.filter((x) => x.status === 'accepted'))
      await this.tell(
        tx,
        o.user_id,
        'assignment_final_checkin',
        `Oppdraget «${row.title}» er avsluttet. Takk! Sjekk inn en siste gang: hvordan var det, og hva ville du gjort annerledes?`,
      );
  }

  private async withPeople(row: AssignmentRow): Promise<AdminAssignmentDto> {
    return {
      ...toAssignmentDto(row),
      offers: (await this.repo.offersOf(row.id)).map(toAdminOfferDto),
      checkins: (await this.repo.checkinsOf(row.id)).map(toAdminCheckinDto),
    };
  }

  private async locked(tx: EntityManager, id: string): Promise<AssignmentRow> {
    const row = await this.repo.find(id, tx, true);
    if (!row) throw notFound('There is no such assignment.');
    return row;
  }

  private fields(dto: CreateAssignmentDto): AssignmentFields {
    const startsAt = when(dto.startsAt, 'startsAt');
    const endsAt = when(dto.endsAt, 'endsAt');
    if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt.');
    if (endsAt.getTime() - startsAt.getTime() > MAX_DAYS * DAY_MS)
      throw badRequest(
        `endsAt must be at most ${MAX_DAYS} days after startsAt; a renewal is a new assignment.`,
        'too_long',
      );
    return {
      title: dto.title,
      description: dto.description,
      requester: dto.requester,
      confidentiality: dto.confidentiality,
      startsAt,
      endsAt,
      estimatedHours: dto.estimatedHours,
      compensation: dto.compensation || null,
    };
  }

  private async tell(tx: EntityManager, userId: string, type: NotificationType, text: string): Promise<void> {
    await this.notifications.send(tx, { userId }, { type, text, link: webRoutes.myAssignments() });
  }

  private async tellAdmins(tx: EntityManager, type: NotificationType, text: string, link: string): Promise<void> {
    for (const adminId of await this.users.adminIds(tx))
      await this.notifications.send(tx, { userId: adminId }, { type, text, link });
  }
}

/**
 * Nobody is given more than they said they can carry: a paused member, or one whose accepted
 * offers on assignments not yet ended (drafts too) reach their limit, is refused with 409.
 */
function unavailable(member: MemberRow, who: 'them' | 'you' = 'them'): void {
  const name = who === 'you' ? 'You' : member.display_name;
  if (member.paused) throw conflict('member_unavailable', `${name} ${who === 'you' ? 'have' : 'has'} paused.`);
  if (member.committed >= member.max_active)
    throw conflict(
      'member_unavailable',
      who === 'you'
        ? 'You already have as many assignments as you said you want at once.'
        : `${name} already has ${member.committed} assignment(s) they said yes to, their most at once.`,
    );
}
