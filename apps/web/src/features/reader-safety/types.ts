// Reader safety's shapes, from the server's own OpenAPI document (schema.gen.ts).
import type { components } from '../../api/schema.gen';

type Schemas = components['schemas'];

export type ContentWarning = Schemas['ContentWarningDto'];
export type Preferences = Schemas['PreferencesDto'];
export type Ignored = Schemas['IgnoredDto'];
export type ScreeningResult = Schemas['ScreeningResultDto'];
export type ReactionCounts = Schemas['ReactionCountsDto'];
export type Collapsed = Schemas['CollapsedDto'];
export type ReactionKind = keyof ReactionCounts;
