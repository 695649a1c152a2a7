import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Matches } from 'class-validator';

/** Ignore an account by its username, or the author of a post. */
export class IgnoreDto {
  @ApiPropertyOptional({ description: 'Their named posts fold everywhere; café messages under their name are hidden' })
  @IsOptional()
  @IsString()
  @Matches(/^[\p{L}\p{N}_-]{3,32}$/u, { message: 'username must be 3–32 letters, digits, _ or -' })
  username?: string;

  @ApiPropertyOptional({
    format: 'uuid',
    description:
      'A named post: its author, as by username. An anonymous post: that author’s anonymous posts in that thread only',
  })
  @IsOptional()
  @IsUUID('all', { message: 'postId must be a valid id' })
  postId?: string;
}

export class IgnoredDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiPropertyOptional({ description: 'Ignored by name' }) username?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'An anonymous author in this thread' }) threadId?: string;
  @ApiPropertyOptional({ description: 'The thread’s title, while the caller may read it' }) threadTitle?: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}
