import { Injectable } from '@nestjs/common';
import { NO_MATCH, WatchedWordMatcher, type ScreeningResult } from '#libs/screening';
import { WatchedWordsRepository } from './watched-words.repository.js';

const CACHE_MS = 5_000;

/**
 * Screens what people write against the administrators' watched words. The list is read from
 * the database at most every five seconds per process (a change made on another process shows
 * within that); a change made here applies at once.
 *
 * `screen(text).action` is the strongest match (block > crisis > review > flag);
 * `matches` lists each matched pattern with its action and the words as written.
 */
@Injectable()
export class ScreeningService {
  private cached: { matcher: WatchedWordMatcher; at: number } | null = null;
  private loading: Promise<WatchedWordMatcher> | null = null;

  constructor(private readonly words: WatchedWordsRepository) {}

  async screen(...texts: (string | undefined | null)[]): Promise<ScreeningResult> {
    const text = texts.filter((t): t is string => typeof t === 'string' && t.length > 0).join('\n');
    if (!text) return NO_MATCH;
    return (await this.matcher()).screen(text);
  }

  /** Forgets the cached list (after an administrator's change). */
  invalidate(): void {
    this.cached = null;
  }

  private async matcher(): Promise<WatchedWordMatcher> {
    if (this.cached && Date.now() - this.cached.at < CACHE_MS) return this.cached.matcher;
    this.loading ??= (async () => {
      try {
        const matcher = new WatchedWordMatcher(await this.words.all());
        this.cached = { matcher, at: Date.now() };
        return matcher;
      } finally {
        this.loading = null;
      }
    })();
    return this.loading;
  }
}
