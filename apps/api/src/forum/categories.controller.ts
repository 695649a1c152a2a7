import { Body, Controller, Get, Ip, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Policy } from '#libs/policy';
import { Allow, RequestPolicy } from '../auth/policy.guard.js';
import { PageQueryDto, type Page } from '../common/paging.js';
import { ScreenedWriting } from '../common/screened-writing.js';
import { SlugParam } from '../common/validation.js';
import { CachedPage } from '../page-cache/cached-page.decorator.js';
import { CategoriesService } from './categories.service.js';
import { CategoryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto.js';
import { CreatedThreadDto, CreateThreadDto, ThreadSummaryPageDto, type ThreadSummaryDto } from './dto/thread.dto.js';
import { ThreadsService } from './threads.service.js';

@ApiTags('forum')
@Controller('api/categories')
export class CategoriesController {
  constructor(
    private readonly categories: CategoriesService,
    private readonly threads: ThreadsService,
  ) {}

  @CachedPage()
  @Get()
  @ApiOkResponse({ type: [CategoryDto], description: 'Closed categories are listed to outsiders with canRead false' })
  list(@RequestPolicy() policy: Policy): Promise<CategoryDto[]> {
    return this.categories.list(policy);
  }

  @Post()
  @Allow('admin.categories')
  @ApiCreatedResponse({ type: CategoryDto })
  create(@Body() dto: CreateCategoryDto, @RequestPolicy() policy: Policy): Promise<CategoryDto> {
    return this.categories.create(policy, dto);
  }

  @Patch(':slug')
  @Allow('admin.categories')
  @ApiOkResponse({ type: CategoryDto })
  update(
    @Param('slug', SlugParam) slug: string,
    @Body() dto: UpdateCategoryDto,
    @RequestPolicy() policy: Policy,
  ): Promise<CategoryDto> {
    return this.categories.update(policy, slug, dto);
  }

  @CachedPage()
  @Get(':slug/threads')
  @ApiOkResponse({
    type: ThreadSummaryPageDto,
    description: 'Pinned first, then latest activity; 403 closed_category for a closed category seen from outside',
  })
  threadsIn(
    @Param('slug', SlugParam) slug: string,
    @Query() page: PageQueryDto,
    @RequestPolicy() policy: Policy,
  ): Promise<Page<ThreadSummaryDto>> {
    return this.threads.listInCategory(policy, slug, page.limit ?? 20, page.cursor);
  }

  @Post(':slug/threads')
  @ScreenedWriting(['title', 'body'])
  @ApiCreatedResponse({
    type: CreatedThreadDto,
    description: 'status "pending" when held for review; guests get a receiptToken',
  })
  createThread(
    @Param('slug', SlugParam) slug: string,
    @Body() dto: CreateThreadDto,
    @RequestPolicy() policy: Policy,
    @Ip() ip: string,
  ): Promise<CreatedThreadDto> {
    return this.threads.create(policy, slug, dto, ip);
  }
}
