import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { AUDIT_ACTIONS, type AuditAction } from '#libs/contracts';
import { PageQueryDto } from '../../common/paging.js';

export class AuditQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS, { message: `action must be one of ${AUDIT_ACTIONS.join(', ')}` })
  action?: AuditAction;

  @ApiPropertyOptional({ description: 'The acting staff member: a username or a user id' })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(64)
  actor?: string;
}

export class AuditActorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
}

export class AuditTargetDto {
  @ApiProperty({ description: 'post, thread, user, category, settings, panel_application, …' }) type: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) id: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'What it is called now: a user’s names, a thread’s title (a post’s thread), a room, a word',
  })
  label: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The thread of a thread or post' })
  threadId: string | null;
}

export class AuditItemDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: AuditActorDto, nullable: true, description: 'null when the account is gone' })
  actor: AuditActorDto | null;
  @ApiProperty({ enum: AUDIT_ACTIONS }) action: string;
  @ApiProperty({ type: AuditTargetDto, nullable: true }) target: AuditTargetDto | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditItemDto] }) items: AuditItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
