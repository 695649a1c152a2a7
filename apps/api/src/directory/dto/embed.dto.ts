import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** `/embed/directory?municipality&taxonomy&lang`. */
export class EmbedQueryDto {
  @ApiPropertyOptional({ example: '4627' })
  @IsOptional()
  @IsString()
  @Matches(/^[0-9]{4}$/, { message: 'municipality must be a municipality number of four digits, e.g. 4627' })
  municipality?: string;

  @ApiPropertyOptional({ description: 'Activity types by code or name, separated by commas' })
  @IsOptional()
  @IsString()
  @MaxLength(400)
  taxonomy?: string;

  @ApiPropertyOptional({ enum: ['nb', 'en'], default: 'nb' })
  @IsOptional()
  @IsIn(['nb', 'en'], { message: 'lang must be nb or en' })
  lang?: 'nb' | 'en';
}
