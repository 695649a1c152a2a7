import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { UuidParam } from '../common/validation.js';
import {
  ApproveDto,
  CannedReasonDto,
  QueueDecisionDto,
  QueuePageDto,
  ReasonDto,
  type QueueItemDto,
} from './dto/queue.dto.js';
import { QueueService } from './queue.service.js';

@ApiTags('moderation')
@Controller('api/mod')
export class QueueController {
  constructor(private readonly queue: QueueService) {}

  @Get('queue')
  @Allow('mod.queue')
  @ApiOkResponse({ type: QueuePageDto, description: 'Open items, crisis first, then oldest' })
  list(@Query() page: PageQueryDto, @RequestPolicy() policy: Policy): Promise<Page<QueueItemDto>> {
    return this.queue.list(policy, page.limit ?? 20, page.cursor);
  }

  @Get('reasons')
  @Allow('mod.queue')
  @ApiOkResponse({ type: [CannedReasonDto], description: 'Canned rejection reasons (or write your own)' })
  reasons(@RequestPolicy() policy: Policy): CannedReasonDto[] {
    return this.queue.reasons(policy);
  }

  @Post('queue/:id/claim')
  @HttpCode(200)
  @Allow('mod.queue')
  @ApiOkResponse({ type: QueueDecisionDto, description: '409 when another moderator has claimed or handled it' })
  claim(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<QueueDecisionDto> {
    return this.queue.claim(policy, id);
  }

  @Post('queue/:id/approve')
  @HttpCode(200)
  @Allow('mod.queue')
  @ApiOkResponse({ type: QueueDecisionDto, description: '409 when another moderator has claimed or handled it' })
  approve(
    @Param('id', UuidParam) id: string,
    @Body() dto: ApproveDto,
    @RequestPolicy() policy: Policy,
  ): Promise<QueueDecisionDto> {
    return this.queue.approve(policy, id, dto);
  }

  @Post('queue/:id/reject')
  @HttpCode(200)
  @Allow('mod.queue')
  @ApiOkResponse({
    type: QueueDecisionDto,
    description: 'The author is told the reason; 409 when another moderator has claimed or handled it',
  })
  reject(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReasonDto,
    @RequestPolicy() policy: Policy,
  ): Promise<QueueDecisionDto> {
    return this.queue.reject(policy, id, dto.reason);
  }

  @Post('queue/:id/undo')
  @HttpCode(200)
  @Allow('mod.queue')
  @ApiOkResponse({
    type: QueueDecisionDto,
    description: 'Within 10 minutes of a rejection; the item is back in the queue, claimed by you',
  })
  undo(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<QueueDecisionDto> {
    return this.queue.undo(policy, id);
  }
}
