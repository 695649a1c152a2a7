import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
  IsDefined,
  IsObject,
} from 'class-validator';
import { READER_LIMITS, WARNING_CODE } from '#libs/contracts';
import { Trim } from '../../common/validation.js';
import { ContentWarningField } from './reader.dto.js';

export class WarningLabelDto {
  @ApiProperty({ minLength: 1, maxLength: 60, example: 'Selvskading' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'label.nb must be 1–60 characters' })
  @MaxLength(60, { message: 'label.nb must be 1–60 characters' })
  nb: string;

  @ApiProperty({ minLength: 1, maxLength: 60, example: 'Self-harm' })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'label.en must be 1–60 characters' })
  @MaxLength(60, { message: 'label.en must be 1–60 characters' })
  en: string;
}

export class ContentWarningDto {
  @ApiProperty({ pattern: WARNING_CODE.source, example: 'selvskading' })
  @IsString()
  @Matches(WARNING_CODE, { message: 'code must be 2–40 characters: a-z, 0-9 and -' })
  code: string;

  @ApiProperty({ type: WarningLabelDto })
  @IsDefined()
  @IsObject()
  @ValidateNested()
  @Type(() => WarningLabelDto)
  label: WarningLabelDto;
}

export class ContentWarningListDto {
  @ApiProperty({ type: [ContentWarningDto], maxItems: READER_LIMITS.contentWarnings })
  @IsArray()
  @ArrayMaxSize(READER_LIMITS.contentWarnings, {
    message: `warnings may hold at most ${READER_LIMITS.contentWarnings} entries`,
  })
  @ValidateNested({ each: true })
  @Type(() => ContentWarningDto)
  warnings: ContentWarningDto[];
}

/** A moderator adds, changes or takes away a post's warning. */
export class SetContentWarningDto {
  @ContentWarningField() contentWarning: string | null;
}
