import type {
  AdminCheckinDto,
  AdminOfferDto,
  AssignmentDto,
  CheckinDto,
  LoadDto,
  MyAssignmentDto,
  MyOfferDto,
  PoolSuggestionDto,
} from './dto/assignments.dto.js';
import type {
  AssignmentRow,
  CheckinRow,
  MemberRow,
  MyAssignmentRow,
  MyOfferRow,
  OfferRow,
} from './assignments.repository.js';

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const user = (r: { id?: string; user_id?: string; username: string; display_name: string }, id: string) => ({
  id,
  username: r.username,
  displayName: r.display_name,
});

export function toAssignmentDto(r: AssignmentRow): AssignmentDto {
  return {
    id: r.id,
    title: r.title,
    description: r.description,
    requester: r.requester,
    confidentiality: r.confidentiality,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    estimatedHours: r.estimated_hours,
    compensation: r.compensation,
    status: r.status,
    needsBackup: r.needs_backup,
    createdAt: r.created_at.toISOString(),
  };
}

export function toAdminOfferDto(r: OfferRow): AdminOfferDto {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    userId: r.user_id,
    role: r.role,
    status: r.status,
    user: user(r, r.user_id),
    createdAt: r.created_at.toISOString(),
    answeredAt: iso(r.answered_at),
  };
}

export function toCheckinDto(r: CheckinRow): CheckinDto {
  return {
    id: r.id,
    assignmentId: r.assignment_id,
    load: r.load,
    note: r.note,
    wantPause: r.want_pause,
    final: r.final,
    createdAt: r.created_at.toISOString(),
  };
}

export function toAdminCheckinDto(r: CheckinRow): AdminCheckinDto {
  return { ...toCheckinDto(r), user: user(r, r.user_id) };
}

export function toSuggestionDto(m: MemberRow): PoolSuggestionDto {
  return {
    user: user(m, m.id),
    perspectives: m.perspectives,
    topics: m.topics,
    activeAssignments: m.active,
    maxActiveAssignments: m.max_active,
    lastAssignmentAt: iso(m.last_assignment_at),
  };
}

export function toLoadDto(m: MemberRow): LoadDto {
  return {
    user: user(m, m.id),
    activeAssignments: m.active,
    lastCheckinLoad: m.last_load,
    lastAssignmentAt: iso(m.last_assignment_at),
    paused: m.paused,
    maxActiveAssignments: m.max_active,
  };
}

export function toMyOfferDto(r: MyOfferRow): MyOfferDto {
  return {
    id: r.offer_id,
    assignmentId: r.id,
    userId: r.user_id,
    role: r.role,
    status: r.offer_status,
    title: r.title,
    description: r.description,
    requester: r.requester,
    confidentiality: r.confidentiality,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    estimatedHours: r.estimated_hours,
    compensation: r.compensation,
  };
}

export function toMyAssignmentDto(r: MyAssignmentRow, checkins: CheckinRow[]): MyAssignmentDto {
  return {
    id: r.id,
    title: r.title,
    requester: r.requester,
    confidentiality: r.confidentiality,
    startsAt: r.starts_at.toISOString(),
    endsAt: r.ends_at.toISOString(),
    estimatedHours: r.estimated_hours,
    compensation: r.compensation,
    role: r.role,
    offerStatus: r.offer_status,
    status: r.status,
    needsBackup: r.needs_backup,
    finalCheckinDue: r.final_checkin_due,
    checkins: checkins.filter((c) => c.assignment_id === r.id).map(toCheckinDto),
  };
}
