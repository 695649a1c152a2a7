import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { withoutSpoofingControls } from '#libs/content';
import { CafeError } from './cafe-error.js';

/** As for REST bodies (json-body.ts): no NUL characters, no bidirectional overrides or C1 controls. */
function cleanStrings(value: unknown): unknown {
  if (typeof value === 'string') {
    if (value.includes('\u0000'))
      throw new CafeError('invalid', 'The event holds a NUL character, which no field can take.');
    return withoutSpoofingControls(value);
  }
  if (Array.isArray(value)) return value.map(cleanStrings);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanStrings(v)]));
  return value;
}

/**
 * Validates a client event's payload against its DTO, as the HTTP ValidationPipe does for
 * bodies: unknown fields are refused, not dropped. A wrong shape answers `invalid`.
 */
export function parsePayload<T extends object>(dto: ClassConstructor<T>, payload: unknown): T {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) {
    throw new CafeError('invalid', 'Send the event with an object payload and an acknowledgement callback.');
  }
  const instance = plainToInstance(dto, cleanStrings(payload));
  const errors = validateSync(instance, {
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
  });
  if (errors.length > 0) {
    const first = errors[0];
    const message = Object.values(first.constraints ?? {})[0] ?? `${first.property} is not valid`;
    throw new CafeError('invalid', message.replace('property ', ''));
  }
  return instance;
}
