import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { findPersonalDetails } from '#libs/content';
import type { Policy } from '#libs/policy';
import { webRoutes } from '#libs/contracts';
import { ensure } from '../auth/policy.guard.js';
import { Authorship } from '../authorship/authorship.service.js';
import { consultationScope } from '../authorship/scope.js';
import { ApiError, badRequest, conflict, notFound } from '../common/api-error.js';
import { decodeCursor, toPage, type Page } from '../common/paging.js';
import { RateLimitService } from '../common/rate-limit.service.js';
import { Transactions } from '../database/transactions.js';
import { sha256 } from '../forum/forum-writer.service.js';
import { ContentRenderer } from '../forum/content-renderer.service.js';
import { QueueFeed } from '../moderation/queue-feed.service.js';
import { ContentVersion } from '../page-cache/content-version.service.js';
import { NotificationsService, type NewNotification } from '../notifications/notifications.service.js';
import { CrisisSupportService } from '../screening/crisis-support.service.js';
import { ScreeningService } from '../screening/screening.service.js';
import { UsersRepository } from '../users/users.repository.js';
import { checkAnswers, InvalidInput, tally, toQuestions } from './answers.js';
import {
  ConsultationsRepository,
  type ConsultationRow,
  type Respondent,
  type ResponseRow,
} from './consultations.repository.js';
import type {
  AcknowledgeDto,
  CreateConsultationDto,
  ReportInputDto,
  RespondDto,
  UpdateConsultationDto,
} from './dto/consultation-input.dto.js';
import type {
  AcknowledgementTallyDto,
  ConsultationDto,
  RespondedDto,
  ReportDto,
  ResultsDto,
} from './dto/consultation.dto.js';
import { toConsultationDto, toQuestionDto, toReportDto } from './consultations.mappers.js';

const LOCKED_AFTER_FIRST_ANSWER = ['questions', 'anonymity', 'audience', 'confidentiality'] as const;

/** A receipt code to write down: 10 characters without look-alikes (no 0/O, 1/I/l). */
function newReceiptCode(): string {
  const alphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join('');
}

/** What a receipt code is stored as: its hash, with the code normalised as a person may type it. */
const receiptHash = (code: string) => sha256(`consultation:${code.trim().toUpperCase()}`);

/** One CSV cell; a leading = + - @ would be read as a formula by a spreadsheet, so it is quoted. */
function cell(v: string | number): string {
  const s = String(v);
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function checked<T>(work: () => T): T {
  try {
    return work();
  } catch (e) {
    if (e instanceof InvalidInput) throw badRequest(e.message);
    throw e;
  }
}

/**
 * Consultations (rådslag): asked by the coordinator, answered by the audience (named or
 * anonymously), reported on, and acknowledged (ground rules 8 and 9). Anonymous respondents are
 * found by their keyed hash in the consultation, never stored by id (decision 0031).
 */
@Injectable()
export class ConsultationsService {
  constructor(
    private readonly repo: ConsultationsRepository,
    private readonly tx: Transactions,
    private readonly renderer: ContentRenderer,
    private readonly authorship: Authorship,
    private readonly screening: ScreeningService,
    private readonly crisisSupport: CrisisSupportService,
    private readonly notifications: NotificationsService,
    private readonly limits: RateLimitService,
    private readonly users: UsersRepository,
    private readonly queue: QueueFeed,
    private readonly contentVersion: ContentVersion,
  ) {}

  /** Opens and closes what is due. Not a REST write: kept pages must be told. */
  async tick(): Promise<void> {
    if ((await this.repo.tick()) > 0) await this.contentVersion.bump({ content: true });
  }

  // --- the coordinator ---

  async create(policy: Policy, dto: CreateConsultationDto): Promise<ConsultationDto> {
    ensure(policy.can('admin.consultations'));
    const questions = checked(() => toQuestions(dto.questions));
    const fields = await this.fields(dto);
    const id = await this.tx.run((tx) =>
      this.repo.insert(tx, { ...fields, createdBy: policy.userId ?? null }, questions),
    );
    return this.get(policy, id);
  }

  async update(policy: Policy, id: string, dto: UpdateConsultationDto): Promise<ConsultationDto> {
    ensure(policy.can('admin.consultations'));
    const questions = dto.questions ? checked(() => toQuestions(dto.questions!)) : null;
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (row.status === 'archived') throw conflict('archived', 'An archived consultation is not changed any more.');
      if (row.response_count > 0) {
        const locked = LOCKED_AFTER_FIRST_ANSWER.filter((f) => dto[f] !== undefined);
        if (locked.length > 0)
          throw conflict('questions_locked', `After the first answer ${locked.join(', ')} can't change.`);
      }
      const merged = await this.fields({
        title: dto.title ?? row.title,
        summary: dto.summary ?? row.summary,
        body: dto.body ?? row.body,
        requester: dto.requester ?? row.requester,
        audience: dto.audience ?? row.audience,
        anonymity: dto.anonymity ?? row.anonymity,
        confidentiality: dto.confidentiality ?? row.confidentiality ?? undefined,
        opensAt: dto.opensAt ?? row.opens_at.toISOString(),
        closesAt: dto.closesAt ?? row.closes_at.toISOString(),
        reportDueAt: dto.reportDueAt ?? row.report_due_at?.toISOString(),
      });
      await this.repo.update(tx, id, merged);
      if (questions) await this.repo.replaceQuestions(tx, id, questions);
    });
    return this.get(policy, id);
  }

  async publish(policy: Policy, id: string): Promise<ConsultationDto> {
    ensure(policy.can('admin.consultations'));
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (row.status !== 'draft') throw conflict('already_published', 'This consultation is published already.');
      if (!row.confidentiality)
        throw badRequest('confidentiality is required to publish: say what may and may not be shared (ground rule 4).');
      if (!row.report_due_at) throw badRequest('reportDueAt is required to publish: when will the report come?');
      if (row.report_due_at < row.closes_at) throw badRequest('reportDueAt must be after closesAt.');
      if (row.closes_at.getTime() <= Date.now()) throw badRequest('closesAt must be in the future to publish.');
      await this.repo.setStatus(tx, id, row.opens_at.getTime() <= Date.now() ? 'open' : 'scheduled');
    });
    return this.get(policy, id);
  }

  async close(policy: Policy, id: string): Promise<ConsultationDto> {
    ensure(policy.can('admin.consultations'));
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (row.status !== 'open' && row.status !== 'scheduled')
        throw conflict('not_open', 'Only an open or scheduled consultation can be closed.');
      await this.repo.setStatus(tx, id, 'closed');
    });
    return this.get(policy, id);
  }

  // --- everyone in the audience ---

  async list(policy: Policy, limit: number, cursor: string | undefined): Promise<Page<ConsultationDto>> {
    await this.tick();
    const after = decodeCursor(cursor, ['date', 'uuid']) as [string, string] | null;
    const admin = policy.can('admin.consultations').allowed;
    const audiences = admin ? (['everyone', 'members', 'panel'] as const) : policy.consultationAudiences();
    const rows = await this.repo.list([...audiences], admin, after, limit + 1);
    return toPage(
      rows,
      limit,
      (r) => [r.created_key, r.id],
      (r) => toConsultationDto(r, policy),
    );
  }

  async get(policy: Policy, id: string): Promise<ConsultationDto> {
    await this.tick();
    const row = await this.visible(policy, id);
    const questions = (await this.repo.questionsOf(id)).map(toQuestionDto);
    const who = await this.respondentOf(policy, row);
    const responded = 'guest' in who ? false : (await this.repo.responseOf(id, who)) !== null;
    return { ...toConsultationDto(row, policy), questions, responded };
  }

  async respond(policy: Policy, id: string, dto: RespondDto, ip: string): Promise<RespondedDto> {
    await this.tick();
    const row = await this.repo.find(id);
    if (!row) throw notFound('No such consultation.');
    ensure(policy.canRespondToConsultation(row));
    if (row.status !== 'open') throw conflict('not_open', 'This consultation is not open for answers.');
    const questions = await this.repo.questionsOf(id);
    const answers = checked(() => checkAnswers(questions, dto.answers));
    const texts = answers.filter((a) => typeof a.value === 'string').map((a) => a.value as string);
    const screened = await this.screening.screen(...texts);
    const crisis = screened.matches.some((m) => m.action === 'crisis');
    const help = crisis ? await this.crisisSupport.support() : null;
    // A refusal from here on carries the helplines for crisis text (@ScreenedWriting on the route).
    if (policy.isGuest) await this.limits.consume('consultationAnswersPerGuestIp', ip);
    const who = await this.respondentOf(policy, row);
    const code = newReceiptCode();
    await this.tx.run(async (tx) => {
      const locked = await this.lockedOrNotFound(tx, id);
      if (locked.status !== 'open') throw conflict('not_open', 'This consultation is not open for answers.');
      // Questions lock at the first answer; until then an edit may have changed them meanwhile.
      const current = await this.repo.questionsOf(id, tx);
      const valid = checked(() => checkAnswers(current, dto.answers));
      const inserted = await this.repo.insertResponse(tx, id, who, receiptHash(code), valid);
      if (!inserted) throw conflict('already_responded', 'You have answered this consultation already.');
      if (crisis) await this.queue.consultationAnswer(tx, inserted);
      if ('hash' in who)
        await this.authorship.remember(await this.authorship.viewer(policy.userId, tx), consultationScope(id), tx);
    });
    // Anonymous answers are not held, so what could name someone is pointed out afterwards, with the receipt.
    const details = row.anonymity === 'anonymous' ? findPersonalDetails(texts.join('\n')) : [];
    const notices =
      details.length > 0
        ? [
            {
              code: 'personal_details',
              message:
                'Your answer seems to contain a phone number, an email address or a national identity number. Free texts are read by the coordinator only, who must not quote anything that could point to a person.',
            },
          ]
        : [];
    return {
      receiptCode: code,
      ...(notices.length > 0 ? { notices } : {}),
      ...(help ? { support: help.resources, staffed: help.staffed } : {}),
    };
  }

  async results(policy: Policy, id: string): Promise<ResultsDto> {
    const row = await this.visible(policy, id);
    const admin = policy.can('admin.consultations').allowed;
    if (!admin && !row.report_published_at) throw notFound('The results are shown with the report.');
    const questions = await this.repo.questionsOf(id);
    return {
      responseCount: await this.repo.countedResponses(id),
      questions: tally(questions, await this.repo.answersOf(id), admin),
    };
  }

  /** Aggregates and free texts, never one row per respondent. */
  async resultsCsv(policy: Policy, id: string): Promise<string> {
    ensure(policy.can('admin.consultations'));
    const results = await this.results(policy, id);
    const questions = await this.repo.questionsOf(id);
    const lines = [['question', 'kind', 'answer', 'count'].join(',')];
    for (const [i, q] of questions.entries()) {
      const r = results.questions[i];
      for (const [value, count] of Object.entries(r.counts ?? {}))
        lines.push([q.prompt, q.kind, value, count].map(cell).join(','));
      if (r.mean !== null) lines.push([q.prompt, q.kind, 'mean', r.mean.toFixed(2)].map(cell).join(','));
      for (const text of r.texts ?? []) lines.push([q.prompt, q.kind, text, ''].map(cell).join(','));
    }
    return `${lines.join('\r\n')}\r\n`;
  }

  // --- the report (rule 8) and its receipt (rule 9) ---

  async putReport(policy: Policy, id: string, dto: ReportInputDto): Promise<ReportDto> {
    ensure(policy.can('admin.consultations'));
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (row.status !== 'closed') throw conflict('not_closed', 'The report is written after the consultation closes.');
      await this.repo.setReport(tx, id, {
        heard: dto.heard,
        done: dto.done,
        planned: dto.planned,
        notDone: dto.notDone,
        recommendations: dto.recommendations.map((r) => ({ ...r, explanation: r.explanation || null })),
      });
    });
    return this.reportForAdmin(id);
  }

  async publishReport(policy: Policy, id: string): Promise<ReportDto> {
    ensure(policy.can('admin.consultations'));
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (row.status !== 'closed')
        throw conflict('not_closed', 'The report is published after the consultation closes.');
      if (!row.report) throw badRequest('Write the report first (PUT …/report).');
      const unexplained = row.report.recommendations.findIndex((r) => r.outcome !== 'adopted' && !r.explanation);
      if (unexplained >= 0)
        throw badRequest(`recommendations[${unexplained}].explanation is required for anything not adopted.`);
      await this.repo.publishReport(tx, id);
      for (const r of await this.repo.respondents(tx, id))
        await this.tell(tx, r, id, {
          type: 'consultation_report',
          text: `Rapporten fra rådslaget «${row.title}» er klar. Si gjerne fra at du har fått den.`,
        });
    });
    return this.reportForAdmin(id);
  }

  async report(policy: Policy, id: string): Promise<ReportDto> {
    const row = await this.visible(policy, id);
    if (!row.report || !row.report_published_at) throw notFound('The report is not published yet.');
    return toReportDto(row);
  }

  async acknowledge(policy: Policy, id: string, dto: AcknowledgeDto): Promise<{ id: string }> {
    const row = await this.visible(policy, id);
    if (!row.report_published_at) throw notFound('The report is not published yet.');
    const response = await this.responseOfCaller(policy, row, dto.receiptCode);
    if (!response) throw new ApiError(403, 'not_respondent', 'Only those who answered can confirm the report.');
    const ackId = await this.tx.run((tx) =>
      this.repo.upsertAcknowledgement(tx, response.id, dto.response, dto.comment?.trim() || null),
    );
    return { id: ackId };
  }

  async acknowledgements(policy: Policy, id: string): Promise<AcknowledgementTallyDto> {
    ensure(policy.can('admin.consultations'));
    const row = await this.visible(policy, id);
    const items = await this.repo.acknowledgementsOf(id);
    const count = (r: string) => items.filter((i) => i.response === r).length;
    return {
      respondents: row.response_count,
      acknowledged: items.length,
      received: count('received'),
      question: count('question'),
      followUp: count('follow_up'),
      items: items.map((i) => ({
        id: i.id,
        response: i.response,
        comment: i.comment,
        createdAt: i.created_on,
        handledAt: i.handled_at?.toISOString() ?? null,
        handledNote: i.handled_note,
      })),
    };
  }

  async handle(policy: Policy, id: string, ackId: string, note: string): Promise<{ id: string }> {
    ensure(policy.can('admin.consultations'));
    const row = await this.visible(policy, id);
    await this.tx.run(async (tx) => {
      const respondent = await this.repo.handle(tx, id, ackId, note);
      if (!respondent) throw notFound('No such acknowledgement.');
      await this.tell(tx, respondent, id, {
        type: 'consultation_follow_up',
        text: `Svar på det du tok opp om rådslaget «${row.title}»: ${note}`,
      });
    });
    return { id: ackId };
  }

  async archive(policy: Policy, id: string): Promise<ConsultationDto> {
    ensure(policy.can('admin.consultations'));
    await this.tx.run(async (tx) => {
      const row = await this.lockedOrNotFound(tx, id);
      if (!row.report_published_at) throw conflict('report_missing', 'Publish the report before archiving.');
      if ((await this.repo.openFollowUps(tx, id)) > 0)
        throw conflict('follow_up_open', 'A question or follow-up from a respondent is not handled yet.');
      await this.repo.setStatus(tx, id, 'archived');
    });
    return this.get(policy, id);
  }

  // --- helpers ---

  private async fields(dto: Omit<CreateConsultationDto, 'questions'>) {
    const opensAt = new Date(dto.opensAt);
    const closesAt = new Date(dto.closesAt);
    if (closesAt <= opensAt) throw badRequest('closesAt must be after opensAt.');
    const reportDueAt = dto.reportDueAt ? new Date(dto.reportDueAt) : null;
    if (reportDueAt && reportDueAt < closesAt) throw badRequest('reportDueAt must be after closesAt.');
    return {
      title: dto.title,
      summary: dto.summary,
      body: dto.body,
      bodyHtml: (await this.renderer.render(dto.body)).html,
      requester: dto.requester,
      audience: dto.audience,
      anonymity: dto.anonymity,
      confidentiality: dto.confidentiality ?? null,
      opensAt,
      closesAt,
      reportDueAt,
    };
  }

  private async lockedOrNotFound(tx: EntityManager, id: string): Promise<ConsultationRow> {
    const row = await this.repo.lock(tx, id);
    if (!row) throw notFound('No such consultation.');
    return row;
  }

  /** The consultation if the caller's audience admits it; 404 as for one that does not exist. */
  private async visible(policy: Policy, id: string): Promise<ConsultationRow> {
    const row = await this.repo.find(id);
    if (!row) throw notFound('No such consultation.');
    ensure(policy.canSeeConsultation(row));
    return row;
  }

  /** Named: the account; anonymous: the account's key in this consultation; a guest: no one. */
  private async respondentOf(policy: Policy, row: ConsultationRow): Promise<Respondent> {
    if (!policy.userId) return { guest: true };
    if (row.anonymity === 'named') return { userId: policy.userId };
    const key = (await this.authorship.viewer(policy.userId)).keyIn(consultationScope(row.id));
    return key ? { hash: key } : { guest: true };
  }

  private async responseOfCaller(
    policy: Policy,
    row: ConsultationRow,
    receiptCode: string | undefined,
  ): Promise<ResponseRow | null> {
    if (receiptCode) return this.repo.responseByReceipt(row.id, receiptHash(receiptCode));
    const who = await this.respondentOf(policy, row);
    return this.repo.responseOf(row.id, who);
  }

  /** A respondent is told: by id when named, through their key when anonymous; a guest reads it on the receipt. */
  private async tell(tx: EntityManager, r: ResponseRow, id: string, n: Omit<NewNotification, 'post'>): Promise<void> {
    const link = webRoutes.consultation(id);
    if (r.user_id) await this.notifications.send(tx, { userId: r.user_id }, { ...n, link });
    else if (r.respondent_hash)
      await this.notifications.send(tx, { hash: r.respondent_hash, scope: consultationScope(id) }, { ...n, link });
  }

  private async reportForAdmin(id: string): Promise<ReportDto> {
    const row = await this.repo.find(id);
    return toReportDto(row!);
  }

  /** The clock's reminders: every admin, once a day, for each overdue report. */
  async remindOverdue(): Promise<void> {
    const overdue = await this.repo.overdueToRemind();
    if (overdue.length === 0) return;
    await this.tx.run(async (tx) => {
      const admins = await this.users.adminIds(tx);
      for (const c of overdue)
        for (const adminId of admins)
          await this.notifications.send(
            tx,
            { userId: adminId },
            {
              type: 'consultation_overdue',
              text: `Rapporten fra rådslaget «${c.title}» er på overtid. Alle som kan se rådslaget, ser det.`,
              link: webRoutes.consultation(c.id),
            },
          );
    });
  }
}
