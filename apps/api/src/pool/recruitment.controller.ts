import { Body, Controller, Get, Header, HttpCode, Ip, Param, Patch, Post, Put, Query, Res } from '@nestjs/common';
import { ApiAcceptedResponse, ApiCreatedResponse, ApiExcludeController, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import {
  InterestDto,
  InterestInputDto,
  InterestPageDto,
  InterestQueryDto,
  InterestReceiptDto,
  InterestUpdateDto,
  NewsletterInputDto,
  NewsletterReceiptDto,
  PanelAboutDto,
} from './dto/recruitment.dto.js';
import { NewsletterService } from './newsletter.service.js';
import { RecruitmentService } from './recruitment.service.js';

@ApiTags('panel')
@Controller('api/panel')
export class RecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Get('about')
  @ApiOkResponse({ type: PanelAboutDto, description: 'Markdown in bokmål and English' })
  about(): Promise<PanelAboutDto> {
    return this.recruitment.about();
  }

  @Post('interest')
  @ScreenedWriting(['message'])
  @ApiCreatedResponse({
    type: InterestReceiptDto,
    description: 'No account needed; at least one of email or phone. Crisis text in the message gets support',
  })
  interest(@Body() dto: InterestInputDto, @Ip() ip: string): Promise<InterestReceiptDto> {
    return this.recruitment.expressInterest(dto, ip);
  }
}

@ApiTags('admin')
@Controller('api/admin/panel')
export class AdminRecruitmentController {
  constructor(private readonly recruitment: RecruitmentService) {}

  @Put('about')
  @Allow('admin.pool')
  @ApiOkResponse({ type: PanelAboutDto })
  setAbout(@Body() dto: PanelAboutDto, @RequestPolicy() policy: Policy): Promise<PanelAboutDto> {
    return this.recruitment.setAbout(policy, dto);
  }

  @Get('interest')
  @Allow('admin.pool')
  @ApiOkResponse({
    type: InterestPageDto,
    description: 'Newest first; ?status= to filter; contact details admins only',
  })
  interest(@Query() query: InterestQueryDto, @RequestPolicy() policy: Policy): Promise<Page<InterestDto>> {
    return this.recruitment.listInterest(policy, query.status, query.limit ?? 20, query.cursor);
  }

  @Patch('interest/:id')
  @Allow('admin.pool')
  @ApiOkResponse({ type: InterestDto, description: 'A status change starts the 12 months until deletion again' })
  updateInterest(
    @Param('id', UuidParam) id: string,
    @Body() dto: InterestUpdateDto,
    @RequestPolicy() policy: Policy,
  ): Promise<InterestDto> {
    return this.recruitment.updateInterest(policy, id, dto);
  }
}

@ApiTags('admin')
@Controller('api/admin/newsletters')
export class AdminNewsletterController {
  constructor(private readonly newsletters: NewsletterService) {}

  @Post()
  @HttpCode(202)
  @Allow('admin.pool')
  @ApiAcceptedResponse({
    type: NewsletterReceiptDto,
    description:
      'To panel members with an email and those interested who asked for it; each email has an unsubscribe link',
  })
  send(@Body() dto: NewsletterInputDto, @RequestPolicy() policy: Policy): Promise<NewsletterReceiptDto> {
    return this.newsletters.send(policy, dto);
  }
}

const page = (title: string, nb: string, en: string) =>
  `<!doctype html><html lang="nb"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head><body><main><h1>${title}</h1><p>${nb}</p><p lang="en">${en}</p><p><a href="/">Erfaringsforum</a></p></main></body></html>`;

/** The newsletter's unsubscribe link: works without logging in. */
@ApiExcludeController()
@Controller('unsubscribe')
export class UnsubscribeController {
  constructor(private readonly newsletters: NewsletterService) {}

  @Get(':token')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-store')
  async unsubscribe(@Param('token') token: string, @Res({ passthrough: true }) res: Response): Promise<string> {
    if (await this.newsletters.unsubscribe(token))
      return page(
        'Meldt av',
        'Du får ikke flere nyhetsbrev fra panelet.',
        'You will get no more newsletters from the panel.',
      );
    res.status(404);
    return page(
      'Ukjent lenke',
      'Lenken er ikke gyldig. Kanskje er du meldt av allerede.',
      'The link is not valid. Perhaps you have unsubscribed already.',
    );
  }
}
