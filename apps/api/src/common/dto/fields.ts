import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, type ApiPropertyOptions } from '@nestjs/swagger';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';
import { Trim } from '../validation.js';

type FieldOptions = { optional?: boolean } & Pick<ApiPropertyOptions, 'description' | 'example' | 'default'>;

/**
 * Applies a field's decorators as if written one above the other in this order: the last is
 * applied first, as TypeScript does, so the validators keep the order (and, with
 * stopAtFirstError, the message) of a hand-written stack.
 */
function stacked(...decorators: PropertyDecorator[]): PropertyDecorator {
  return applyDecorators(...decorators.toReversed());
}

/**
 * A trimmed text of at most `max` characters (and at least `min`, when given), with the message
 * the API answers in the field's own name: "title must be 3–150 characters".
 */
export function TextField(
  max: number,
  { min, optional, ...api }: FieldOptions & { min?: number } = {},
): PropertyDecorator {
  return (target, key) => {
    const message = min
      ? `${String(key)} must be ${min}–${max} characters`
      : `${String(key)} must be at most ${max} characters`;
    const lengths = { ...(min ? { minLength: min } : {}), maxLength: max, ...api };
    stacked(
      optional ? ApiPropertyOptional(lengths) : ApiProperty(lengths),
      ...(optional ? [IsOptional()] : []),
      Trim(),
      IsString(),
      ...(min ? [MinLength(min, { message })] : []),
      MaxLength(max, { message }),
    )(target, key);
  };
}

/** A whole number from `min` to `max`: "load must be a whole number from 1 to 5". */
export function WholeNumberField(min: number, max: number, { optional, ...api }: FieldOptions = {}): PropertyDecorator {
  return (target, key) => {
    const message = `${String(key)} must be a whole number from ${min} to ${max}`;
    const range = { minimum: min, maximum: max, ...api };
    stacked(
      optional ? ApiPropertyOptional(range) : ApiProperty(range),
      ...(optional ? [IsOptional()] : []),
      IsInt({ message }),
      Min(min, { message }),
      Max(max, { message }),
    )(target, key);
  };
}
