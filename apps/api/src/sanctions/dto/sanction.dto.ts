import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsDefined,
  IsIn,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';

import { SANCTION_KINDS, type SanctionKind } from '#libs/contracts';

export { SANCTION_KINDS, type SanctionKind };

/** Exactly one of three: a user by id, the author behind a post, or the member behind a café message (both stay unknown). */
export class SanctionTargetDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: 'target.userId must be an id' })
  userId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The author behind this post, anonymous or not; nothing about them is revealed',
  })
  @IsOptional()
  @IsUUID('all', { message: 'target.postId must be an id' })
  postId?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description: 'The member behind this café message; nothing about them is revealed',
  })
  @IsOptional()
  @IsUUID('all', { message: 'target.cafeMessageId must be an id' })
  cafeMessageId?: string;
}

export class CreateSanctionDto {
  @ApiProperty({ type: SanctionTargetDto })
  @IsDefined({ message: 'target is required: {userId}, {postId} or {cafeMessageId}' })
  @ValidateNested()
  @Type(() => SanctionTargetDto)
  target: SanctionTargetDto;

  @ApiProperty({ enum: SANCTION_KINDS })
  @IsIn(SANCTION_KINDS, { message: 'kind must be warn, mute or ban' })
  kind: SanctionKind;

  @ApiPropertyOptional({ format: 'date-time', description: 'Mute or ban until then; without it, until lifted' })
  @IsOptional()
  @IsDateString({ strict: true }, { message: 'until must be a date and time (ISO 8601)' })
  until?: string;

  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why; shown to the person in a ban refusal' })
  @IsString()
  @MinLength(3, { message: 'reason must be 3–1000 characters' })
  @MaxLength(1000, { message: 'reason must be 3–1000 characters' })
  reason: string;
}

export class SanctionTargetRefDto {
  @ApiPropertyOptional({ format: 'uuid' }) userId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) postId?: string;
  @ApiPropertyOptional({ format: 'uuid' }) cafeMessageId?: string;
}

/** What the moderator gets back: the sanction as they gave it, and nothing about the person behind a post. */
export class SanctionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SANCTION_KINDS }) kind: SanctionKind;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) until: string | null;
  @ApiProperty({ type: SanctionTargetRefDto }) target: SanctionTargetRefDto;
}

export class LiftSanctionDto {
  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why it is lifted; told to the person' })
  @IsString()
  @MinLength(3, { message: 'reason must be 3–1000 characters' })
  @MaxLength(1000, { message: 'reason must be 3–1000 characters' })
  reason: string;
}

export class LiftedSanctionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) liftedAt: string;
}
