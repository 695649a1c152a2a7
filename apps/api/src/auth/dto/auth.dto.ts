import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  Equals,
  IsEmail,
  IsISO8601,
  ValidateBy,
  type ValidationOptions,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateIf,
} from 'class-validator';

/** A date in the future, at most `days` ahead. */
function IsFutureWithin(days: number, options?: ValidationOptions) {
  return ValidateBy(
    {
      name: 'isFutureWithin',
      validator: {
        validate: (value: unknown) => {
          const at = typeof value === 'string' ? Date.parse(value) : NaN;
          return Number.isFinite(at) && at > Date.now() && at <= Date.now() + days * 86_400_000;
        },
        defaultMessage: () => `until must be in the future and at most ${days} days ahead`,
      },
    },
    options,
  );
}

export const USERNAME_PATTERN = /^[\p{L}\p{N}_-]{3,32}$/u;
const USERNAME_MESSAGE = 'username must be 3–32 characters: letters, digits, _ or -';

export class RegisterDto {
  @ApiProperty({ minLength: 3, maxLength: 32, pattern: '^[\\p{L}\\p{N}_-]{3,32}$' })
  @IsString()
  @Matches(USERNAME_PATTERN, { message: USERNAME_MESSAGE })
  username: string;

  @ApiProperty({ minLength: 10, maxLength: 200 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ minLength: 1, maxLength: 50 })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(50)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254 })
  @IsOptional()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiProperty({ enum: [true], description: 'The community guidelines (GET /api/guidelines) are accepted' })
  @Equals(true, { message: 'acceptGuidelines: the community guidelines must be accepted' })
  acceptGuidelines: boolean;

  @ApiProperty({ enum: [true], description: 'The privacy notice (GET /api/privacy) is accepted' })
  @Equals(true, { message: 'acceptPrivacy: the privacy notice must be accepted' })
  acceptPrivacy: boolean;
}

/** PATCH /api/me: at least one field; `email: null` (or "") removes the address. */
export class UpdateMeDto {
  @ApiPropertyOptional({ minLength: 1, maxLength: 50 })
  @ValidateIf(
    (o: UpdateMeDto) => o.displayName !== undefined || (o.email === undefined && o.acceptCafeRules === undefined),
  )
  @IsString({ message: 'displayName, email or acceptCafeRules: give at least one of them' })
  @MinLength(1)
  @MaxLength(50)
  @Matches(/\S/, { message: 'displayName must not be blank' })
  displayName?: string;

  @ApiPropertyOptional({ type: String, format: 'email', maxLength: 254, nullable: true })
  @ValidateIf((o: UpdateMeDto) => o.email !== undefined && o.email !== null && o.email !== '')
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string | null;

  @ApiPropertyOptional({
    enum: [true],
    description: 'The café rules (GET /api/cafe/rules) are accepted, once for all rooms',
  })
  @IsOptional()
  @Equals(true, { message: 'acceptCafeRules: only true' })
  acceptCafeRules?: boolean;
}

export class LoginDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(64) username: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) password: string;
}

export class ChangePasswordDto {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(200) currentPassword: string;
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class DeleteAccountDto {
  @ApiProperty({ description: 'The current password, to confirm' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

export class ResetPasswordDto {
  @ApiProperty() @IsString() @MinLength(20) @MaxLength(200) token: string;
  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(200)
  newPassword: string;
}

export class ResetLinkDto {
  @ApiProperty() resetUrl: string;
  @ApiProperty() expiresAt: string;
}

export class LegalTextDto {
  @ApiProperty({ description: 'Norwegian bokmål, Markdown' }) nb: string;
  @ApiProperty({ description: 'English, Markdown' }) en: string;
}

const MAX_BREAK_DAYS = 366;

export class TakeBreakDto {
  @ApiProperty({
    format: 'date-time',
    description: `When the break ends: in the future, at most ${MAX_BREAK_DAYS} days ahead`,
  })
  @IsISO8601({ strict: true }, { message: 'until must be a date and time, e.g. 2026-12-01T12:00:00Z' })
  @IsFutureWithin(MAX_BREAK_DAYS)
  until: string;
}

export class BreakDto {
  @ApiProperty({ format: 'date-time' }) breakUntil: string;
}
