import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Ip,
  Param,
  Patch,
  Post,
  Put,
  Query,
  type PipeTransform,
} from '@nestjs/common';
import {
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiParam,
  ApiProperty,
  ApiTags,
} from '@nestjs/swagger';
import { REACTION_KINDS, type ReactionKind } from '#libs/contracts';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { badRequest } from '../common/api-error.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import { PostDto } from '../forum/dto/post.dto.js';
import { ThreadSummaryPageDto, type ThreadSummaryDto } from '../forum/dto/thread.dto.js';
import { ThreadsService } from '../forum/threads.service.js';
import { ContentWarningDto, ContentWarningListDto, SetContentWarningDto } from './dto/content-warning.dto.js';
import { IgnoreDto, IgnoredDto } from './dto/ignored.dto.js';
import { PreferencesDto, UpdatePreferencesDto } from './dto/preferences.dto.js';
import { ReactionsResultDto } from './dto/reactions.dto.js';
import { ScreeningCheckDto, ScreeningResultDto } from './dto/screening-check.dto.js';
import { ReactionsService } from './reactions.service.js';
import { ReaderSafetyService } from './reader-safety.service.js';
import { ScreeningCheckService } from './screening-check.service.js';

/** `:kind` of a reaction: one of the three, or 400. */
class ReactionKindParam implements PipeTransform<string, ReactionKind> {
  transform(value: string): ReactionKind {
    if (!(REACTION_KINDS as readonly string[]).includes(value))
      throw badRequest(`A reaction is one of: ${REACTION_KINDS.join(', ')}.`, 'invalid_reaction');
    return value as ReactionKind;
  }
}

@ApiTags('reader safety')
@Controller('api/screening')
export class ScreeningCheckController {
  constructor(private readonly checks: ScreeningCheckService) {}

  @Post('check')
  @HttpCode(200)
  @ScreenedWriting(['text'])
  @ApiOkResponse({ type: ScreeningResultDto, description: 'Nothing is stored or logged' })
  check(
    @Body() dto: ScreeningCheckDto,
    @Ip() ip: string,
    @RequestPolicy() policy: Policy,
  ): Promise<ScreeningResultDto> {
    return this.checks.check(policy, ip, dto.text);
  }
}

@ApiTags('reader safety')
@Controller('api')
export class ContentWarningsController {
  constructor(private readonly reader: ReaderSafetyService) {}

  @Get('content-warnings')
  @ApiOkResponse({ type: [ContentWarningDto], description: 'In the administrators’ order' })
  list(): Promise<ContentWarningDto[]> {
    return this.reader.list();
  }

  @Put('admin/content-warnings')
  @Allow('admin.content_warnings')
  @ApiOkResponse({ type: [ContentWarningDto], description: 'The list now; audited' })
  replace(@Body() dto: ContentWarningListDto, @RequestPolicy() policy: Policy): Promise<ContentWarningDto[]> {
    return this.reader.replaceWarnings(policy, dto.warnings);
  }

  @Patch('mod/posts/:id')
  @Allow('mod.content_warnings')
  @ApiOkResponse({ type: PostDto, description: 'The post with its new warning; audited' })
  setWarning(
    @Param('id', UuidParam) id: string,
    @Body() dto: SetContentWarningDto,
    @RequestPolicy() policy: Policy,
  ): Promise<PostDto> {
    return this.reader.setPostWarning(policy, id, dto.contentWarning ?? null);
  }
}

@ApiTags('reader safety')
@Controller('api/me')
export class ReaderChoicesController {
  constructor(private readonly reader: ReaderSafetyService) {}

  @Get('preferences')
  @Allow('reader.filters')
  @ApiOkResponse({ type: PreferencesDto })
  preferences(@RequestPolicy() policy: Policy): Promise<PreferencesDto> {
    return this.reader.preferences(policy);
  }

  @Patch('preferences')
  @Allow('reader.filters')
  @ApiOkResponse({ type: PreferencesDto })
  update(@Body() dto: UpdatePreferencesDto, @RequestPolicy() policy: Policy): Promise<PreferencesDto> {
    return this.reader.updatePreferences(policy, dto);
  }

  @Post('ignored')
  @Allow('reader.filters')
  @ApiCreatedResponse({ type: IgnoredDto, description: 'The ignored person is never told' })
  ignore(@Body() dto: IgnoreDto, @RequestPolicy() policy: Policy): Promise<IgnoredDto> {
    return this.reader.ignore(policy, dto);
  }

  @Get('ignored')
  @Allow('reader.filters')
  @ApiOkResponse({ type: [IgnoredDto], description: 'Newest first' })
  ignored(@RequestPolicy() policy: Policy): Promise<IgnoredDto[]> {
    return this.reader.ignored(policy);
  }

  @Delete('ignored/:id')
  @HttpCode(204)
  @Allow('reader.filters')
  @ApiNoContentResponse()
  unignore(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<void> {
    return this.reader.unignore(policy, id);
  }
}

@ApiTags('reader safety')
@Controller('api/posts')
export class ReactionsController {
  constructor(private readonly reactions: ReactionsService) {}

  @Put(':id/reactions/:kind')
  @Allow('reader.filters')
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsResultDto })
  give(
    @Param('id', UuidParam) id: string,
    @Param('kind', new ReactionKindParam()) kind: ReactionKind,
    @RequestPolicy() policy: Policy,
  ): Promise<ReactionsResultDto> {
    return this.reactions.give(policy, id, kind);
  }

  @Delete(':id/reactions/:kind')
  @Allow('reader.filters')
  @ApiParam({ name: 'kind', enum: REACTION_KINDS })
  @ApiOkResponse({ type: ReactionsResultDto })
  takeBack(
    @Param('id', UuidParam) id: string,
    @Param('kind', new ReactionKindParam()) kind: ReactionKind,
    @RequestPolicy() policy: Policy,
  ): Promise<ReactionsResultDto> {
    return this.reactions.takeBack(policy, id, kind);
  }
}

class UnansweredCountDto {
  @ApiProperty({ description: 'Counted up to 100' }) count: number;
}

@ApiTags('reader safety')
@Controller('api/host/unanswered')
export class UnansweredController {
  constructor(private readonly threads: ThreadsService) {}

  @Get()
  @Allow('host.unanswered')
  @ApiOkResponse({ type: ThreadSummaryPageDto, description: 'Oldest first' })
  list(@Query() query: PageQueryDto, @RequestPolicy() policy: Policy): Promise<Page<ThreadSummaryDto>> {
    return this.threads.unanswered(policy, query.limit ?? 20, query.cursor);
  }

  @Get('count')
  @Allow('host.unanswered')
  @ApiOkResponse({ type: UnansweredCountDto, description: 'For the menu’s badge' })
  async count(@RequestPolicy() policy: Policy): Promise<UnansweredCountDto> {
    return { count: await this.threads.unansweredCount(policy) };
  }
}
