import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { DutyDto, ModStatsDto, SetDutyDto, StatusDto } from './dto/stats.dto.js';
import { StatsService } from './stats.service.js';

@ApiTags('moderation')
@Controller('api')
export class StatsController {
  constructor(private readonly stats: StatsService) {}

  @Get('mod/stats')
  @Allow('mod.queue')
  @ApiOkResponse({ type: ModStatsDto })
  get(@RequestPolicy() policy: Policy): Promise<ModStatsDto> {
    return this.stats.stats(policy);
  }

  @Get('mod/duty')
  @Allow('mod.duty')
  @ApiOkResponse({ type: DutyDto, description: 'Whether the caller is on duty now, and until when' })
  myDuty(@RequestPolicy() policy: Policy): Promise<DutyDto> {
    return this.stats.myDuty(policy);
  }

  @Post('mod/duty')
  @HttpCode(200)
  @Allow('mod.duty')
  @ApiOkResponse({ type: DutyDto, description: 'On duty for 8 hours, or off duty now' })
  duty(@Body() dto: SetDutyDto, @RequestPolicy() policy: Policy): Promise<DutyDto> {
    return this.stats.setDuty(policy, dto.onDuty);
  }

  @Get('status')
  @ApiOkResponse({ type: StatusDto, description: 'Anyone: whether a moderator is on duty right now' })
  status(): Promise<StatusDto> {
    return this.stats.status();
  }
}
