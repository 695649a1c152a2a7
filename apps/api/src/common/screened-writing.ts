import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiResponse } from '@nestjs/swagger';
import { RateLimitedDto, WriteRefusedDto } from './dto/support.dto.js';

export const SCREENED_WRITING = 'erf:screened-writing';

export interface ScreenedWritingSpec {
  /** The body fields that hold what the person wrote (strings, or lists and objects of them). */
  fields: readonly string[];
  /** A request that asks for help by itself, whatever its words (a crisis flag). */
  asksForHelp?: (body: Record<string, unknown>) => boolean;
}

/**
 * A route that takes what someone wrote in these body fields. When it refuses the write (a rate
 * limit, a mute, a lock, a closed door, bad input), the text is still screened, and a crisis match
 * gets the helplines in the refusal (screening/crisis-on-refusal.interceptor.ts).
 */
export const ScreenedWriting = (fields: readonly string[], asksForHelp?: ScreenedWritingSpec['asksForHelp']) =>
  applyDecorators(
    SetMetadata(SCREENED_WRITING, { fields, asksForHelp } satisfies ScreenedWritingSpec),
    ApiResponse({
      status: 429,
      type: RateLimitedDto,
      description: 'Too many writes; with `support` and `staffed` when the text matched a crisis word',
    }),
    ApiResponse({
      status: 403,
      type: WriteRefusedDto,
      description: 'Not allowed (e.g. `muted`); with `support` and `staffed` when the text matched a crisis word',
    }),
  );
