import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { FLAG_REASONS, type FlagReason } from '#libs/policy';

export class CreateFlagDto {
  @ApiProperty({ enum: FLAG_REASONS, description: 'Guests may raise `crisis` only' })
  @IsIn(FLAG_REASONS, { message: `reason must be one of ${FLAG_REASONS.join(', ')}` })
  reason: FlagReason;

  @ApiPropertyOptional({ maxLength: 1000 })
  @IsOptional()
  @IsString()
  @MaxLength(1000, { message: 'note must be at most 1000 characters' })
  note?: string;
}

export class FlagDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: FLAG_REASONS }) reason: FlagReason;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiPropertyOptional({
    description:
      'For a crisis flag: whether a moderator is on duty right now (if not, call 113 when someone is in danger)',
  })
  staffed?: boolean;
}
