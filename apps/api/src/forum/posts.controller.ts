import { Body, Controller, Delete, Get, HttpCode, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { UuidParam } from '../common/validation.js';
import { CreateFlagDto, FlagDto } from './dto/flag.dto.js';
import { CreatedPostDto, EditPostDto, MyPostPageDto, ReceiptDto, type MyPostDto } from './dto/post.dto.js';
import { FlagsService } from './flags.service.js';
import { SearchPageDto, SearchQueryDto, type SearchHitDto } from './dto/search.dto.js';
import { PostsService } from './posts.service.js';
import { SearchService } from './search.service.js';

@ApiTags('forum')
@Controller('api')
export class PostsController {
  constructor(
    private readonly posts: PostsService,
    private readonly searches: SearchService,
    private readonly flags: FlagsService,
  ) {}

  @Patch('posts/:id')
  @ScreenedWriting(['body'])
  @ApiOkResponse({
    type: CreatedPostDto,
    description: 'The author within the edit window, or a moderator; screened again like a new post',
  })
  edit(
    @Param('id', UuidParam) id: string,
    @Body() dto: EditPostDto,
    @RequestPolicy() policy: Policy,
  ): Promise<CreatedPostDto> {
    return this.posts.edit(policy, id, dto.body, dto.contentWarning);
  }

  @Delete('posts/:id')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Soft delete: the post keeps its place with status "deleted" and no text' })
  delete(@Param('id', UuidParam) id: string, @RequestPolicy() policy: Policy): Promise<void> {
    return this.posts.delete(policy, id);
  }

  @Post('posts/:id/flags')
  // A crisis flag asks for help for someone, whatever its note says.
  @ScreenedWriting(['note'], (body) => body.reason === 'crisis')
  @ApiCreatedResponse({
    type: FlagDto,
    description: 'Guests may raise a crisis flag only; enough flags hide the post until reviewed',
  })
  flag(
    @Param('id', UuidParam) id: string,
    @Body() dto: CreateFlagDto,
    @RequestPolicy() policy: Policy,
    @Ip() ip: string,
  ): Promise<FlagDto> {
    return this.flags.flag(policy, id, dto, ip);
  }

  @Get('search')
  @ApiOkResponse({ type: SearchPageDto })
  search(@Query() query: SearchQueryDto, @RequestPolicy() policy: Policy): Promise<Page<SearchHitDto>> {
    return this.searches.search(policy, query.q, query.limit ?? 20, query.cursor);
  }

  @Get('receipts/:token')
  @ApiOkResponse({
    type: ReceiptDto,
    description:
      'A guest’s receipt for a held post, by the token of its link or by its short code (12 characters; dashes, spaces and letter case ignored; rate-limited per address)',
  })
  receipt(@Param('token') token: string, @Ip() ip: string): Promise<ReceiptDto> {
    return this.posts.receipt(token, ip);
  }

  @Get('me/posts')
  @Allow('account.use')
  @ApiOkResponse({ type: MyPostPageDto, description: 'The caller’s own posts, anonymous ones included, newest first' })
  mine(@Query() page: PageQueryDto, @RequestPolicy() policy: Policy): Promise<Page<MyPostDto>> {
    return this.posts.mine(policy, page.limit ?? 20, page.cursor);
  }
}
