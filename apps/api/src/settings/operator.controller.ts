import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OperatorDto } from './dto/operator.dto.js';
import { SettingsService } from './settings.service.js';

@ApiTags('legal')
@Controller('api/operator')
export class OperatorController {
  constructor(private readonly settings: SettingsService) {}

  /** Anyone: the privacy notice, the accessibility statement and "forgot password" show it. */
  @Get()
  @ApiOkResponse({ type: OperatorDto })
  get(): Promise<OperatorDto> {
    return this.settings.operator();
  }
}
