import { Policy, refuse } from '#libs/policy';
import { RateLimited } from '../common/rate-limit.service.js';
import { CafeError, ensureCafe, toCafeError } from './cafe-error.js';

const thrown = (fn: () => void): CafeError => {
  try {
    fn();
  } catch (e) {
    return e as CafeError;
  }
  throw new Error('nothing thrown');
};

describe('café errors from the policy and shared services', () => {
  it('should carry an account mute from the policy into the café as muted, with until', () => {
    const until = new Date('2030-05-01T10:00:00Z');
    const policy = new Policy({ kind: 'user', id: 'u', role: 'member', muted: true, mutedUntil: until });
    const error = thrown(() => ensureCafe(policy.canWrite()));
    expect(error.toBody()).toEqual({
      code: 'muted',
      message: expect.stringContaining('muted'),
      until: until.toISOString(),
    });
  });

  it('should keep codes the café knows (banned) and turn others into forbidden', () => {
    expect(thrown(() => ensureCafe(refuse(403, 'banned', 'You are banned.'))).code).toBe('banned');
    expect(thrown(() => ensureCafe(refuse(401, 'unauthenticated', 'Log in.'))).code).toBe('forbidden');
    expect(() => ensureCafe({ allowed: true })).not.toThrow();
  });

  it('should turn a rate limit into rate_limited with the seconds to wait, and leave other errors alone', () => {
    expect(toCafeError(new RateLimited(7))?.toBody()).toEqual({
      code: 'rate_limited',
      message: expect.any(String),
      retryAfter: 7,
    });
    expect(toCafeError(new Error('database down'))).toBeNull();
  });
});
