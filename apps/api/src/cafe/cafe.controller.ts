import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { CurrentUser, type SessionUser } from '../auth/session-user.js';
import { CafeRoomsService } from './cafe-rooms.service.js';
import { CafeRoomDto, CafeSessionDto, CreateCafeRoomDto, CreateCafeSessionDto, OpenCafeRoomDto } from './dto/cafe-room.dto.js';

@ApiTags('cafe')
@Controller('api/cafe/rooms')
export class CafeController {
  constructor(private readonly rooms: CafeRoomsService) {}

  @Get()
  @ApiOkResponse({ type: [CafeRoomDto], description: 'The rooms the caller may enter, with the current or next opening' })
  list(@RequestPolicy() policy: Policy): Promise<CafeRoomDto[]> {
    return this.rooms.list(policy);
  }

  @Post()
  @Allow('admin.cafe_rooms')
  @ApiCreatedResponse({ type: CafeRoomDto })
  create(@Body() dto: CreateCafeRoomDto, @CurrentUser() actor: SessionUser): Promise<CafeRoomDto> {
    return this.rooms.create(actor, dto);
  }

  @Post(':slug/sessions')
  @Allow('cafe.host')
  @ApiCreatedResponse({ type: CafeSessionDto })
  schedule(@Param('slug') slug: string, @Body() dto: CreateCafeSessionDto, @CurrentUser() actor: SessionUser): Promise<CafeSessionDto> {
    return this.rooms.schedule(actor, slug, dto);
  }

  @Post(':slug/open')
  @HttpCode(200)
  @Allow('cafe.host')
  @ApiOkResponse({ type: CafeRoomDto })
  open(@Param('slug') slug: string, @Body() dto: OpenCafeRoomDto, @CurrentUser() actor: SessionUser): Promise<CafeRoomDto> {
    return this.rooms.open(actor, slug, dto);
  }

  @Post(':slug/close')
  @HttpCode(200)
  @Allow('cafe.host')
  @ApiOkResponse({ type: CafeRoomDto })
  close(@Param('slug') slug: string, @CurrentUser() actor: SessionUser): Promise<CafeRoomDto> {
    return this.rooms.close(actor, slug);
  }
}
