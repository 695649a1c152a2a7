import { Module } from '@nestjs/common';
import { DirectoryReceipts } from './directory-receipts.service.js';
import { DirectoryRepository } from './directory.repository.js';

/** The directory's tables and receipts, apart from its module so the forum's receipts can ask without a cycle. */
@Module({
  providers: [DirectoryRepository, DirectoryReceipts],
  exports: [DirectoryRepository, DirectoryReceipts],
})
export class DirectoryDataModule {}
