import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { HelplineDto } from '../../common/dto/support.dto.js';
import { NoticeDto } from '../../forum/dto/author.dto.js';
import {
  ACK_RESPONSES,
  CONSULTATION_ANONYMITY,
  CONSULTATION_AUDIENCES,
  OUTCOMES,
  QUESTION_KINDS,
} from './consultation-input.dto.js';

export const CONSULTATION_STATUSES = ['draft', 'scheduled', 'open', 'closed', 'reported', 'archived'] as const;
export type ConsultationStatus = (typeof CONSULTATION_STATUSES)[number];

export class QuestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: QUESTION_KINDS }) kind: (typeof QUESTION_KINDS)[number];
  @ApiProperty() prompt: string;
  @ApiPropertyOptional({ type: [String] }) options?: string[];
  @ApiProperty() required: boolean;
  @ApiPropertyOptional() min?: number;
  @ApiPropertyOptional() max?: number;
}

export class ConsultationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() title: string;
  @ApiProperty() summary: string;
  @ApiProperty({ description: 'Sanitised HTML of the Markdown body' }) bodyHtml: string;
  @ApiProperty() requester: string;
  @ApiProperty({ enum: CONSULTATION_AUDIENCES }) audience: (typeof CONSULTATION_AUDIENCES)[number];
  @ApiProperty({ enum: CONSULTATION_ANONYMITY }) anonymity: (typeof CONSULTATION_ANONYMITY)[number];
  @ApiProperty({ type: String, nullable: true }) confidentiality: string | null;
  @ApiProperty({ enum: CONSULTATION_STATUSES }) status: ConsultationStatus;
  @ApiProperty({ format: 'date-time' }) opensAt: string;
  @ApiProperty({ format: 'date-time' }) closesAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportDueAt: string | null;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'For admins always; for others once closed (null before: no timing of single answers)',
  })
  responseCount: number | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) reportPublishedAt: string | null;
  @ApiProperty({ description: 'The report is due and not published' }) overdue: boolean;
  @ApiPropertyOptional({ type: [QuestionDto] }) questions?: QuestionDto[];
  @ApiPropertyOptional({ description: 'Whether the caller has answered' }) responded?: boolean;
}

export class ConsultationPageDto {
  @ApiProperty({ type: [ConsultationDto] }) items: ConsultationDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

export class RespondedDto {
  @ApiProperty({ description: 'Write it down: with it a guest sees the report and confirms it' }) receiptCode: string;
  @ApiPropertyOptional({ type: [NoticeDto], description: 'Personal details seen in an anonymous answer' })
  notices?: NoticeDto[];
  @ApiPropertyOptional({ type: [HelplineDto] }) support?: HelplineDto[];
  @ApiPropertyOptional() staffed?: boolean;
}

export class QuestionResultDto {
  @ApiProperty({ format: 'uuid' }) questionId: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'number' },
    nullable: true,
    description: 'Per option or scale value; null below 5 answers for the audience',
  })
  counts: Record<string, number> | null;
  @ApiProperty({ type: Number, nullable: true }) mean: number | null;
  @ApiProperty({ type: [String], nullable: true, description: 'Free texts, admins only, in no order of submission' })
  texts: string[] | null;
  @ApiProperty() answered: number;
}

export class ResultsDto {
  @ApiProperty() responseCount: number;
  @ApiProperty({ type: [QuestionResultDto] }) questions: QuestionResultDto[];
}

export class RecommendationOutDto {
  @ApiProperty() text: string;
  @ApiProperty({ enum: OUTCOMES }) outcome: (typeof OUTCOMES)[number];
  @ApiProperty({ type: String, nullable: true }) explanation: string | null;
}

export class ReportDto {
  @ApiProperty() heard: string;
  @ApiProperty() done: string;
  @ApiProperty() planned: string;
  @ApiProperty() notDone: string;
  @ApiProperty({ type: [RecommendationOutDto] }) recommendations: RecommendationOutDto[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) publishedAt: string | null;
}

export class AcknowledgementDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ACK_RESPONSES }) response: (typeof ACK_RESPONSES)[number];
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
  @ApiProperty({ format: 'date', description: 'The date only' }) createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) handledAt: string | null;
  @ApiProperty({ type: String, nullable: true }) handledNote: string | null;
}

export class AcknowledgementTallyDto {
  @ApiProperty() respondents: number;
  @ApiProperty() acknowledged: number;
  @ApiProperty() received: number;
  @ApiProperty() question: number;
  @ApiProperty() followUp: number;
  @ApiProperty({ type: [AcknowledgementDto] }) items: AcknowledgementDto[];
}
