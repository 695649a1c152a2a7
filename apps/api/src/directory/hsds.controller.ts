import { Controller, Get, Header, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { RequestPolicy } from '../auth/policy.guard.js';
import { UuidParam } from '../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CachedPage } from '../page-cache/cached-page.decorator.js';
import { HsdsQueryDto } from './dto/directory-input.dto.js';
import {
  HsdsFullOrganizationDto,
  HsdsOrganizationPageDto,
  HsdsServiceDto,
  HsdsServicePageDto,
  HsdsTaxonomyTermPageDto,
  type HsdsOrganizationDto,
  type HsdsPageOf,
  type HsdsServiceSummaryDto,
  type HsdsTaxonomyTermDto,
} from './dto/hsds.dto.js';
import { DirectoryService } from './directory.service.js';

/**
 * The activity directory as an HSDS 3.0 API (Open Referral): readable from any origin without
 * credentials (see openFeed in app.factory), answered with an ETag so a reader can ask again
 * cheaply (If-None-Match → 304).
 */
@ApiTags('hsds')
@Controller('api/hsds')
export class HsdsController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @CachedPage()
  @Get('services')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: HsdsServicePageDto, description: 'Published offers, by name' })
  services(@Query() q: HsdsQueryDto, @RequestPolicy() policy: Policy): Promise<HsdsPageOf<HsdsServiceSummaryDto>> {
    return this.directory.services(policy, q);
  }

  @Get('services/:id.ics')
  @Header('Cache-Control', 'no-cache')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'The opening times as recurring events (RFC 5545), in Europe/Oslo' })
  async ics(
    @Param('id', UuidParam) id: string,
    @RequestPolicy() policy: Policy,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const calendar = await this.directory.ics(policy, id, this.config.linkBase);
    // Set only on success: an error stays JSON.
    res.type('text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="aktivitet.ics"');
    return calendar;
  }

  @CachedPage()
  @Get('services/:id')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: HsdsServiceDto, description: 'Fully nested; 404 once retired' })
  service(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<HsdsServiceDto> {
    return this.directory.service(policy, id);
  }

  @CachedPage()
  @Get('organizations')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: HsdsOrganizationPageDto, description: 'Organisations with offers in the directory' })
  organizations(@Query() q: HsdsQueryDto): Promise<HsdsPageOf<HsdsOrganizationDto>> {
    return this.directory.organizations(q);
  }

  @CachedPage()
  @Get('organizations/:id')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: HsdsFullOrganizationDto, description: 'With its published offers' })
  organization(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<HsdsFullOrganizationDto> {
    return this.directory.organization(policy, id);
  }

  @CachedPage()
  @Get('taxonomy_terms')
  @Header('Cache-Control', 'no-cache')
  @ApiOkResponse({ type: HsdsTaxonomyTermPageDto, description: 'The activity types' })
  terms(@Query() q: HsdsQueryDto): Promise<HsdsPageOf<HsdsTaxonomyTermDto>> {
    return this.directory.terms(q);
  }
}
