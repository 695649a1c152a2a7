import { Body, Controller, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiExtraModels, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import { CachedPage } from '../page-cache/cached-page.decorator.js';
import { AUTHOR_MODELS } from './dto/author.dto.js';
import { CreatedPostDto, CreatePostDto, PostPageDto, type PostDto } from './dto/post.dto.js';
import { ModerateThreadDto, ThreadDto } from './dto/thread.dto.js';
import { PostsService } from './posts.service.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('forum')
// The author union's models, for every `author` in the document (see ApiAuthor).
@ApiExtraModels(...AUTHOR_MODELS)
@Controller('api/threads')
export class ThreadsController {
  constructor(
    private readonly threads: ThreadsService,
    private readonly posts: PostsService,
  ) {}

  @CachedPage()
  @Get(':id')
  @ApiOkResponse({
    type: ThreadDto,
    description: 'With the first page of posts; 404 for a thread the caller may not see',
  })
  get(
    @Param('id', UuidParam) id: string,
    @Query() page: PageQueryDto,
    @RequestPolicy() policy: Policy,
  ): Promise<ThreadDto> {
    return this.threads.get(policy, id, page.limit ?? 20);
  }

  @CachedPage()
  @Get(':id/posts')
  @ApiOkResponse({ type: PostPageDto, description: 'Oldest first' })
  listPosts(
    @Param('id', UuidParam) id: string,
    @Query() page: PageQueryDto,
    @RequestPolicy() policy: Policy,
  ): Promise<Page<PostDto>> {
    return this.posts.listInThread(policy, id, page.limit ?? 20, page.cursor);
  }

  @Post(':id/posts')
  @ScreenedWriting(['body'])
  @ApiCreatedResponse({
    type: CreatedPostDto,
    description: '423 locked for a locked thread; status "pending" when held',
  })
  reply(
    @Param('id', UuidParam) id: string,
    @Body() dto: CreatePostDto,
    @RequestPolicy() policy: Policy,
    @Ip() ip: string,
  ): Promise<CreatedPostDto> {
    return this.posts.reply(policy, id, dto, ip);
  }
}

@ApiTags('moderation')
@Controller('api/mod/threads')
export class ModThreadsController {
  constructor(private readonly threads: ThreadsService) {}

  @Patch(':id')
  @Allow('mod.threads')
  @ApiOkResponse({ type: ThreadDto, description: 'Lock, pin or move; each change is audited' })
  moderate(
    @Param('id', UuidParam) id: string,
    @Body() dto: ModerateThreadDto,
    @RequestPolicy() policy: Policy,
  ): Promise<ThreadDto> {
    return this.threads.moderate(policy, id, dto);
  }
}
