import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsEmail,
  IsISO8601,
  IsInt,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { Trim } from '../../common/validation.js';

/** A field left out is left as it is; null is not a value (it is refused, not stored). */
const given = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined;
/** '' clears a text setting. */
const givenAndNotEmpty = (field: string) => (o: Record<string, unknown>) => o[field] !== undefined && o[field] !== '';

export class SettingsDto {
  @ApiProperty({
    description: 'Approved posts a member needs before their posts in `post` categories publish at once (0: at once)',
  })
  newMemberReviewCount: number;
  @ApiProperty({ description: 'Open flags from members in good standing that hide a post until reviewed' })
  flagHideThreshold: number;
  @ApiProperty({ description: 'How long an author may edit their own post' }) editWindowMinutes: number;
  @ApiProperty({ description: 'Whether Markdown images may load from other sites (they tell those sites who reads)' })
  allowRemoteImages: boolean;
  @ApiProperty({
    description: 'Hours an opening post may go without a reply under another name before it is on the hosts’ list',
  })
  unansweredHours: number;
  @ApiProperty({
    description: 'Who runs the service (behandlingsansvarlig), e.g. "Erfaringspanelet i DPS X"; "" until set',
  })
  operatorName: string;
  @ApiProperty({ description: 'The operator’s email for questions, feedback and "forgot password"; "" when not given' })
  operatorEmail: string;
  @ApiProperty({ description: 'The operator’s phone; "" when not given' })
  operatorPhone: string;
  @ApiProperty({ description: 'The operator’s postal address, lines separated by newlines; "" when not given' })
  operatorAddress: string;
  @ApiProperty({ description: 'The accessibility statement’s date (erklæringsdato), YYYY-MM-DD; "" until set' })
  accessibilityStatementDate: string;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @ValidateIf(given('newMemberReviewCount'))
  @IsInt({ message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  @Min(0, { message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  @Max(100, { message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  newMemberReviewCount?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @ValidateIf(given('flagHideThreshold'))
  @IsInt({ message: 'flagHideThreshold must be a whole number from 1 to 100' })
  @Min(1, { message: 'flagHideThreshold must be a whole number from 1 to 100' })
  @Max(100, { message: 'flagHideThreshold must be a whole number from 1 to 100' })
  flagHideThreshold?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 525_600, description: 'Minutes; at most a year' })
  @ValidateIf(given('editWindowMinutes'))
  @IsInt({ message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  @Min(0, { message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  @Max(525_600, { message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  editWindowMinutes?: number;

  @ApiPropertyOptional()
  @ValidateIf(given('allowRemoteImages'))
  @IsBoolean({ message: 'allowRemoteImages must be true or false' })
  allowRemoteImages?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 720, description: 'Hours; at most 30 days' })
  @ValidateIf(given('unansweredHours'))
  @IsInt({ message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  @Min(0, { message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  @Max(720, { message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  unansweredHours?: number;

  @ApiPropertyOptional({ maxLength: 200, description: '"" clears it' })
  @ValidateIf(given('operatorName'))
  @Trim()
  @Matches(/^[^\p{Cc}]*$/u, { message: 'operatorName must be one line of text' })
  @MaxLength(200, { message: 'operatorName must be at most 200 characters' })
  @IsString({ message: 'operatorName must be text' })
  operatorName?: string;

  @ApiPropertyOptional({ format: 'email', maxLength: 254, description: '"" clears it' })
  @Trim()
  @ValidateIf(givenAndNotEmpty('operatorEmail'))
  @IsEmail({}, { message: 'operatorEmail must be an email address' })
  @MaxLength(254, { message: 'operatorEmail must be at most 254 characters' })
  @IsString({ message: 'operatorEmail must be an email address' })
  operatorEmail?: string;

  @ApiPropertyOptional({
    example: '+47 22 40 00 40',
    description: 'Digits, single spaces and a leading +; "" clears it',
  })
  @Trim()
  @ValidateIf(givenAndNotEmpty('operatorPhone'))
  @Matches(/^\+?[0-9](?: ?[0-9]){4,15}$/, {
    message:
      'operatorPhone must be a phone number: 5 to 16 digits, single spaces between them, and + first if you like',
  })
  @IsString({ message: 'operatorPhone must be a phone number' })
  operatorPhone?: string;

  @ApiPropertyOptional({ maxLength: 300, description: 'Lines separated by newlines; "" clears it' })
  @ValidateIf(given('operatorAddress'))
  @Trim()
  @Matches(/^[^\p{Cc}]*(?:\n[^\p{Cc}]*){0,5}$/u, { message: 'operatorAddress must be at most six lines of text' })
  @MaxLength(300, { message: 'operatorAddress must be at most 300 characters' })
  @IsString({ message: 'operatorAddress must be text' })
  operatorAddress?: string;

  @ApiPropertyOptional({ format: 'date', example: '2026-12-01', description: '"" clears it' })
  @Trim()
  @ValidateIf(givenAndNotEmpty('accessibilityStatementDate'))
  @IsISO8601(
    { strict: true, strictSeparator: true },
    { message: 'accessibilityStatementDate must be a date that exists, as YYYY-MM-DD' },
  )
  @Matches(/^(?:19|20)\d\d-\d\d-\d\d$/, { message: 'accessibilityStatementDate must be a date as YYYY-MM-DD' })
  @IsString({ message: 'accessibilityStatementDate must be a date as YYYY-MM-DD' })
  accessibilityStatementDate?: string;
}
