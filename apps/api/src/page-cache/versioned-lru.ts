import { LRUCache } from 'lru-cache';

interface Entry<V> {
  version: string;
  value: V;
  expiresAt: number;
}

/**
 * An LRU whose entries are good for one version only (decisions 0009, 0042, 0044). The version is
 * read before the work that makes a value and again after it, and the value is kept only if both
 * agree: a value made while a write was committing is never served after the writer has its
 * answer. When the version can't be read (Redis away) nothing is served or kept.
 */
export class VersionedLru<V> {
  private readonly cache: LRUCache<string, Entry<V>>;

  constructor(
    private readonly version: () => Promise<string>,
    { maxBytes, size }: { maxBytes: number; size: (value: V) => number },
  ) {
    this.cache = new LRUCache<string, Entry<V>>({
      maxSize: maxBytes,
      sizeCalculation: (e) => Math.max(64, size(e.value)),
    });
  }

  /** The version to make a value under; undefined when it can't be read. */
  begin(): Promise<string | undefined> {
    return this.version().catch(() => undefined);
  }

  /** The value kept under `key` for exactly this version, while it lives. */
  get(key: string, version: string): V | undefined {
    const hit = this.cache.get(key);
    return hit && hit.version === version && hit.expiresAt > Date.now() ? hit.value : undefined;
  }

  /** Keeps `value`, made under `version`, for `lifetimeMs` — if the version has not moved on meanwhile. */
  async keep(key: string, version: string, value: V, lifetimeMs: number): Promise<void> {
    if (lifetimeMs <= 0) return;
    const expiresAt = Date.now() + lifetimeMs;
    if ((await this.begin()) === version) this.cache.set(key, { version, value, expiresAt });
  }
}
