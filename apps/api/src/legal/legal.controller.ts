import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { LegalTextDto } from '../auth/dto/auth.dto.js';
import { GUIDELINES_EN, GUIDELINES_NB } from './guidelines.js';
import { PRIVACY_EN, PRIVACY_NB } from './privacy.js';

@ApiTags('legal')
@Controller('api')
export class LegalController {
  @Get('guidelines')
  @ApiOkResponse({ type: LegalTextDto })
  guidelines(): LegalTextDto {
    return { nb: GUIDELINES_NB, en: GUIDELINES_EN };
  }

  @Get('privacy')
  @ApiOkResponse({ type: LegalTextDto })
  privacy(): LegalTextDto {
    return { nb: PRIVACY_NB, en: PRIVACY_EN };
  }
}
