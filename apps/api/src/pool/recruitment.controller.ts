import { Body, Controller, Get, Ip, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
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
  PanelAboutDto,
} from './dto/recruitment.dto.js';
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
