import { Body, Controller, Ip, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { RequestPolicy } from '../auth/policy.guard.js';
import { UuidParam } from '../common/validation.js';
import { CreateFlagDto, FlagReceiptDto } from './dto/flag.dto.js';
import { FlagsService } from './flags.service.js';

@ApiTags('forum')
@Controller('api/posts')
export class FlagsController {
  constructor(private readonly flags: FlagsService) {}

  @Post(':id/flags')
  @ApiCreatedResponse({ type: FlagReceiptDto, description: 'Members once per post (409 after); guests only `crisis`; rate-limited. The author never learns who flagged.' })
  flag(@Param('id', UuidParam) id: string, @Body() dto: CreateFlagDto, @RequestPolicy() policy: Policy, @Ip() ip: string): Promise<FlagReceiptDto> {
    return this.flags.flag(policy, id, dto, ip);
  }
}
