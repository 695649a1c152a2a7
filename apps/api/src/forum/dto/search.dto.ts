import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TextField } from '../../common/dto/fields.js';
import { PageQueryDto } from '../../common/paging.js';
import { CollapsedDto } from '../../reader-safety/dto/reader.dto.js';
import { ApiAuthor, type AuthorDto } from './author.dto.js';

export class SearchQueryDto extends PageQueryDto {
  @TextField(200, {
    min: 1,
    description: 'Words to find; Norwegian stemming ("fjelltur" finds "Fjellturene"); "quotes" and -not work',
  })
  q: string;
}

export class SearchHitDto {
  @ApiProperty({ format: 'uuid' }) threadId: string;
  @ApiProperty({ format: 'uuid' }) postId: string;
  @ApiProperty() title: string;
  @ApiProperty({ description: 'HTML: escaped text with the matches in <mark>' }) snippet: string;
  @ApiAuthor() author: AuthorDto;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ type: String, nullable: true, description: 'A code from GET /api/content-warnings, or null' })
  contentWarning: string | null;
  @ApiPropertyOptional({
    type: CollapsedDto,
    description: 'Present when this reader’s filters fold the post; the snippet is there all the same',
  })
  collapsed?: CollapsedDto;
}

export class SearchPageDto {
  @ApiProperty({ type: [SearchHitDto] }) items: SearchHitDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
