import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A short code beside each guest receipt (issue 21, docs/decisions/0016): twelve characters a guest
 * can write down and type in again. Like the token, only its hash is kept. Receipts written before
 * this have none (their link still works).
 */
export class ReceiptCodes1769100000000 implements MigrationInterface {
  name = 'ReceiptCodes1769100000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE guest_receipts ADD COLUMN code_hash bytea UNIQUE`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE guest_receipts DROP COLUMN code_hash`);
  }
}
