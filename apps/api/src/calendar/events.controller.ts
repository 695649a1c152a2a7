import { Body, Controller, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { UuidParam } from '../common/validation.js';
import { CachedPage, firstAhead } from '../page-cache/cached-page.decorator.js';
import {
  CancelEventDto,
  CreateEventDto,
  EventsQueryDto,
  RegistrationInputDto,
  UpdateEventDto,
} from './dto/event-input.dto.js';
import { EventDto, EventPageDto, RegistrationDto, RegistrationEntryDto } from './dto/event.dto.js';
import { EventsService } from './events.service.js';

@ApiTags('calendar')
@Controller('api/events')
export class EventsController {
  constructor(private readonly events: EventsService) {}

  @CachedPage<Page<EventDto>>((page, now) =>
    firstAhead(
      now,
      page.items.flatMap((e) => [e.startsAt, e.endsAt]),
    ),
  )
  @Get()
  @ApiOkResponse({
    type: EventPageDto,
    description: 'By start time; the events the caller may see and the café’s planned sessions (kind cafe)',
  })
  list(@Query() query: EventsQueryDto, @RequestPolicy() policy: Policy): Promise<Page<EventDto>> {
    return this.events.list(policy, query);
  }

  @Post()
  @Allow('calendar.host')
  @ApiCreatedResponse({ type: EventDto })
  create(@Body() dto: CreateEventDto, @RequestPolicy() policy: Policy): Promise<EventDto> {
    return this.events.create(policy, dto);
  }

  @CachedPage<EventDto>((e, now) => firstAhead(now, [e.startsAt, e.endsAt]))
  @Get(':id')
  @ApiOkResponse({ type: EventDto, description: '404 outside the audience; the online link only to those going' })
  get(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<EventDto> {
    return this.events.get(policy, id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: EventDto, description: 'Its organiser, moderators, admins; raises sequence' })
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateEventDto,
    @RequestPolicy() policy: Policy,
  ): Promise<EventDto> {
    return this.events.update(policy, id, dto);
  }

  @Post(':id/cancel')
  @HttpCode(200)
  @ApiOkResponse({ type: EventDto, description: 'Everyone registered is notified' })
  cancel(
    @Param('id', UuidParam) id: string,
    @Body() dto: CancelEventDto,
    @RequestPolicy() policy: Policy,
  ): Promise<EventDto> {
    return this.events.cancel(policy, id, dto.reason);
  }

  @Put(':id/registration')
  @ApiOkResponse({ type: RegistrationDto, description: 'going, or waitlisted with a position when full' })
  register(
    @Param('id', UuidParam) id: string,
    @Body() dto: RegistrationInputDto,
    @RequestPolicy() policy: Policy,
  ): Promise<RegistrationDto> {
    return this.events.register(policy, id, dto.status);
  }

  @Get(':id/registrations')
  @ApiOkResponse({ type: [RegistrationEntryDto], description: 'Its organiser, moderators, admins' })
  registrations(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<RegistrationEntryDto[]> {
    return this.events.registrations(policy, id);
  }
}
