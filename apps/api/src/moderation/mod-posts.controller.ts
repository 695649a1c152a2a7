import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { UuidParam } from '../common/validation.js';
import { PostDto } from '../forum/dto/post.dto.js';
import { ReasonDto } from './dto/queue.dto.js';
import { ModPostsService } from './mod-posts.service.js';

@ApiTags('moderation')
@Controller('api/mod/posts')
export class ModPostsController {
  constructor(private readonly posts: ModPostsService) {}

  @Post(':id/hide')
  @HttpCode(200)
  @Allow('mod.posts')
  @ApiOkResponse({
    type: PostDto,
    description: 'Its place stays in the thread, its text is hidden; the author is told why',
  })
  hide(@Param('id', UuidParam) id: string, @Body() dto: ReasonDto, @RequestPolicy() policy: Policy): Promise<PostDto> {
    return this.posts.hide(policy, id, dto.reason);
  }

  @Post(':id/restore')
  @HttpCode(200)
  @Allow('mod.posts')
  @ApiOkResponse({ type: PostDto })
  restore(
    @Param('id', UuidParam) id: string,
    @Body() dto: ReasonDto,
    @RequestPolicy() policy: Policy,
  ): Promise<PostDto> {
    return this.posts.restore(policy, id, dto.reason);
  }
}
