import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LegalTextDto } from '../auth/dto/auth.dto.js';
import { GUIDELINES_EN, GUIDELINES_NB } from './guidelines.js';
import { SettingsService } from '../settings/settings.service.js';
import { privacyNotice } from './privacy.js';

@ApiTags('legal')
@Controller('api')
export class LegalController {
  constructor(private readonly settings: SettingsService) {}

  @Get('guidelines')
  @ApiOkResponse({ type: LegalTextDto })
  guidelines(): LegalTextDto {
    return { nb: GUIDELINES_NB, en: GUIDELINES_EN };
  }

  @Get('privacy')
  @ApiOkResponse({ type: LegalTextDto })
  async privacy(): Promise<LegalTextDto> {
    return privacyNotice(await this.settings.operator());
  }
}
