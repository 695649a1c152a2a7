import { Controller, Delete, Get, Header, HttpCode, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { ownOrigin } from '../common/request-guards.middleware.js';
import { UuidParam } from '../common/validation.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { CachedPage } from '../page-cache/cached-page.decorator.js';
import { CalendarFeedsService } from './calendar-feeds.service.js';
import { CalendarFeedDto } from './dto/event.dto.js';

/** Set only on success, so an error stays JSON. */
function asCalendar(res: Response, filename: string): void {
  res.type('text/calendar; charset=utf-8');
  res.setHeader('Content-Disposition', `inline; filename="${filename}"`);
}

@ApiTags('calendar')
@Controller('api')
export class CalendarFeedsController {
  constructor(
    private readonly feeds: CalendarFeedsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @CachedPage()
  @Get('events.ics')
  @Header('Cache-Control', 'no-cache')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545) of the events a guest may see, and the café’s sessions' })
  async publicFeed(@Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.publicFeed(this.config.linkBase);
    asCalendar(res, 'kalender.ics');
    return body;
  }

  @Get('events/:id.ics')
  @Header('Cache-Control', 'private, no-cache')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'One event as iCalendar; 404 outside the audience' })
  async eventFile(
    @Param('id', UuidParam) id: string,
    @RequestPolicy() policy: Policy,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.feeds.eventFile(policy, id, this.config.linkBase);
    asCalendar(res, 'arrangement.ics');
    return body;
  }

  @Post('me/calendar-feed')
  @Allow('account.use')
  @Header('Cache-Control', 'no-store')
  @ApiCreatedResponse({
    type: CalendarFeedDto,
    description: 'A new secret personal feed; a second POST replaces the first (the old url then 404s)',
  })
  createFeed(@RequestPolicy() policy: Policy, @Req() req: Request): Promise<CalendarFeedDto> {
    return this.feeds.createFeed(policy, ownOrigin(this.config.publicUrl, req));
  }

  @Delete('me/calendar-feed')
  @HttpCode(204)
  @Allow('account.use')
  @ApiNoContentResponse({ description: 'The personal feed is revoked (its url 404s)' })
  revokeFeed(@RequestPolicy() policy: Policy): Promise<void> {
    return this.feeds.revokeFeed(policy);
  }

  @Get('calendar-feeds/:token.ics')
  @Header('Cache-Control', 'private, no-cache')
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description:
      'A member’s secret personal feed: the events they may see, their registrations marked; 404 once replaced or revoked',
  })
  async personalFeed(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    const body = await this.feeds.personalFeed(token, this.config.linkBase);
    asCalendar(res, 'min-kalender.ics');
    return body;
  }
}
