import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';

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
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  @Min(0, { message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  @Max(100, { message: 'newMemberReviewCount must be a whole number from 0 to 100' })
  newMemberReviewCount?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 100 })
  @IsOptional()
  @IsInt({ message: 'flagHideThreshold must be a whole number from 1 to 100' })
  @Min(1, { message: 'flagHideThreshold must be a whole number from 1 to 100' })
  @Max(100, { message: 'flagHideThreshold must be a whole number from 1 to 100' })
  flagHideThreshold?: number;

  @ApiPropertyOptional({ minimum: 0, maximum: 525_600, description: 'Minutes; at most a year' })
  @IsOptional()
  @IsInt({ message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  @Min(0, { message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  @Max(525_600, { message: 'editWindowMinutes must be a whole number of minutes from 0 to 525600' })
  editWindowMinutes?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  allowRemoteImages?: boolean;

  @ApiPropertyOptional({ minimum: 0, maximum: 720, description: 'Hours; at most 30 days' })
  @IsOptional()
  @IsInt({ message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  @Min(0, { message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  @Max(720, { message: 'unansweredHours must be a whole number of hours from 0 to 720' })
  unansweredHours?: number;
}
