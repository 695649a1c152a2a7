import { Body, Controller, Get, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { SettingsDto, UpdateSettingsDto } from './dto/settings.dto.js';
import { SettingsService, type Settings } from './settings.service.js';

@ApiTags('admin')
@Controller('api/admin/settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @Allow('admin.settings')
  @ApiOkResponse({ type: SettingsDto })
  get(): Promise<Settings> {
    return this.settings.get();
  }

  @Patch()
  @Allow('admin.settings')
  @ApiOkResponse({ type: SettingsDto })
  update(@Body() dto: UpdateSettingsDto, @RequestPolicy() policy: Policy): Promise<Settings> {
    return this.settings.change(policy.userId ?? null, dto);
  }
}
