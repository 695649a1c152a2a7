import { Body, Controller, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { CreateSanctionDto, SanctionDto } from './dto/sanction.dto.js';
import { SanctionsService } from './sanctions.service.js';

@ApiTags('moderation')
@Controller('api/mod/sanctions')
export class SanctionsController {
  constructor(private readonly sanctions: SanctionsService) {}

  @Post()
  @Allow('mod.sanction')
  @ApiCreatedResponse({ type: SanctionDto, description: 'Against {postId}: the author behind it, who stays unknown' })
  create(@Body() dto: CreateSanctionDto, @RequestPolicy() policy: Policy): Promise<SanctionDto> {
    return this.sanctions.issue(policy, dto);
  }
}
