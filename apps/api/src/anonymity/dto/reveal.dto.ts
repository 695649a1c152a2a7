import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, MaxLength, MinLength } from 'class-validator';

export class RevealDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'postId must be an id' })
  postId: string;

  @ApiProperty({ minLength: 3, maxLength: 1000, description: 'Why the author must be known; written to the audit log' })
  @IsString()
  @MinLength(3, { message: 'reason must be 3–1000 characters: say why the author must be known' })
  @MaxLength(1000, { message: 'reason must be 3–1000 characters' })
  reason: string;
}

export class RevealedDto {
  @ApiProperty({ format: 'uuid' }) userId: string;
  @ApiProperty() username: string;
}
