import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { HelplineDto } from '../../common/dto/support.dto.js';
import { PageQueryDto } from '../../common/paging.js';
import { Trim } from '../../common/validation.js';
import { TextField } from '../../common/dto/fields.js';

export const PERSPECTIVES = ['user', 'relative', 'peer', 'staff'] as const;
export type Perspective = (typeof PERSPECTIVES)[number];
export const CHANNELS = ['email', 'sms', 'phone'] as const;
export type Channel = (typeof CHANNELS)[number];
export const INTEREST_STATUSES = ['new', 'contacted', 'joined', 'declined'] as const;
export type InterestStatus = (typeof INTEREST_STATUSES)[number];

export class PanelAboutDto {
  @ApiProperty({ description: 'Markdown, bokmål', maxLength: 20000 })
  @IsString()
  @MinLength(1, { message: 'nb must be 1–20000 characters' })
  @MaxLength(20000, { message: 'nb must be 1–20000 characters' })
  nb: string;

  @ApiProperty({ description: 'Markdown, English', maxLength: 20000 })
  @IsString()
  @MinLength(1, { message: 'en must be 1–20000 characters' })
  @MaxLength(20000, { message: 'en must be 1–20000 characters' })
  en: string;
}

export class InterestInputDto {
  @TextField(120, { min: 1 })
  name: string;

  @ApiPropertyOptional({ maxLength: 254, description: 'At least one of email or phone' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(254)
  @IsEmail({}, { message: 'email must be an email address' })
  email?: string;

  @ApiPropertyOptional({ maxLength: 30, example: '+47 900 00 000' })
  @IsOptional()
  @Trim()
  @IsString()
  @Matches(/^\+?[0-9][0-9 ]{6,28}$/, { message: 'phone must be a phone number (digits, spaces, a leading +)' })
  phone?: string;

  @ApiProperty({ enum: CHANNELS })
  @IsIn(CHANNELS, { message: 'preferredChannel must be email, sms or phone' })
  preferredChannel: Channel;

  @ApiProperty({ enum: PERSPECTIVES, isArray: true })
  @IsArray()
  @ArrayMinSize(1, { message: 'perspectives must name at least one of user, relative, peer, staff' })
  @ArrayMaxSize(4)
  @IsIn(PERSPECTIVES, { each: true, message: 'perspectives must be user, relative, peer or staff' })
  perspectives: Perspective[];

  @TextField(2000, { optional: true })
  message?: string;

  @ApiPropertyOptional({ default: false, description: 'Send me the panel’s newsletter' })
  @IsOptional()
  @IsBoolean()
  newsletter?: boolean;
}

export class InterestReceiptDto {
  @ApiProperty({ description: 'Quote it when you talk to the coordinator' }) receiptCode: string;
  @ApiPropertyOptional({ type: [HelplineDto] }) support?: HelplineDto[];
  @ApiPropertyOptional() staffed?: boolean;
}

export class InterestDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() receiptCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ enum: CHANNELS }) preferredChannel: Channel;
  @ApiProperty({ enum: PERSPECTIVES, isArray: true }) perspectives: Perspective[];
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty() newsletter: boolean;
  @ApiProperty({ enum: INTEREST_STATUSES }) status: InterestStatus;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) handledAt: string | null;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'When the contact details are deleted (12 months after it was last handled)',
  })
  deletesAt: string | null;
}

export class InterestPageDto {
  @ApiProperty({ type: [InterestDto] }) items: InterestDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class InterestQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: INTEREST_STATUSES })
  @IsOptional()
  @IsIn(INTEREST_STATUSES, { message: 'status must be new, contacted, joined or declined' })
  status?: InterestStatus;
}

export class InterestUpdateDto {
  @ApiProperty({ enum: INTEREST_STATUSES })
  @IsIn(INTEREST_STATUSES, { message: 'status must be new, contacted, joined or declined' })
  status: InterestStatus;

  @TextField(1000, { optional: true })
  note?: string;
}

export const NEWSLETTER_AUDIENCES = ['panel', 'interested', 'both'] as const;
export type NewsletterAudience = (typeof NEWSLETTER_AUDIENCES)[number];

export class NewsletterInputDto {
  @TextField(150, { min: 1 })
  subject: string;

  @TextField(10000, { min: 1, description: 'Plain text' })
  body: string;

  @ApiProperty({ enum: NEWSLETTER_AUDIENCES })
  @IsIn(NEWSLETTER_AUDIENCES, { message: 'audience must be panel, interested or both' })
  audience: NewsletterAudience;
}

export class NewsletterReceiptDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Addresses it goes to' }) recipients: number;
  @ApiProperty({ description: 'False when email is off (no SMTP_URL): nothing is sent' }) sending: boolean;
}
