import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import type { Scope, ScopeKind } from './scope.js';

/**
 * Internal to the authorship module: the sealed index of the scopes where a user wrote anonymously
 * (decision 0026). Every entry has a tag of its own, HMAC(index key, position), and its scope
 * sealed with AES-256-GCM under the index key; the index key is HMAC(ANON_SECRET, "own-scopes" ‖
 * anon_salt), so without the secret a dump sees random tags and ciphertexts, one per (user, scope),
 * that link nothing to anything. The user's entries are found by computing the tags of positions
 * 0, 1, 2, … until one is missing.
 */
export type IndexEntry = { scope: Scope } | { complete: ScopeKind };

export function indexKey(anonSecret: string, anonSalt: Buffer): Buffer {
  return createHmac('sha256', anonSecret).update('own-scopes\u0000').update(anonSalt).digest();
}

export function tagAt(key: Buffer, position: number): Buffer {
  return createHmac('sha256', key).update(`tag:${position}`).digest().subarray(0, 16);
}

export function seal(key: Buffer, entry: IndexEntry): Buffer {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const text = 'scope' in entry ? `scope:${entry.scope.kind}:${entry.scope.id}` : `complete:${entry.complete}`;
  const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

export function unseal(key: Buffer, sealed: Buffer): IndexEntry | null {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
    decipher.setAuthTag(sealed.subarray(12, 28));
    const text = Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString('utf8');
    const [what, kind, id] = text.split(':');
    if (what === 'complete') return { complete: kind as ScopeKind };
    return what === 'scope' && id ? { scope: { kind: kind as ScopeKind, id } } : null;
  } catch {
    return null;
  }
}
