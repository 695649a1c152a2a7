import { Injectable } from '@nestjs/common';
import { renderMarkdown, type Rendered } from '#libs/content';
import { SettingsService } from '../settings/settings.service.js';

/** Renders a post's Markdown with the site's current settings (remote images or not). */
@Injectable()
export class ContentRenderer {
  constructor(private readonly settings: SettingsService) {}

  async render(markdown: string): Promise<Rendered> {
    const { allowRemoteImages } = await this.settings.get();
    return renderMarkdown(markdown, { allowRemoteImages });
  }
}
