import { Injectable } from '@nestjs/common';
import { ContentVersion } from './content-version.service.js';
import { inReadRequest } from './read-requests.js';
import { VersionedLru } from './versioned-lru.js';

interface Entry {
  value: object;
  size: number;
}

/**
 * Rows that are the same for everyone in one audience (a thread, a page of its posts, a page of a
 * category's threads, as read for the visibilities a role may read), held for the content version
 * they were read under (docs/decisions/0042-shared-rows-and-the-viewer-overlay.md). What is one
 * viewer's own (`mine`, their held posts, reactions, filters, the policy's answers) is never kept
 * here: callers keep only what they read without the viewer, and work the viewer out per request.
 *
 * Kept for one content version, checked before and after the load (VersionedLru). Only reads are answered from here: a write's own answer is read after its change, before the
 * version has moved on.
 */
@Injectable()
export class SharedRows {
  private readonly cache: VersionedLru<Entry>;

  constructor(version: ContentVersion) {
    this.cache = new VersionedLru<Entry>(() => version.current(), { maxBytes: 64 * 1024 * 1024, size: (e) => e.size });
  }

  /**
   * The value under `key` for the current content version, or what `load` reads (kept for the next
   * caller). `key` must name everything the load depends on; `size` estimates its bytes.
   */
  async read<T extends object>(key: string, load: () => Promise<T>, size: (value: T) => number): Promise<T> {
    if (!inReadRequest()) return load();
    const before = await this.cache.begin();
    if (before === undefined) return load(); // Redis away: read afresh rather than risk a stale page
    const hit = this.cache.get(key, before);
    if (hit) return hit.value as T;
    const value = await load();
    await this.cache.keep(key, before, { value: freeze(value), size: size(value) }, 60_000);
    return value;
  }
}

type KeyPart = string | number | readonly (string | number | boolean)[] | null | undefined;

/**
 * A shared-rows key: what is read, then everything the read depends on — the visibilities it was
 * read for, the ids, the cursor, the limit — so two reads share a value only if they are the same read.
 */
export function sharedKey(kind: string, ...parts: KeyPart[]): string {
  return [kind, ...parts.map((p) => (Array.isArray(p) ? p.join(',') : String(p ?? '')))].join(' ');
}

/** What is shared is read by many requests at once: nobody may change it in place. */
function freeze<T extends object>(value: T): T {
  for (const part of Object.values(value)) if (part && typeof part === 'object' && !Buffer.isBuffer(part)) freeze(part);
  return Object.isFrozen(value) ? value : Object.freeze(value);
}
