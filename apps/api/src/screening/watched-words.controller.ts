import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Allow } from '../auth/policy.guard.js';
import { CurrentUser, type SessionUser } from '../auth/session-user.js';
import { PageQueryDto } from '../common/paging.js';
import { UuidParam } from '../common/validation.js';
import { CreateWatchedWordDto, WatchedWordDto, WatchedWordPageDto } from './dto/watched-word.dto.js';
import { WatchedWordsService } from './watched-words.service.js';

@ApiTags('admin')
@Controller('api/admin/watched-words')
export class WatchedWordsController {
  constructor(private readonly words: WatchedWordsService) {}

  @Get()
  @Allow('admin.watched_words')
  @ApiOkResponse({ type: WatchedWordPageDto, description: 'The watched words, alphabetically' })
  list(@Query() query: PageQueryDto): Promise<WatchedWordPageDto> {
    return this.words.list(query.limit ?? 20, query.cursor);
  }

  @Post()
  @Allow('admin.watched_words')
  @ApiCreatedResponse({ type: WatchedWordDto })
  create(@Body() dto: CreateWatchedWordDto, @CurrentUser() actor: SessionUser): Promise<WatchedWordDto> {
    return this.words.create(actor, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @Allow('admin.watched_words')
  @ApiNoContentResponse()
  remove(@Param('id', UuidParam) id: string, @CurrentUser() actor: SessionUser): Promise<void> {
    return this.words.remove(actor, id);
  }
}
