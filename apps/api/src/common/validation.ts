import { ParseUUIDPipe, ValidationPipe, type PipeTransform, type ValidationError } from '@nestjs/common';
import { Transform } from 'class-transformer';
import { badRequest } from './api-error.js';

function flatten(errors: ValidationError[], parent = ''): string[] {
  return errors.flatMap((e) => {
    const path = parent ? `${parent}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((m) =>
      m.includes(e.property) ? m.replace(e.property, path) : `${path}: ${m}`,
    );
    return [...own, ...flatten(e.children ?? [], path)];
  });
}

/** At most ten problems, then how many more: a body of 5,000 bad items gets a short answer. */
function summary(messages: string[]): string {
  const MAX = 10;
  if (messages.length <= MAX) return messages.join('; ');
  return `${messages.slice(0, MAX).join('; ')}; and ${messages.length - MAX} more`;
}

/** Every body and query is checked against its DTO; unknown fields are refused, not dropped. */
export function validationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    forbidUnknownValues: true,
    stopAtFirstError: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => badRequest(summary(flatten(errors)) || 'The request is not valid.'),
  });
}

/** `:id` parameters: a malformed id is 400, so a well-formed unknown one can be 404. */
export const UuidParam = new ParseUUIDPipe({
  exceptionFactory: () => badRequest('The id in the address is not a valid id.', 'invalid_id'),
});

const SLUG = /^[a-z0-9-]{2,48}$/;

/** `:slug` parameters: a category slug of the wrong shape is 400, a well-formed unknown one 404. */
export class SlugParam implements PipeTransform<string, string> {
  transform(value: string): string {
    if (typeof value !== 'string' || !SLUG.test(value))
      throw badRequest('The category in the address is not valid: 2–48 characters of a-z, 0-9 and -.', 'invalid_slug');
    return value;
  }
}

/** Trims a string field before it is validated (a title of spaces is an empty title). */
export const Trim = () =>
  Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));
