import type { Policy } from '#libs/policy';
import type { ConsultationRow, QuestionRow } from './consultations.repository.js';
import type { ConsultationDto, QuestionDto, ReportDto } from './dto/consultation.dto.js';

/** Past its due date with no report: shown to everyone who can see the consultation. */
export function isOverdue(row: ConsultationRow, now = Date.now()): boolean {
  return (
    row.report_due_at !== null &&
    row.report_due_at.getTime() < now &&
    row.report_published_at === null &&
    (row.status === 'open' || row.status === 'closed')
  );
}

export function toConsultationDto(row: ConsultationRow, policy: Policy): ConsultationDto {
  // While answers come in, a count would let anyone time single answers: admins only.
  const countShown = policy.can('admin.consultations').allowed || !['draft', 'scheduled', 'open'].includes(row.status);
  return {
    id: row.id,
    title: row.title,
    summary: row.summary,
    bodyHtml: row.body_html,
    requester: row.requester,
    audience: row.audience,
    anonymity: row.anonymity,
    confidentiality: row.confidentiality,
    status: row.status,
    opensAt: row.opens_at.toISOString(),
    closesAt: row.closes_at.toISOString(),
    reportDueAt: row.report_due_at?.toISOString() ?? null,
    responseCount: countShown ? row.response_count : null,
    reportPublishedAt: row.report_published_at?.toISOString() ?? null,
    overdue: isOverdue(row),
  };
}

export function toQuestionDto(q: QuestionRow): QuestionDto {
  return {
    id: q.id,
    kind: q.kind,
    prompt: q.prompt,
    ...(q.options ? { options: q.options } : {}),
    required: q.required,
    ...(q.min !== null ? { min: q.min } : {}),
    ...(q.max !== null ? { max: q.max } : {}),
  };
}

export function toReportDto(row: ConsultationRow): ReportDto {
  const r = row.report ?? { heard: '', done: '', planned: '', notDone: '', recommendations: [] };
  return {
    heard: r.heard,
    done: r.done,
    planned: r.planned,
    notDone: r.notDone,
    recommendations: r.recommendations.map((x) => ({
      text: x.text,
      outcome: x.outcome as ReportDto['recommendations'][number]['outcome'],
      explanation: x.explanation ?? null,
    })),
    publishedAt: row.report_published_at?.toISOString() ?? null,
  };
}
