import { Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { ContentVersion } from './content-version.service.js';
import { inReadRequest } from './read-requests.js';

interface Entry {
  version: string;
  value: unknown;
  size: number;
}

/**
 * Rows that are the same for everyone in one audience (a thread, a page of its posts, a page of a
 * category's threads, as read for the visibilities a role may read), held for the content version
 * they were read under (docs/decisions/0042-shared-rows-and-the-viewer-overlay.md). What is one
 * viewer's own (`mine`, their held posts, reactions, filters, the policy's answers) is never kept
 * here: callers keep only what they read without the viewer, and work the viewer out per request.
 *
 * The version is read before the load and again after it, and a value is kept only if both agree,
 * so a page read while a write was committing is never served after the writer has its answer.
 * Only reads are answered from here: a write's own answer is read after its change, before the
 * version has moved on.
 */
@Injectable()
export class SharedRows {
  private readonly cache = new LRUCache<string, Entry>({
    maxSize: 64 * 1024 * 1024,
    sizeCalculation: (e) => e.size,
    ttl: 60_000,
  });

  constructor(private readonly version: ContentVersion) {}

  /**
   * The value under `key` for the current content version, or what `load` reads (kept for the next
   * caller). `key` must name everything the load depends on; `size` estimates its bytes.
   */
  async read<T extends object>(key: string, load: () => Promise<T>, size: (value: T) => number): Promise<T> {
    if (!inReadRequest()) return load();
    let before: string;
    try {
      before = await this.version.current();
    } catch {
      return load(); // Redis away: read afresh rather than risk a stale page
    }
    const hit = this.cache.get(key);
    if (hit && hit.version === before) return hit.value as T;
    const value = await load();
    const after = await this.version.current().catch(() => null);
    if (after === before)
      this.cache.set(key, { version: before, value: freeze(value), size: Math.max(64, size(value)) });
    return value;
  }
}

/** What is shared is read by many requests at once: nobody may change it in place. */
function freeze<T extends object>(value: T): T {
  for (const part of Object.values(value)) if (part && typeof part === 'object' && !Buffer.isBuffer(part)) freeze(part);
  return Object.isFrozen(value) ? value : Object.freeze(value);
}
