import { Controller, Get, Header } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policy.guard.js';
import { CurrentUser, type SessionUser } from '../auth/session-user.js';
import { AccountExportService } from './account-export.service.js';
import { AccountExportDto } from './dto/account-export.dto.js';

@ApiTags('account')
@Controller('api/me/export')
export class AccountExportController {
  constructor(private readonly exports: AccountExportService) {}

  @Get()
  @Allow('account.use')
  @Header('Content-Disposition', 'attachment; filename="erfaringsforum-mine-data.json"')
  @Header('Cache-Control', 'no-store')
  @ApiOkResponse({
    type: AccountExportDto,
    description:
      'All of the caller’s own data as JSON: account, posts (anonymous ones included), panel applications, flags raised, sanctions, café messages still kept, notifications',
  })
  export(@CurrentUser() user: SessionUser): Promise<Record<string, unknown>> {
    return this.exports.export(user);
  }
}
