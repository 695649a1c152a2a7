import { Injectable } from '@nestjs/common';
import { webRoutes } from '#libs/contracts';
import { sha256 } from '../forum/forum-writer.service.js';
import { DirectoryRepository, type SuggestionRow } from './directory.repository.js';

/** Only the hash of a suggestion's receipt code is stored. */
export const receiptHash = (token: string) => sha256(`directory:${token}`);

export interface SuggestionReceipt {
  kind: 'directory_suggestion';
  status: SuggestionRow['status'];
  rejectionReason?: string;
  link?: string;
}

/**
 * What a suggestion's receipt tells (GET /api/receipts/:token, beside a guest post's): still
 * held, published (with a link to the offer), or rejected and why.
 */
@Injectable()
export class DirectoryReceipts {
  constructor(private readonly repo: DirectoryRepository) {}

  async find(token: string): Promise<SuggestionReceipt | null> {
    const row = await this.repo.receipt(receiptHash(token));
    if (!row) return null;
    return {
      kind: 'directory_suggestion',
      status: row.status,
      ...(row.status === 'rejected' && row.rejection_reason ? { rejectionReason: row.rejection_reason } : {}),
      ...(row.status === 'published' && row.result_service_id
        ? { link: webRoutes.activity(row.result_service_id) }
        : {}),
    };
  }
}
