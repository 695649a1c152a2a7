import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { AuditService } from './audit.service.js';
import { AuditPageDto, AuditQueryDto, type AuditItemDto } from './dto/audit.dto.js';

@ApiTags('moderation')
@Controller('api/mod/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @Allow('mod.audit')
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first' })
  list(@Query() query: AuditQueryDto): Promise<Page<AuditItemDto>> {
    return this.audit.list({ action: query.action, actor: query.actor }, query.limit ?? 20, query.cursor);
  }
}
