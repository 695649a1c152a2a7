/**
 * What a key is for. Each kind has scopes of its own (a thread id, a café session id), and a user's
 * keys in two scopes are unrelated. A thread's and a café session's key are taken over the bare id
 * (the hashes stored so far depend on it); a kind added later is taken over `kind:id`, so its keys
 * never equal a thread's or a session's (issue 12: consultations, notification keys).
 */
export type ScopeKind = 'thread' | 'cafe_session';

export interface Scope {
  kind: ScopeKind;
  id: string;
}

export const threadScope = (id: string): Scope => ({ kind: 'thread', id });
export const cafeSessionScope = (id: string): Scope => ({ kind: 'cafe_session', id });

/** The text the key of a scope is computed over. */
export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'thread':
    case 'cafe_session':
      return scope.id;
  }
}
