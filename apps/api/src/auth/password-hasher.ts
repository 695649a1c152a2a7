import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';
import pLimit from 'p-limit';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/**
 * How many argon2 computations run at once. Each takes ~20 MB and a libuv thread (there are four,
 * shared with file and DNS work); more at once only makes everyone slower. A flood of logins or
 * password checks waits here instead of starving other requests.
 */
const AT_ONCE = 2;

/** argon2id (OWASP's minimum parameters), with a dummy hash so unknown users take as long as known ones. */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;
  private readonly slots = pLimit(AT_ONCE);

  hash(password: string): Promise<string> {
    return this.slots(() => hash(password, OPTIONS));
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await (this.dummy ??= this.hash('not-a-real-password-' + Math.random())));
    const ok = await this.slots(() => verify(target, password)).catch(() => false);
    return ok && passwordHash !== undefined;
  }

  /** Computations waiting for a slot (for the operations view and tests). */
  get waiting(): number {
    return this.slots.pendingCount;
  }
}
