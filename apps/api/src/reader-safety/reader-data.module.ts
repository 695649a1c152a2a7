import { Module } from '@nestjs/common';
import { ContentWarningsRepository } from './content-warnings.repository.js';
import { ContentWarningsService } from './content-warnings.service.js';
import { ReactionsRepository } from './reactions.repository.js';
import { ReaderFilters } from './reader-filters.service.js';
import { ReaderPreferencesRepository } from './reader-preferences.repository.js';

/**
 * The reader-safety tables and the lens the forum and the café show content through. Its own module
 * so that the forum can import it while ReaderSafetyModule (the endpoints) imports the forum.
 */
@Module({
  providers: [
    ContentWarningsRepository,
    ContentWarningsService,
    ReaderPreferencesRepository,
    ReactionsRepository,
    ReaderFilters,
  ],
  exports: [
    ContentWarningsRepository,
    ContentWarningsService,
    ReaderPreferencesRepository,
    ReactionsRepository,
    ReaderFilters,
  ],
})
export class ReaderDataModule {}
