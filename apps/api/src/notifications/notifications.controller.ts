import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { MarkedReadDto, MarkReadDto, NotificationPageDto, type NotificationDto } from './dto/notification.dto.js';
import { NotificationsService } from './notifications.service.js';

@ApiTags('account')
@Controller('api/me/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @Allow('account.use')
  @ApiOkResponse({
    type: NotificationPageDto,
    description: 'Newest first; also delivered live on the Socket.IO namespace /me',
  })
  list(@Query() page: PageQueryDto, @RequestPolicy() policy: Policy): Promise<Page<NotificationDto>> {
    return this.notifications.list(policy, page.limit ?? 20, page.cursor);
  }

  @Post('read')
  @HttpCode(200)
  @Allow('account.use')
  @ApiOkResponse({ type: MarkedReadDto })
  async markRead(@Body() dto: MarkReadDto, @RequestPolicy() policy: Policy): Promise<MarkedReadDto> {
    return { marked: await this.notifications.markRead(policy, dto.ids) };
  }
}
