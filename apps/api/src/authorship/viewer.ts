import { authorKey, sameKey, tagUnder } from './author-key.js';
import { indexKey } from './own-scopes.js';
import { ignoreScope, type Scope, threadScope } from './scope.js';

/** What authorship of a piece of content looks like in a row. */
export interface Authored {
  authorKind: 'user' | 'anonymous' | 'guest';
  authorId: string | null;
  anonHash: Buffer | null;
  /** The scope of the keyed hash: the thread, for forum content. */
  scope: Scope;
}

/** A user's keys in a list of scopes of one kind, in the shape the queries take them (two arrays). */
export interface ScopedKeys {
  ids: string[];
  hashes: Buffer[];
}

/**
 * Answers "did the asking user write this?" for one request, computing each key once. Built by
 * `Authorship.viewer()`; the salt never leaves it.
 */
export class Viewer {
  private readonly keys = new Map<string, Buffer>();

  constructor(
    private readonly secret: string,
    readonly userId: string | undefined,
    private readonly salt: Buffer | null,
  ) {}

  /** The user's key in a scope, or null for a guest (or an account deleted meanwhile). */
  keyIn(scope: Scope): Buffer | null {
    if (!this.salt) return null;
    const cacheKey = `${scope.kind}\u0000${scope.id}`;
    let key = this.keys.get(cacheKey);
    if (!key) {
      key = authorKey(this.secret, this.salt, scope);
      this.keys.set(cacheKey, key);
    }
    return key;
  }

  /** The user's key in a forum thread: how their anonymous posts and threads there are written and found. */
  keyInThread(threadId: string): Buffer | null {
    return this.keyIn(threadScope(threadId));
  }

  /** The user's keys in these scopes (none for a guest). */
  keysIn(kind: Scope['kind'], ids: string[]): ScopedKeys {
    if (!this.salt) return { ids: [], hashes: [] };
    return { ids, hashes: ids.map((id) => this.keyIn({ kind, id })!) };
  }

  wrote(content: Authored): boolean {
    if (!this.userId) return false;
    if (content.authorKind === 'user') return content.authorId === this.userId;
    if (content.authorKind === 'anonymous') return sameKey(this.keyIn(content.scope), content.anonHash);
    return false;
  }

  /** The key of the user's sealed index of own scopes (own-scopes.ts); null for a guest. */
  ownIndexKey(): Buffer | null {
    return this.salt ? indexKey(this.secret, this.salt) : null;
  }

  /**
   * What the user stores to ignore the anonymous author whose key in `threadId` is `anonHash`
   * (decision 0027): a tag only they can compute, good in that thread only. Null for a guest.
   */
  ignoreTag(threadId: string, anonHash: Buffer): Buffer | null {
    const key = this.keyIn(ignoreScope(threadId));
    return key ? tagUnder(key, anonHash) : null;
  }

  /** Whether `hash` is the user's key in `scope`. */
  holds(scope: Scope, hash: Buffer | null | undefined): boolean {
    return sameKey(this.keyIn(scope), hash);
  }
}
