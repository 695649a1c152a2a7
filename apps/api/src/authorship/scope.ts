/**
 * What a key is for. Each kind has scopes of its own (a thread id, a café session id), and a user's
 * keys in two scopes are unrelated. A thread's and a café session's key are taken over the bare id
 * (the hashes stored so far depend on it); a kind added later is taken over `kind:id`, so its keys
 * never equal a thread's or a session's (issue 12: consultations, notification keys).
 */
export type ScopeKind = 'thread' | 'cafe_session' | 'cafe_voice' | 'consultation' | 'ignore';

export interface Scope {
  kind: ScopeKind;
  id: string;
}

export const threadScope = (id: string): Scope => ({ kind: 'thread', id });
export const cafeSessionScope = (id: string): Scope => ({ kind: 'cafe_session', id });

/**
 * One voice of a member in one café session: under their display name (`named`) or under one
 * nickname (its key). Their messages carry the key of the voice, so a dump cannot tie the
 * nickname they used to the name they spoke under a moment before (issue 12.10); restrictions and
 * sanctions keep the session's key, which holds across voices.
 */
export const cafeVoiceScope = (sessionId: string, voice: string): Scope => ({
  kind: 'cafe_voice',
  id: `${sessionId}/${voice}`,
});

/** A consultation: an anonymous respondent's key there finds their answer and tells them of the report. */
export const consultationScope = (id: string): Scope => ({ kind: 'consultation', id });

/**
 * Where a member ignores an anonymous author: one thread (decision 0027). Their key here is what
 * the stored tag of the ignored author is computed with, so it is unrelated to any author key.
 */
export const ignoreScope = (threadId: string): Scope => ({ kind: 'ignore', id: threadId });

/** The voice of a café message, from how it was written. */
export const NAMED_VOICE = 'named';

/** The text the key of a scope is computed over. */
export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'thread':
    case 'cafe_session':
      return scope.id;
    case 'cafe_voice':
    case 'consultation':
    case 'ignore':
      return `${scope.kind}:${scope.id}`;
  }
}
