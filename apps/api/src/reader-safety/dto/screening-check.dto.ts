import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';
import { READER_LIMITS } from '#libs/contracts';
import { HelplineDto } from '../../common/dto/support.dto.js';

export class ScreeningCheckDto {
  @ApiProperty({ maxLength: READER_LIMITS.screeningChars, description: 'The draft; never stored or logged' })
  @IsString()
  @MaxLength(READER_LIMITS.screeningChars, {
    message: `text must be at most ${READER_LIMITS.screeningChars} characters`,
  })
  text: string;
}

export class ScreeningResultDto {
  @ApiPropertyOptional({ type: [HelplineDto], description: 'The draft matched a crisis word: where to get help now' })
  support?: HelplineDto[];
  @ApiProperty({ description: 'Whether a moderator is on duty right now' }) staffed: boolean;
  @ApiPropertyOptional({ description: 'A word that would stop the post, as written in the draft' })
  blockedWord?: string;
  @ApiProperty({ description: 'The draft seems to hold a phone number, an email address or a national id' })
  personalDetails: boolean;
}
