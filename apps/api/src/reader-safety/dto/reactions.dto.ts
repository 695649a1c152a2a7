import { ApiProperty } from '@nestjs/swagger';
import { ReactionCountsDto } from './reader.dto.js';

export class ReactionsResultDto {
  @ApiProperty({ type: ReactionCountsDto }) counts: ReactionCountsDto;
}
