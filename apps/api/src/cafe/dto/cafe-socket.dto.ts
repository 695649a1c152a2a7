import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { CAFE_MODERATE_ACTIONS, type CafeModerateAction } from '#libs/contracts';

// Payloads of the /cafe client events. Lengths here only bound the shape; the café's own rules
// (nickname 2–24, body 1–1,000 after trimming) answer with their own codes in the service.

export class CafeRoomPayload {
  @IsString({ message: 'room must be a room slug' })
  @MaxLength(64)
  room: string;
}

export class JoinPayload extends CafeRoomPayload {
  @IsOptional()
  @IsString({ message: 'nickname must be text' })
  @MaxLength(200)
  nickname?: string;

  @IsOptional()
  @IsBoolean({ message: 'acceptRules must be true or false' })
  acceptRules?: boolean;

  @IsOptional()
  @IsUUID('all', { message: 'since must be the id of a message' })
  since?: string;
}

export class MessagePayload extends CafeRoomPayload {
  @IsString({ message: 'body must be text' })
  body: string;
}

export class ReportPayload extends CafeRoomPayload {
  @IsUUID('all', { message: 'messageId must be the id of a message' })
  messageId: string;

  @IsString({ message: 'reason must be text' })
  @MaxLength(500)
  reason: string;
}

export class ModeratePayload extends CafeRoomPayload {
  @IsIn(CAFE_MODERATE_ACTIONS, { message: `action must be one of ${CAFE_MODERATE_ACTIONS.join(', ')}` })
  action: CafeModerateAction;

  @IsOptional()
  @IsUUID('all', { message: 'messageId must be the id of a message' })
  messageId?: string;

  @IsOptional()
  @IsUUID('all', { message: 'participantId must be the id of a participant' })
  participantId?: string;

  @IsOptional()
  @IsInt({ message: 'seconds must be a whole number' })
  @Min(0)
  @Max(86_400)
  seconds?: number;

  @IsOptional()
  @IsString()
  @MaxLength(500)
  reason?: string;
}
