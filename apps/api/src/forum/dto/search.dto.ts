import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { PageQueryDto } from '../../common/paging.js';
import { Trim } from '../../common/validation.js';
import { ApiAuthor, type AuthorDto } from './author.dto.js';

export class SearchQueryDto extends PageQueryDto {
  @ApiProperty({
    minLength: 1,
    maxLength: 200,
    description: 'Words to find; Norwegian stemming ("fjelltur" finds "Fjellturene"); "quotes" and -not work',
  })
  @Trim()
  @IsString()
  @MinLength(1, { message: 'q must not be empty' })
  @MaxLength(200, { message: 'q must be at most 200 characters' })
  q: string;
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'HTML: escaped text with the matches in <mark>' }) snippet: string;
  @ApiAuthor() author: AuthorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
