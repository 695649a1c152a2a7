import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { UuidParam } from '../common/validation.js';
import {
  AdminPanelApplicationDto,
  AdminPanelApplicationPageDto,
  ApplicationQueryDto,
  ApplyDto,
  DecideDto,
  PanelApplicationDto,
} from './dto/panel.dto.js';
import { PanelService } from './panel.service.js';

@ApiTags('panel')
@Controller('api/panel/applications')
export class PanelController {
  constructor(private readonly panel: PanelService) {}

  @Post()
  @Allow('panel.apply')
  @ApiCreatedResponse({ type: PanelApplicationDto })
  apply(@Body() dto: ApplyDto, @RequestPolicy() policy: Policy): Promise<PanelApplicationDto> {
    return this.panel.apply(policy, dto.motivation);
  }

  @Get('mine')
  @Allow('account.use')
  @ApiOkResponse({
    type: [PanelApplicationDto],
    description: 'The caller’s applications and their outcomes, newest first',
  })
  mine(@RequestPolicy() policy: Policy): Promise<PanelApplicationDto[]> {
    return this.panel.mine(policy);
  }
}

@ApiTags('admin')
@Controller('api/admin/panel/applications')
export class AdminPanelController {
  constructor(private readonly panel: PanelService) {}

  @Get()
  @Allow('admin.panel_applications')
  @ApiOkResponse({ type: AdminPanelApplicationPageDto, description: 'Newest first; ?status= to filter' })
  list(@Query() query: ApplicationQueryDto, @RequestPolicy() policy: Policy): Promise<Page<AdminPanelApplicationDto>> {
    return this.panel.list(policy, query.status, query.limit ?? 20, query.cursor);
  }

  @Post(':id/approve')
  @HttpCode(200)
  @Allow('admin.panel_applications')
  @ApiOkResponse({ type: AdminPanelApplicationDto, description: 'The applicant becomes a panel member' })
  approve(
    @Param('id', UuidParam) id: string,
    @Body() dto: DecideDto,
    @RequestPolicy() policy: Policy,
  ): Promise<AdminPanelApplicationDto> {
    return this.panel.decide(policy, id, 'approved', dto.reason);
  }

  @Post(':id/reject')
  @HttpCode(200)
  @Allow('admin.panel_applications')
  @ApiOkResponse({ type: AdminPanelApplicationDto })
  reject(
    @Param('id', UuidParam) id: string,
    @Body() dto: DecideDto,
    @RequestPolicy() policy: Policy,
  ): Promise<AdminPanelApplicationDto> {
    return this.panel.decide(policy, id, 'rejected', dto.reason);
  }
}
