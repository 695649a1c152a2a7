import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { UuidParam } from '../common/validation.js';
import {
  ModServicesQueryDto,
  SuggestionDto,
  SuggestionReceiptDto,
  UpdateServiceDto,
} from './dto/directory-input.dto.js';
import { HsdsServiceDto, HsdsServicePageDto, type HsdsPageOf, type HsdsServiceSummaryDto } from './dto/hsds.dto.js';
import { DirectoryService } from './directory.service.js';

/** Suggestions from anyone, and the moderators' work on the offers. */
@ApiTags('directory')
@Controller('api/directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Post('suggestions')
  @ApiCreatedResponse({
    type: SuggestionReceiptDto,
    description: 'Held for a moderator; the receipt code tells at GET /api/receipts/{token} what became of it',
  })
  suggest(
    @Body() dto: SuggestionDto,
    @RequestPolicy() policy: Policy,
    @Ip() ip: string,
  ): Promise<SuggestionReceiptDto> {
    return this.directory.suggest(policy, dto, ip);
  }

  @Get('stale')
  @Allow('mod.directory')
  @ApiOkResponse({ type: HsdsServicePageDto, description: 'Offers not checked for 180 days, the longest first' })
  stale(@Query() q: ModServicesQueryDto, @RequestPolicy() policy: Policy): Promise<HsdsPageOf<HsdsServiceSummaryDto>> {
    return this.directory.staleServices(policy, q.page ?? 1);
  }

  @Patch('services/:id')
  @Allow('mod.directory')
  @ApiOkResponse({ type: HsdsServiceDto })
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateServiceDto,
    @RequestPolicy() policy: Policy,
  ): Promise<HsdsServiceDto> {
    return this.directory.update(policy, id, dto);
  }

  @Post('services/:id/verify')
  @HttpCode(200)
  @Allow('mod.directory')
  @ApiOkResponse({ type: HsdsServiceDto, description: 'assured_date becomes today (Europe/Oslo); no longer stale' })
  verify(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<HsdsServiceDto> {
    return this.directory.verify(policy, id);
  }

  @Delete('services/:id')
  @HttpCode(204)
  @Allow('mod.directory')
  @ApiNoContentResponse({ description: 'Retired (status defunct): out of the feed' })
  async retire(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<void> {
    await this.directory.retire(policy, id);
  }
}
