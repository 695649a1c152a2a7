import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { SanctionListPageDto, SanctionListQueryDto, type SanctionListItemDto } from './dto/sanction-list.dto.js';
import { CreateSanctionDto, LiftedSanctionDto, LiftSanctionDto, SanctionDto } from './dto/sanction.dto.js';
import { UuidParam } from '../common/validation.js';
import { SanctionListService } from './sanction-list.service.js';
import { SanctionsService } from './sanctions.service.js';

@ApiTags('moderation')
@Controller('api/mod/sanctions')
export class SanctionsController {
  constructor(
    private readonly sanctions: SanctionsService,
    private readonly lists: SanctionListService,
  ) {}

  @Get()
  @Allow('mod.sanction')
  @ApiOkResponse({
    type: SanctionListPageDto,
    description: 'Newest first; those given against a post show the post, never the person',
  })
  list(@Query() query: SanctionListQueryDto, @RequestPolicy() policy: Policy): Promise<Page<SanctionListItemDto>> {
    return this.lists.list(policy, query);
  }

  @Post()
  @Allow('mod.sanction')
  @ApiCreatedResponse({ type: SanctionDto, description: 'Against {postId}: the author behind it, who stays unknown' })
  create(@Body() dto: CreateSanctionDto, @RequestPolicy() policy: Policy): Promise<SanctionDto> {
    return this.sanctions.issue(policy, dto);
  }

  @Post(':id/lift')
  @HttpCode(200)
  @Allow('mod.sanction')
  @ApiOkResponse({ type: LiftedSanctionDto, description: 'Audited; the person is told; 409 already_lifted' })
  lift(
    @Param('id', UuidParam) id: string,
    @Body() dto: LiftSanctionDto,
    @RequestPolicy() policy: Policy,
  ): Promise<LiftedSanctionDto> {
    return this.sanctions.lift(policy, id, dto.reason);
  }
}
