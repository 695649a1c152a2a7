import { ApiProperty, ApiPropertyOptional, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { Trim } from '../../common/validation.js';
import { TextField } from '../../common/dto/fields.js';

export const CONSULTATION_AUDIENCES = ['everyone', 'members', 'panel'] as const;
export const CONSULTATION_ANONYMITY = ['named', 'anonymous'] as const;
export const QUESTION_KINDS = ['text', 'single', 'multi', 'scale'] as const;
export const OUTCOMES = ['adopted', 'partly', 'not_adopted', 'deferred'] as const;
export const ACK_RESPONSES = ['received', 'question', 'follow_up'] as const;

export class QuestionInputDto {
  @ApiProperty({ enum: QUESTION_KINDS })
  @IsIn(QUESTION_KINDS, { message: 'kind must be text, single, multi or scale' })
  kind: (typeof QUESTION_KINDS)[number];

  @TextField(500, { min: 1 })
  prompt: string;

  @ApiPropertyOptional({ type: [String], description: 'single and multi: 2–20 options' })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(2, { message: 'options must hold 2–20 choices' })
  @ArrayMaxSize(20, { message: 'options must hold 2–20 choices' })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'an option must be 1–200 characters' })
  @MaxLength(200, { each: true, message: 'an option must be 1–200 characters' })
  options?: string[];

  @ApiPropertyOptional({ default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ description: 'scale: the lowest value (default 1)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100)
  min?: number;

  @ApiPropertyOptional({ description: 'scale: the highest value (default 5)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100)
  max?: number;
}

export class CreateConsultationDto {
  @TextField(150, { min: 3 })
  title: string;

  @TextField(1000, { min: 1 })
  summary: string;

  @ApiProperty({ maxLength: 20000, description: 'Markdown' })
  @IsString()
  @MaxLength(20000)
  body: string;

  @TextField(200, { min: 1, description: 'Who asks (a DPS, a project, a municipality)' })
  requester: string;

  @ApiProperty({ enum: CONSULTATION_AUDIENCES })
  @IsIn(CONSULTATION_AUDIENCES, { message: 'audience must be everyone, members or panel' })
  audience: (typeof CONSULTATION_AUDIENCES)[number];

  @ApiProperty({ enum: CONSULTATION_ANONYMITY })
  @IsIn(CONSULTATION_ANONYMITY, { message: 'anonymity must be named or anonymous' })
  anonymity: (typeof CONSULTATION_ANONYMITY)[number];

  @ApiPropertyOptional({
    maxLength: 2000,
    description: 'What may and may not be shared (ground rule 4); required to publish',
  })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  @Matches(/\S/, { message: 'confidentiality must not be blank' })
  confidentiality?: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'opensAt must be a date and time (ISO 8601)' })
  opensAt: string;

  @ApiProperty({ format: 'date-time' })
  @IsISO8601({ strict: true }, { message: 'closesAt must be a date and time (ISO 8601)' })
  closesAt: string;

  @ApiPropertyOptional({ format: 'date-time', description: 'When the report is due; required to publish' })
  @IsOptional()
  @IsISO8601({ strict: true }, { message: 'reportDueAt must be a date and time (ISO 8601)' })
  reportDueAt?: string;

  @ApiProperty({ type: [QuestionInputDto] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1, { message: 'questions must hold 1–30 questions' })
  @ArrayMaxSize(30, { message: 'questions must hold 1–30 questions' })
  @ValidateNested({ each: true })
  @Type(() => QuestionInputDto)
  questions: QuestionInputDto[];
}

export class UpdateConsultationDto extends PartialType(CreateConsultationDto) {}

export class AnswerInputDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'questionId must be an id' })
  questionId: string;

  @ApiProperty({ description: 'text/single: a string; multi: an array of options; scale: an integer' })
  @IsDefined({ message: 'value is required' })
  value: unknown;
}

export class RespondDto {
  @ApiProperty({ type: [AnswerInputDto] })
  @IsArray()
  @ArrayMaxSize(30)
  @ValidateNested({ each: true })
  @Type(() => AnswerInputDto)
  answers: AnswerInputDto[];
}

export class RecommendationDto {
  @ApiProperty({ maxLength: 2000 })
  @Trim()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES, { message: 'outcome must be adopted, partly, not_adopted or deferred' })
  outcome: (typeof OUTCOMES)[number];

  @ApiPropertyOptional({ maxLength: 2000, description: 'Required for anything not adopted, to publish' })
  @IsOptional()
  @Trim()
  @IsString()
  @MaxLength(2000)
  explanation?: string;
}

export class ReportInputDto {
  @ApiProperty({ maxLength: 10000, description: 'What we heard' }) @IsString() @MaxLength(10000) heard: string;
  @ApiProperty({ maxLength: 10000, description: 'What we have done' }) @IsString() @MaxLength(10000) done: string;
  @ApiProperty({ maxLength: 10000, description: 'What we will do, and when' })
  @IsString()
  @MaxLength(10000)
  planned: string;
  @ApiProperty({ maxLength: 10000, description: 'What we will not do, and why' })
  @IsString()
  @MaxLength(10000)
  notDone: string;

  @ApiProperty({ type: [RecommendationDto] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => RecommendationDto)
  recommendations: RecommendationDto[];
}

export class AcknowledgeDto {
  @ApiProperty({ enum: ACK_RESPONSES })
  @IsIn(ACK_RESPONSES, { message: 'response must be received, question or follow_up' })
  response: (typeof ACK_RESPONSES)[number];

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  comment?: string;

  @ApiPropertyOptional({ description: 'A guest: the receipt code of their answer' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  receiptCode?: string;
}

export class HandledDto {
  @TextField(2000, { min: 1 })
  note: string;
}

export class ReceiptQueryDto {
  @ApiPropertyOptional({ description: 'A guest: the receipt code of their answer' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  receiptCode?: string;
}
