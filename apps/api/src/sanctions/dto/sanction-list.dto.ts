import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { PageQueryDto } from '../../common/paging.js';
import { SANCTION_KINDS, type SanctionKind } from './sanction.dto.js';

export class SanctionListQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Sanctions given against this user (not those given against a post)',
  })
  @IsOptional()
  @IsUUID('all', { message: 'userId must be an id' })
  userId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Sanctions given against the author behind this post' })
  @IsOptional()
  @IsUUID('all', { message: 'postId must be an id' })
  postId?: string;

  @ApiPropertyOptional({ description: 'Only mutes and bans in force now' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}

export class SanctionedUserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
}

/** A user (for a sanction given against them), or a post (for one given against its author, who stays unknown). */
export class SanctionListTargetDto {
  @ApiPropertyOptional({ type: SanctionedUserDto, nullable: true, description: 'null once the account is deleted' })
  user?: SanctionedUserDto | null;
  @ApiPropertyOptional({ format: 'uuid' }) postId?: string;
  @ApiPropertyOptional({ type: String, format: 'uuid', nullable: true }) threadId?: string | null;
  @ApiPropertyOptional({
    format: 'uuid',
    description: 'Given against the member behind this café message, who stays unknown',
  })
  cafeMessageId?: string;
}

export class SanctionListItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: SANCTION_KINDS }) kind: SanctionKind;
  @ApiProperty() reason: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) until: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) liftedAt: string | null;
  @ApiProperty({ description: 'A mute or ban in force now' }) active: boolean;
  @ApiProperty({ type: SanctionListTargetDto }) target: SanctionListTargetDto;
  @ApiProperty({ type: String, nullable: true, description: 'The moderator who gave it' }) issuedBy: string | null;
}

export class SanctionListPageDto {
  @ApiProperty({ type: [SanctionListItemDto] }) items: SanctionListItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
