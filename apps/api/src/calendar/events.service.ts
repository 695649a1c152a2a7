import { Injectable, type OnModuleInit } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { webRoutes } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { ensure } from '../auth/policy.guard.js';
import { badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { ConsultationsRepository } from '../consultations/consultations.repository.js';
import { Transactions } from '../database/transactions.js';
import { ContentRenderer } from '../forum/content-renderer.service.js';
import { NotificationsService } from '../notifications/notifications.service.js';
import { RoleChangesService } from '../users/role-changes.service.js';
import type { CreateEventDto, EventsQueryDto, UpdateEventDto } from './dto/event-input.dto.js';
import type { AchievementDto, EventDto, RegistrationDto, RegistrationEntryDto } from './dto/event.dto.js';
import { eventFacts, registrationOpen, toEventDto } from './events.mappers.js';
import { EventsRepository, type CalendarRow, type EventFields } from './events.repository.js';

const YEAR_MS = 366 * 86_400_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Oslo wall-clock time for notification texts (the recipients live there). */
export const osloTime = (d: Date) =>
  d.toLocaleString('nb-NO', { timeZone: 'Europe/Oslo', dateStyle: 'long', timeStyle: 'short' });

/**
 * The calendar (issue 15): events hosted by the peer workers and up, the café's sessions read in,
 * sign-up with a capacity and a waitlist in order, and the notices that go with them. Every
 * change of a sign-up happens under the event row's lock, so concurrent sign-ups never put more
 * going than the capacity.
 */
@Injectable()
export class EventsService implements OnModuleInit {
  constructor(
    private readonly repo: EventsRepository,
    private readonly tx: Transactions,
    private readonly renderer: ContentRenderer,
    private readonly notifications: NotificationsService,
    private readonly consultations: ConsultationsRepository,
    private readonly roleChanges: RoleChangesService,
  ) {}

  onModuleInit(): void {
    this.roleChanges.register((tx, userId) => this.roleChanged(tx, userId));
  }

  async list(policy: Policy, q: EventsQueryDto): Promise<Page<EventDto>> {
    const from = q.from ? new Date(q.from) : new Date();
    const to = q.to ? new Date(q.to) : new Date(from.getTime() + YEAR_MS);
    if (to <= from) throw badRequest('to must be after from.');
    if (to.getTime() - from.getTime() > 2 * YEAR_MS) throw badRequest('from and to may be at most two years apart.');
    const after = decodeCursor(q.cursor, ['date', 'uuid']) as [string, string] | null;
    const limit = q.limit ?? 50;
    const rows = await this.repo.list({
      audiences: policy.eventAudiences(),
      userId: policy.userId ?? null,
      from,
      to,
      kind: q.kind ?? null,
      after,
      limit: limit + 1,
    });
    return toPage(
      rows,
      limit,
      (r) => [r.start_key, r.id],
      (r) => toEventDto(r, policy),
    );
  }

  async get(policy: Policy, id: string): Promise<EventDto> {
    const row = (await this.repo.find(id, policy.userId ?? null)) ?? (await this.cafeSession(id));
    if (!row) throw notFound('No such event.');
    ensure(policy.canSeeEvent(eventFacts(row, policy)));
    const achievements = row.kind === 'seminar' ? await this.achievements(policy, row) : undefined;
    return toEventDto(row, policy, { achievements });
  }

  /** The row if the caller may see it; 404 as for one that does not exist (events only, not café sessions). */
  async visible(policy: Policy, id: string): Promise<CalendarRow> {
    const row = await this.repo.find(id, policy.userId ?? null);
    if (!row) throw notFound('No such event.');
    ensure(policy.canSeeEvent(eventFacts(row, policy)));
    return row;
  }

  async create(policy: Policy, dto: CreateEventDto): Promise<EventDto> {
    ensure(policy.can('calendar.host'));
    const fields = await this.fields(dto);
    const id = await this.tx.run((tx) => this.repo.insert(tx, fields, policy.userId!));
    return this.get(policy, id);
  }

  async update(policy: Policy, id: string, dto: UpdateEventDto): Promise<EventDto> {
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, policy, id);
      ensure(policy.canManageEvent(eventFacts(row, policy)));
      if (row.status === 'cancelled') throw conflict('cancelled', 'A cancelled event is not changed any more.');
      let summary: { text: string; html: string } | null = null;
      if (dto.summary !== undefined) {
        if (row.ends_at.getTime() > Date.now())
          throw conflict('not_over', 'The summary is written after the event has ended.');
        summary = { text: dto.summary, html: (await this.renderer.render(dto.summary)).html };
      }
      const merged = await this.fields({
        title: dto.title ?? row.title,
        description: dto.description ?? row.description,
        kind: dto.kind ?? (row.kind as EventFields['kind']),
        startsAt: dto.startsAt ?? row.starts_at.toISOString(),
        endsAt: dto.endsAt ?? row.ends_at.toISOString(),
        location:
          dto.location === null
            ? undefined
            : (dto.location ??
              (row.location_name
                ? { name: row.location_name, address: row.location_address ?? undefined }
                : undefined)),
        onlineUrl: dto.onlineUrl === null ? undefined : (dto.onlineUrl ?? row.online_url ?? undefined),
        audience: dto.audience ?? row.audience,
        capacity: dto.capacity === null ? undefined : (dto.capacity ?? row.capacity ?? undefined),
        registration: dto.registration ?? row.registration,
      });
      await this.repo.update(tx, id, merged, summary);
      // A narrower audience: the sign-ups of those outside it go (they can no longer see the event).
      if (merged.audience !== row.audience) await this.repo.dropOutsideAudience(tx, id);
      // Fewer places than are going is refused: nobody's place is taken away (decision 0040).
      const going = await this.repo.goingCount(tx, id);
      if (merged.capacity !== null && merged.capacity < going)
        throw conflict(
          'capacity_below_going',
          `${going} are going, so the capacity cannot be lower than ${going}. Those going can give up their places themselves.`,
        );
      await this.fillFreePlaces(tx, id, merged.title, merged.capacity);
    });
    return this.get(policy, id);
  }

  async cancel(policy: Policy, id: string, reason: string): Promise<EventDto> {
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, policy, id);
      ensure(policy.canManageEvent(eventFacts(row, policy)));
      if (row.status === 'cancelled') throw conflict('cancelled', 'This event is cancelled already.');
      await this.repo.cancel(tx, id, reason);
      for (const userId of await this.repo.registered(tx, id))
        await this.notifications.send(
          tx,
          { userId },
          {
            type: 'event_cancelled',
            text: `«${row.title}» (${osloTime(row.starts_at)}) er avlyst. Begrunnelse: ${reason}`,
            link: webRoutes.event(id),
          },
        );
    });
    return this.get(policy, id);
  }

  /** Going or not going; over the capacity, the waitlist in order; a freed place goes to the first waiting. */
  async register(policy: Policy, id: string, choice: 'going' | 'not_going'): Promise<RegistrationDto> {
    return this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, policy, id);
      ensure(policy.canRegisterForEvent(eventFacts(row, policy)));
      const userId = policy.userId!;
      if (row.status === 'cancelled') throw conflict('cancelled', 'This event is cancelled.');
      if (row.registration !== 'open') throw conflict('registration_closed', 'This event takes no sign-ups.');
      const current = await this.repo.registrationOf(tx, id, userId);
      if (choice === 'going') {
        if (!registrationOpen(row)) throw conflict('event_started', 'Sign-up closes when the event begins.');
        if (current === 'going') return { status: 'going' };
        if (current !== 'waitlisted') {
          const full = row.capacity !== null && (await this.repo.goingCount(tx, id)) >= row.capacity;
          await this.repo.setRegistration(tx, id, userId, full ? 'waitlisted' : 'going');
        }
      } else {
        if (row.ends_at.getTime() <= Date.now()) throw conflict('event_over', 'This event is over.');
        await this.repo.setRegistration(tx, id, userId, 'not_going');
        if (current === 'going' && row.starts_at.getTime() > Date.now())
          await this.fillFreePlaces(tx, id, row.title, row.capacity);
      }
      const status = (await this.repo.registrationOf(tx, id, userId))!;
      const position = status === 'waitlisted' ? await this.repo.waitlistPosition(tx, id, userId) : null;
      return position !== null ? { status, position } : { status };
    });
  }

  async registrations(policy: Policy, id: string): Promise<RegistrationEntryDto[]> {
    const row = await this.visible(policy, id);
    ensure(policy.canManageEvent(eventFacts(row, policy)));
    return (await this.repo.registrations(id)).map((r) => ({
      user: { kind: 'user', username: r.username, displayName: r.display_name, role: r.role },
      status: r.status,
      ...(r.position !== null ? { position: r.position } : {}),
      createdAt: r.created_at.toISOString(),
    }));
  }

  // --- the clock ---

  /** Those going are reminded 24 hours before (in the app, and by email where set up); once. */
  async sendReminders(): Promise<void> {
    for (;;) {
      const sent = await this.tx.run(async (tx) => {
        const due = await this.repo.claimReminders(tx, 20);
        for (const e of due)
          for (const userId of await this.repo.going(tx, e.id))
            await this.notifications.send(
              tx,
              { userId },
              {
                type: 'event_reminder',
                text: `Påminnelse: «${e.title}» begynner ${osloTime(e.starts_at)}.`,
                link: webRoutes.event(e.id),
              },
            );
        return due.length;
      });
      if (sent < 20) return;
    }
  }

  /** After the event, its organiser is asked once for a short summary (what came of it). */
  async askForSummaries(): Promise<void> {
    await this.tx.run(async (tx) => {
      for (const e of await this.repo.claimSummaryRequests(tx, 50))
        await this.notifications.send(
          tx,
          { userId: e.organiser_id },
          {
            type: 'event_summary_due',
            text: `«${e.title}» er over. Skriv gjerne et kort sammendrag av hva dere fikk til.`,
            link: webRoutes.event(e.id),
          },
        );
    });
  }

  // --- helpers ---

  /**
   * A member lost a role: their sign-ups for events outside their audience now go, each under the
   * event's lock, and a place freed goes to the next on the waitlist (decision 0040).
   */
  async roleChanged(tx: EntityManager, userId: string): Promise<void> {
    for (const eventId of await this.repo.eventsOutsideAudienceOf(tx, userId)) {
      const row = await this.repo.lock(tx, eventId, null);
      if (!row) continue;
      const freed = await this.repo.dropOutsideAudience(tx, eventId, userId);
      if (freed > 0 && row.status === 'scheduled' && row.starts_at.getTime() > Date.now())
        await this.fillFreePlaces(tx, eventId, row.title, row.capacity);
    }
  }

  /**
   * While fewer are going than the capacity, the first waiting (in the audience) become going and
   * are told (without the online link: they open the event for it). Under the event's lock.
   */
  private async fillFreePlaces(tx: EntityManager, id: string, title: string, capacity: number | null): Promise<void> {
    const free = capacity === null ? Number.MAX_SAFE_INTEGER : capacity - (await this.repo.goingCount(tx, id));
    for (const userId of await this.repo.promote(tx, id, free))
      await this.notifications.send(
        tx,
        { userId },
        {
          type: 'event_promoted',
          text: `Du har fått plass på «${title}». Vi gleder oss til å se deg!`,
          link: webRoutes.event(id),
        },
      );
  }

  private async lockedOrNotFound(tx: EntityManager, policy: Policy, id: string): Promise<CalendarRow> {
    const row = await this.repo.lock(tx, id, policy.userId ?? null);
    if (!row) throw notFound('No such event.');
    ensure(policy.canSeeEvent(eventFacts(row, policy)));
    return row;
  }

  private async cafeSession(id: string): Promise<CalendarRow | null> {
    return UUID.test(id) ? this.repo.findCafeSession(id) : null;
  }

  /** What the panel achieved: reports published since the previous seminar, of consultations the caller may see. */
  private async achievements(policy: Policy, row: CalendarRow): Promise<AchievementDto[]> {
    const since = await this.repo.previousSeminarStart(row.id, row.starts_at);
    const until = new Date(Math.min(row.starts_at.getTime(), Date.now()));
    const audiences = policy.hasRole('admin')
      ? (['everyone', 'members', 'panel'] as const)
      : policy.consultationAudiences();
    const rows = await this.consultations.reportsPublishedBetween(since, until, [...audiences]);
    return rows.map((c) => ({
      consultationId: c.id,
      title: c.title,
      reportPublishedAt: c.report_published_at.toISOString(),
    }));
  }

  private async fields(dto: CreateEventDto): Promise<EventFields> {
    const startsAt = new Date(dto.startsAt);
    const endsAt = new Date(dto.endsAt);
    if (endsAt <= startsAt) throw badRequest('endsAt must be after startsAt.');
    if (endsAt.getTime() - startsAt.getTime() > 31 * 86_400_000) throw badRequest('An event lasts at most 31 days.');
    return {
      title: dto.title,
      description: dto.description,
      descriptionHtml: (await this.renderer.render(dto.description)).html,
      kind: dto.kind,
      startsAt,
      endsAt,
      locationName: dto.location?.name ?? null,
      locationAddress: dto.location?.address || null,
      onlineUrl: dto.onlineUrl ?? null,
      audience: dto.audience,
      capacity: dto.capacity ?? null,
      registration: dto.registration,
    };
  }
}
