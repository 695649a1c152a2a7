import { ApiProperty } from '@nestjs/swagger';
import { NOTIFICATION_TYPES, type NotificationType } from '#libs/contracts';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class NotificationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: NOTIFICATION_TYPES }) type: NotificationType;
  @ApiProperty({ description: 'What happened, in words for the recipient (never the text of a post)' }) text: string;
  @ApiProperty({ type: String, nullable: true, description: 'Where to look, e.g. /threads/{id}#post-{id}' }) link:
    string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: string | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto] }) items: NotificationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class MarkReadDto {
  @ApiProperty({ type: [String], format: 'uuid', minItems: 1, maxItems: 100 })
  @IsArray({ message: 'ids must be a list of notification ids' })
  @ArrayMinSize(1, { message: 'ids must hold 1–100 notification ids' })
  @ArrayMaxSize(100, { message: 'ids must hold 1–100 notification ids' })
  @IsUUID('all', { each: true, message: 'ids must be notification ids' })
  ids: string[];
}

export class MarkedReadDto {
  @ApiProperty({ description: 'How many were marked read (already read or not yours: not counted)' }) marked: number;
}
