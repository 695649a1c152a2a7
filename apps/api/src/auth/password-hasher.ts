import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

const OPTIONS = { algorithm: Algorithm.Argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** argon2id (OWASP's minimum parameters), with a dummy hash so unknown users take as long as known ones. */
@Injectable()
export class PasswordHasher {
  private dummy?: Promise<string>;

  hash(password: string): Promise<string> {
    return hash(password, OPTIONS);
  }

  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    const target = passwordHash ?? (await (this.dummy ??= hash('not-a-real-password-' + Math.random(), OPTIONS)));
    const ok = await verify(target, password).catch(() => false);
    return ok && passwordHash !== undefined;
  }
}
