import { Controller, Get, Inject, Query, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import type { Policy } from '#libs/policy';
import { webRoutes } from '#libs/contracts';
import { RequestPolicy } from '../auth/policy.guard.js';
import { ownOrigin } from '../common/request-guards.middleware.js';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { EmbedQueryDto } from './dto/embed.dto.js';
import { DirectoryService } from './directory.service.js';
import { EMBED_SCRIPT, embedCsp, embedPage } from './embed-page.js';

/**
 * The directory for other sites (README "Activity directory"): a light page of the published
 * offers to frame, and a script that frames it. No session runs on these paths (app.factory), so
 * no cookie is read or set; the page may be framed only by DIRECTORY_EMBED_ORIGINS (and us).
 */
@ApiExcludeController()
@Controller('embed')
export class EmbedController {
  constructor(
    private readonly directory: DirectoryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Get('directory')
  async page(
    @Query() q: EmbedQueryDto,
    @RequestPolicy() policy: Policy,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const lang = q.lang ?? 'nb';
    const list = await this.directory.services(policy, {
      municipality: q.municipality,
      taxonomy_term_id: q.taxonomy,
      per_page: 100,
    });
    const base = this.config.linkBase ?? ownOrigin(this.config.publicUrl, req);
    const filters = new URLSearchParams();
    if (q.municipality) filters.set('kommune', q.municipality);
    if (q.taxonomy) filters.set('type', q.taxonomy);
    const listLink = `${base}${webRoutes.activities()}${filters.size ? `?${filters}` : ''}`;
    res.removeHeader('X-Frame-Options');
    res.setHeader('Content-Security-Policy', embedCsp(this.config.directoryEmbedOrigins));
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.setHeader('Cache-Control', 'no-cache');
    res.setHeader('Referrer-Policy', 'no-referrer');
    return embedPage(list.contents, { lang, base, listLink });
  }

  @Get('directory.js')
  script(@Res({ passthrough: true }) res: Response): string {
    res.setHeader('Content-Type', 'text/javascript; charset=utf-8');
    res.setHeader('Cache-Control', 'public, max-age=3600');
    // CORS and Cross-Origin-Resource-Policy: common/open-reads.ts, as for every open read.
    return EMBED_SCRIPT;
  }
}
