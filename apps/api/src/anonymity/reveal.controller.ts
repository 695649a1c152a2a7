import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { RevealDto, RevealedDto } from './dto/reveal.dto.js';
import { RevealService } from './reveal.service.js';

@ApiTags('admin')
@Controller('api/admin/reveal')
export class RevealController {
  constructor(private readonly reveals: RevealService) {}

  @Post()
  @HttpCode(200)
  @Allow('admin.reveal')
  @ApiOkResponse({ type: RevealedDto, description: 'The author of a post, anonymous or not; the reveal is audited' })
  reveal(@Body() dto: RevealDto, @RequestPolicy() policy: Policy): Promise<RevealedDto> {
    return this.reveals.reveal(policy, dto.postId, dto.reason);
  }
}
