import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { OperatorDto } from './dto/operator.dto.js';
import { SettingsService, type Operator } from './settings.service.js';

@ApiTags('legal')
@Controller('api/operator')
export class OperatorController {
  constructor(private readonly settings: SettingsService) {}

  /** Anyone: the privacy notice, the accessibility statement and "forgot password" show it. */
  @Get()
  @ApiOkResponse({ type: OperatorDto })
  get(): Promise<Operator> {
    return this.settings.operator();
  }
}
