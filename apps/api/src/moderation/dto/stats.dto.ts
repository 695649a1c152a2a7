import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean } from 'class-validator';

export class OnDutyDto {
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ format: 'date-time' }) until: string;
}

export class ModStatsDto {
  @ApiProperty({ description: 'Open queue items' }) pending: number;
  @ApiProperty({ description: 'Open queue items marked crisis' }) crisisPending: number;
  @ApiProperty({ description: 'Open flags' }) flagsOpen: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'How long the oldest open item has waited; null when nothing waits',
  })
  oldestWaitingSeconds: number | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Median time from queued to decided, over the items decided in the last 7 days; null when none',
  })
  medianWaitSeconds: number | null;
  @ApiProperty({ type: [OnDutyDto], description: 'Moderators on duty now' }) onDuty: OnDutyDto[];
}

export class SetDutyDto {
  @ApiProperty({ description: 'true: on duty for the next 8 hours; false: off duty now' })
  @IsBoolean({ message: 'onDuty must be true or false' })
  onDuty: boolean;
}

export class DutyDto {
  @ApiProperty({ description: 'On duty now: writers in crisis are told a moderator is there' }) onDuty: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the shift ends by itself' })
  until: string | null;
}

export class StatusDto {
  @ApiProperty({ description: 'Whether a moderator is on duty right now' }) staffed: boolean;
}
