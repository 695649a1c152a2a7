import fc from 'fast-check';

/** Inputs that have broken servers before: empty, control and invalid characters, injection shapes, huge. */
export const hostileStrings = [
  '',
  ' ',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '\uDFFF',
  'x\uD83Dy',
  '\u202Eevil',
  '\u200B',
  'ǅ',
  'ﬀ',
  '𝕏'.repeat(50),
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "' OR '1'='1' --",
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'null',
  'undefined',
  'NaN',
  '-1',
  '0',
  '1e400',
  '9'.repeat(40),
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '{"$gt":""}',
  '${7*7}',
  '{{7*7}}',
  'a'.repeat(300),
  'ø'.repeat(20_001),
  'Æ'.repeat(1_000_00),
];
export const hostileString = fc.oneof(
  fc.constantFrom(...hostileStrings),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.uuid(),
);
export const { value: hostileValue } = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileString,
    fc.integer(),
    fc.constantFrom(0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.5, true, false, null),
    fc.array(tie('value'), { maxLength: 4 }),
    tie('object'),
  ),
  object: fc
    .array(fc.tuple(fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype'), hostileString), tie('value')), {
      maxLength: 4,
    })
    .map((entries) => ({ __entries: entries })),
}));

/** JSON text, keeping `__proto__` and friends as ordinary keys (JSON.stringify of an object would drop them). */
export function toJson(value: unknown): string {
  if (value && typeof value === 'object' && '__entries' in (value as object)) {
    const entries = (value as { __entries: [string, unknown][] }).__entries;
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${toJson(v)}`).join(',')}}`;
  }
  if (Array.isArray(value)) return `[${value.map(toJson).join(',')}]`;
  return JSON.stringify(value) ?? 'null';
}

/** A hostile value as the JavaScript a client would send: prototype keys kept as ordinary own keys. */
export function toPayload(value: unknown): unknown {
  return JSON.parse(toJson(value));
}
