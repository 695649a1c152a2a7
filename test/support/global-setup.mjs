// Runs once per `jest` run, outside the ESM test environment: it only makes a folder for the run.
// The first test file that needs the migrated template creates it (test/support/database.ts).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export default async function globalSetup() {
  process.env.ERF_TEST_RUN_DIR = mkdtempSync(join(tmpdir(), 'erf-run-'));
}
