import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FLAG_REASONS, type FlagReason } from '#libs/moderation';

export class CreateFlagDto {
  @ApiProperty({ enum: FLAG_REASONS, description: 'Guests may flag only `crisis` (someone seems to be in danger)' })
  @IsIn(FLAG_REASONS, { message: `reason must be one of ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  @ApiPropertyOptional({ maxLength: 1000, description: 'Anything the moderators should know; the author never sees it' })
  @IsOptional() @IsString({ message: 'note must be text' }) @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

export class HelplineDto {
  @ApiProperty() name: string;
  @ApiProperty() phone: string;
  @ApiPropertyOptional() url?: string;
}

export class FlagReceiptDto {
  @ApiProperty({ description: 'Always true: the flag reached the moderators' }) received: boolean;
  @ApiProperty() message: string;
  @ApiPropertyOptional({ description: 'For a crisis flag: whether a moderator is on duty right now' }) staffed?: boolean;
}
