import { Body, Controller, Get, Header, HttpCode, Ip, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import { CachedPage, firstAhead } from '../page-cache/cached-page.decorator.js';
import { ConsultationsService } from './consultations.service.js';
import {
  AcknowledgeDto,
  CreateConsultationDto,
  HandledDto,
  ReportInputDto,
  RespondDto,
  UpdateConsultationDto,
} from './dto/consultation-input.dto.js';
import {
  AcknowledgementTallyDto,
  ConsultationDto,
  ConsultationPageDto,
  ReportDto,
  RespondedDto,
  ResultsDto,
} from './dto/consultation.dto.js';

@ApiTags('consultations')
@Controller('api/consultations')
export class ConsultationsController {
  constructor(private readonly consultations: ConsultationsService) {}

  @Post()
  @Allow('admin.consultations')
  @ApiCreatedResponse({ type: ConsultationDto, description: 'A draft' })
  create(@Body() dto: CreateConsultationDto, @RequestPolicy() policy: Policy): Promise<ConsultationDto> {
    return this.consultations.create(policy, dto);
  }

  @Get()
  @ApiOkResponse({ type: ConsultationPageDto, description: 'Newest first; those the caller’s audience allows' })
  list(@Query() query: PageQueryDto, @RequestPolicy() policy: Policy): Promise<Page<ConsultationDto>> {
    return this.consultations.list(policy, query.limit ?? 20, query.cursor);
  }

  @CachedPage<ConsultationDto>((c, now) => firstAhead(now, [c.opensAt, c.closesAt, c.reportDueAt]))
  @Get(':id')
  @ApiOkResponse({
    type: ConsultationDto,
    description: 'With questions and whether the caller answered; 404 outside the audience',
  })
  get(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ConsultationDto> {
    return this.consultations.get(policy, id);
  }

  @Patch(':id')
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ConsultationDto, description: '409 questions_locked after the first answer' })
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateConsultationDto,
    @RequestPolicy() policy: Policy,
  ): Promise<ConsultationDto> {
    return this.consultations.update(policy, id, dto);
  }

  @Post(':id/publish')
  @HttpCode(200)
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ConsultationDto, description: 'scheduled or open' })
  publish(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ConsultationDto> {
    return this.consultations.publish(policy, id);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ConsultationDto })
  close(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ConsultationDto> {
    return this.consultations.close(policy, id);
  }

  @Post(':id/responses')
  @ScreenedWriting(['answers'])
  @ApiCreatedResponse({
    type: RespondedDto,
    description: '409 not_open, 409 already_responded; crisis text gets support',
  })
  respond(
    @Param('id', UuidParam) id: string,
    @Body() dto: RespondDto,
    @RequestPolicy() policy: Policy,
    @Ip() ip: string,
  ): Promise<RespondedDto> {
    return this.consultations.respond(policy, id, dto, ip);
  }

  @Get(':id/results')
  @ApiOkResponse({ type: ResultsDto, description: 'Admins always; the audience once the report is published' })
  results(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ResultsDto> {
    return this.consultations.results(policy, id);
  }

  @Get(':id/results.csv')
  @Allow('admin.consultations')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="radslag-resultater.csv"')
  @ApiProduces('text/csv')
  @ApiOkResponse({ description: 'Aggregates and free texts, never one row per respondent' })
  resultsCsv(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<string> {
    return this.consultations.resultsCsv(policy, id);
  }

  @Put(':id/report')
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ReportDto, description: '409 not_closed before the consultation closes' })
  putReport(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReportInputDto,
    @RequestPolicy() policy: Policy,
  ): Promise<ReportDto> {
    return this.consultations.putReport(policy, id, dto);
  }

  @Post(':id/report/publish')
  @HttpCode(200)
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ReportDto, description: 'Every respondent is notified' })
  publishReport(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ReportDto> {
    return this.consultations.publishReport(policy, id);
  }

  @Get(':id/report')
  @ApiOkResponse({ type: ReportDto, description: '404 before it is published' })
  report(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ReportDto> {
    return this.consultations.report(policy, id);
  }

  @Post(':id/report/acknowledgements')
  @ApiCreatedResponse({ description: 'One per respondent (a second replaces the first); 403 not_respondent' })
  acknowledge(
    @Param('id', UuidParam) id: string,
    @Body() dto: AcknowledgeDto,
    @RequestPolicy() policy: Policy,
  ): Promise<{ id: string }> {
    return this.consultations.acknowledge(policy, id, dto);
  }

  @Get(':id/report/acknowledgements')
  @Allow('admin.consultations')
  @ApiOkResponse({ type: AcknowledgementTallyDto })
  acknowledgements(
    @Param('id', UuidParam) id: string,
    @RequestPolicy() policy: Policy,
  ): Promise<AcknowledgementTallyDto> {
    return this.consultations.acknowledgements(policy, id);
  }

  @Post(':id/report/acknowledgements/:ackId/handled')
  @HttpCode(200)
  @Allow('admin.consultations')
  @ApiOkResponse({ description: 'The respondent is notified with the note' })
  handled(
    @Param('id', UuidParam) id: string,
    @Param('ackId', UuidParam) ackId: string,
    @Body() dto: HandledDto,
    @RequestPolicy() policy: Policy,
  ): Promise<{ id: string }> {
    return this.consultations.handle(policy, id, ackId, dto.note);
  }

  @Post(':id/archive')
  @HttpCode(200)
  @Allow('admin.consultations')
  @ApiOkResponse({ type: ConsultationDto, description: '409 report_missing, 409 follow_up_open' })
  archive(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<ConsultationDto> {
    return this.consultations.archive(policy, id);
  }
}
