import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { READER_LIMITS, WARNING_CODE } from '#libs/contracts';

const { muteWords, muteWordChars } = READER_LIMITS;

export class PreferencesDto {
  @ApiProperty({ type: [String], description: 'Codes of the content warnings whose posts come folded' })
  hideWarnings: string[];
  @ApiProperty({
    type: [String],
    description: 'Words whose posts come folded; matched like watched words (letter case, inflections, `*` compounds)',
  })
  muteWords: string[];
  @ApiProperty({ description: 'Fold every post that carries any warning' }) collapseAllWarnings: boolean;
}

export class UpdatePreferencesDto {
  @ApiPropertyOptional({ type: [String], maxItems: 30 })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30, { message: 'hideWarnings may hold at most 30 codes' })
  @IsString({ each: true })
  @Matches(WARNING_CODE, { each: true, message: 'hideWarnings must hold codes from the list of content warnings' })
  hideWarnings?: string[];

  @ApiPropertyOptional({ type: [String], maxItems: muteWords, description: `At most ${muteWordChars} characters each` })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(muteWords, { message: `muteWords may hold at most ${muteWords} words` })
  @IsString({ each: true })
  @MinLength(1, { each: true, message: 'a mute word must not be empty' })
  @MaxLength(muteWordChars, { each: true, message: `a mute word must be at most ${muteWordChars} characters` })
  muteWords?: string[];

  @ApiPropertyOptional() @IsOptional() @IsBoolean() collapseAllWarnings?: boolean;
}
