import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { UuidParam } from '../common/validation.js';
import { LegalTextDto } from '../auth/dto/auth.dto.js';
import { CurrentUser, type SessionUser } from '../auth/session-user.js';
import { CAFE_RULES_EN, CAFE_RULES_NB } from './cafe-rules.js';
import { CafeRoomsService } from './cafe-rooms.service.js';
import {
  CafeRoomDto,
  CafeSessionDto,
  CreateCafeRoomDto,
  CreateCafeSessionDto,
  OpenCafeRoomDto,
} from './dto/cafe-room.dto.js';

@ApiTags('cafe')
@Controller('api/cafe')
export class CafeController {
  constructor(private readonly rooms: CafeRoomsService) {}

  @Get('rules')
  @ApiOkResponse({ type: LegalTextDto, description: 'The café rules a guest accepts before joining' })
  rules(): LegalTextDto {
    return { nb: CAFE_RULES_NB, en: CAFE_RULES_EN };
  }

  @Get('rooms')
  @ApiOkResponse({
    type: [CafeRoomDto],
    description: 'The rooms the caller may enter, with the current or next opening',
  })
  list(@RequestPolicy() policy: Policy): Promise<CafeRoomDto[]> {
    return this.rooms.list(policy);
  }

  @Post('rooms')
  @Allow('admin.cafe_rooms')
  @ApiCreatedResponse({ type: CafeRoomDto })
  create(@Body() dto: CreateCafeRoomDto, @CurrentUser() actor: SessionUser): Promise<CafeRoomDto> {
    return this.rooms.create(actor, dto);
  }

  @Post('rooms/:slug/sessions')
  @Allow('cafe.host')
  @ApiCreatedResponse({ type: CafeSessionDto })
  schedule(
    @Param('slug') slug: string,
    @Body() dto: CreateCafeSessionDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<CafeSessionDto> {
    return this.rooms.schedule(actor, slug, dto);
  }

  @Get('rooms/:slug/sessions')
  @Allow('cafe.host')
  @ApiOkResponse({ type: [CafeSessionDto], description: 'The sessions open now or planned, soonest first' })
  sessions(@Param('slug') slug: string): Promise<CafeSessionDto[]> {
    return this.rooms.coming(slug);
  }

  @Delete('rooms/:slug/sessions/:id')
  @HttpCode(204)
  @Allow('cafe.host')
  @ApiNoContentResponse({ description: 'Cancelled before it started (audited); 409 started for an open one' })
  cancel(
    @Param('slug') slug: string,
    @Param('id', UuidParam) id: string,
    @CurrentUser() actor: SessionUser,
  ): Promise<void> {
    return this.rooms.cancel(actor, slug, id);
  }

  @Post('rooms/:slug/open')
  @HttpCode(200)
  @Allow('cafe.host')
  @ApiOkResponse({ type: CafeRoomDto })
  open(
    @Param('slug') slug: string,
    @Body() dto: OpenCafeRoomDto,
    @CurrentUser() actor: SessionUser,
  ): Promise<CafeRoomDto> {
    return this.rooms.open(actor, slug, dto);
  }

  @Post('rooms/:slug/close')
  @HttpCode(200)
  @Allow('cafe.host')
  @ApiOkResponse({ type: CafeRoomDto })
  close(@Param('slug') slug: string, @CurrentUser() actor: SessionUser): Promise<CafeRoomDto> {
    return this.rooms.close(actor, slug);
  }
}
