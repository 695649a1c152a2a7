import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import type { Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import { AssignmentsService } from './assignments.service.js';
import {
  AdminAssignmentDto,
  AdminAssignmentPageDto,
  AssignmentQueryDto,
  CheckinInputDto,
  CheckinReceiptDto,
  CreateAssignmentDto,
  LoadDto,
  MyAssignmentsDto,
  OfferDto,
  OfferInputDto,
  PanelProfileDto,
  PanelProfileInputDto,
  PoolSuggestionDto,
  UpdateAssignmentDto,
} from './dto/assignments.dto.js';

@ApiTags('admin')
@Controller('api/admin')
export class AdminAssignmentsController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Post('assignments')
  @Allow('admin.pool')
  @ApiCreatedResponse({
    type: AdminAssignmentDto,
    description: 'A draft; endsAt after startsAt, at most 183 days after',
  })
  create(@Body() dto: CreateAssignmentDto, @RequestPolicy() policy: Policy): Promise<AdminAssignmentDto> {
    return this.assignments.create(policy, dto);
  }

  @Get('assignments')
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentPageDto, description: 'Newest first; ?status= to filter' })
  list(@Query() query: AssignmentQueryDto, @RequestPolicy() policy: Policy): Promise<Page<AdminAssignmentDto>> {
    return this.assignments.list(policy, query.status, query.limit ?? 20, query.cursor);
  }

  @Get('assignments/:id')
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentDto, description: 'With its offers and check-ins' })
  get(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<AdminAssignmentDto> {
    return this.assignments.get(policy, id);
  }

  @Patch('assignments/:id')
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentDto, description: '409 not_draft once it has started' })
  update(
    @Param('id', UuidParam) id: string,
    @Body() dto: UpdateAssignmentDto,
    @RequestPolicy() policy: Policy,
  ): Promise<AdminAssignmentDto> {
    return this.assignments.update(policy, id, dto);
  }

  @Post('assignments/:id/cancel')
  @HttpCode(200)
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentDto, description: 'Everyone on it or offered it is notified' })
  cancel(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<AdminAssignmentDto> {
    return this.assignments.cancel(policy, id);
  }

  @Post('assignments/:id/offers')
  @Allow('admin.pool')
  @ApiCreatedResponse({
    type: OfferDto,
    description: '409 member_unavailable (paused, or at their most active assignments), role_taken, already_offered',
  })
  offer(
    @Param('id', UuidParam) id: string,
    @Body() dto: OfferInputDto,
    @RequestPolicy() policy: Policy,
  ): Promise<OfferDto> {
    return this.assignments.offer(policy, id, dto);
  }

  @Get('assignments/:id/suggestions')
  @Allow('admin.pool')
  @ApiOkResponse({
    type: [PoolSuggestionDto],
    description: 'Available panel members, longest without an assignment first',
  })
  suggestions(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<PoolSuggestionDto[]> {
    return this.assignments.suggestions(policy, id);
  }

  @Post('assignments/:id/start')
  @HttpCode(200)
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentDto, description: '409 needs_backup unless a primary and a backup accepted' })
  start(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<AdminAssignmentDto> {
    return this.assignments.start(policy, id);
  }

  @Post('assignments/:id/complete')
  @HttpCode(200)
  @Allow('admin.pool')
  @ApiOkResponse({ type: AdminAssignmentDto, description: 'Its members are asked to check in one last time' })
  complete(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<AdminAssignmentDto> {
    return this.assignments.complete(policy, id);
  }

  @Get('panel/load')
  @Allow('admin.pool')
  @ApiOkResponse({ type: [LoadDto], description: 'Every panel member: who carries what, the last load, who is paused' })
  load(@RequestPolicy() policy: Policy): Promise<LoadDto[]> {
    return this.assignments.load(policy);
  }
}

@ApiTags('panel')
@Controller('api/me')
export class MyPoolController {
  constructor(private readonly assignments: AssignmentsService) {}

  @Get('panel-profile')
  @Allow('pool.member')
  @ApiOkResponse({ type: PanelProfileDto })
  profile(@RequestPolicy() policy: Policy): Promise<PanelProfileDto> {
    return this.assignments.profile(policy);
  }

  @Patch('panel-profile')
  @Allow('pool.member')
  @ApiOkResponse({ type: PanelProfileDto })
  updateProfile(@Body() dto: PanelProfileInputDto, @RequestPolicy() policy: Policy): Promise<PanelProfileDto> {
    return this.assignments.updateProfile(policy, dto);
  }

  @Get('assignments')
  @Allow('pool.member')
  @ApiOkResponse({
    type: MyAssignmentsDto,
    description: 'Your offers and assignments; never another member’s check-in',
  })
  mine(@RequestPolicy() policy: Policy): Promise<MyAssignmentsDto> {
    return this.assignments.mine(policy);
  }

  @Post('offers/:id/accept')
  @HttpCode(200)
  @Allow('pool.member')
  @ApiOkResponse({ type: OfferDto, description: '404 to anyone but the member offered' })
  accept(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<OfferDto> {
    return this.assignments.answer(policy, id, 'accepted');
  }

  @Post('offers/:id/decline')
  @HttpCode(200)
  @Allow('pool.member')
  @ApiOkResponse({ type: OfferDto, description: '404 to anyone but the member offered' })
  decline(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<OfferDto> {
    return this.assignments.answer(policy, id, 'declined');
  }

  @Post('assignments/:id/checkins')
  @Allow('pool.member')
  @ScreenedWriting(['note'])
  @ApiCreatedResponse({
    type: CheckinReceiptDto,
    description: 'Primary or backup; wantPause hands it on at once. Crisis text in the note gets support',
  })
  checkin(
    @Param('id', UuidParam) id: string,
    @Body() dto: CheckinInputDto,
    @RequestPolicy() policy: Policy,
  ): Promise<CheckinReceiptDto> {
    return this.assignments.checkin(policy, id, dto);
  }
}
