import { Injectable } from '@nestjs/common';
import { HealthRepository } from './health.repository.js';

@Injectable()
export class HealthService {
  constructor(private readonly db: HealthRepository) {}

  async databaseAnswers(): Promise<boolean> {
    try {
      await this.db.ping();
      return true;
    } catch {
      return false;
    }
  }
}
