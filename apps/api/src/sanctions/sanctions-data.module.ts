import { Module } from '@nestjs/common';
import { SanctionsRepository } from './sanctions.repository.js';

/**
 * The sanctions table on its own: identity reads it for every request (a user's standing), and the
 * sanctions feature itself needs the forum and the café, which need identity. This module imports
 * nothing, so both can have it without a cycle.
 */
@Module({ providers: [SanctionsRepository], exports: [SanctionsRepository] })
export class SanctionsDataModule {}
