import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Trim } from '../../common/validation.js';
import { ROLES, type Role } from '#libs/contracts';
import { PageQueryDto } from '../../common/paging.js';

export const APPLICATION_STATUSES = ['pending', 'approved', 'rejected'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export class ApplyDto {
  @ApiProperty({ minLength: 10, maxLength: 2000, description: 'Why you want to join the panel' })
  @Trim()
  @IsString()
  @MinLength(10, { message: 'motivation must be 10–2000 characters' })
  @MaxLength(2000, { message: 'motivation must be 10–2000 characters' })
  motivation: string;
}

export class DecideDto {
  @ApiPropertyOptional({ maxLength: 1000, description: 'Told to the applicant' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(1000)
  reason?: string;
}

export class ApplicationQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES, { message: 'status must be pending, approved or rejected' })
  status?: ApplicationStatus;
}

export class PanelApplicationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() motivation: string;
  @ApiProperty({ enum: APPLICATION_STATUSES }) status: ApplicationStatus;
  @ApiProperty({ type: String, nullable: true, description: 'The administrator’s words to the applicant' })
  decisionReason: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
}

export class ApplicantDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: ROLES }) role: Role;
}

export class AdminPanelApplicationDto extends PanelApplicationDto {
  @ApiProperty({ type: ApplicantDto }) applicant: ApplicantDto;
}

export class AdminPanelApplicationPageDto {
  @ApiProperty({ type: [AdminPanelApplicationDto] }) items: AdminPanelApplicationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
