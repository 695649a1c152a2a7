import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ConsultationsRepository } from './consultations.repository.js';

/**
 * What the moderation queue asks of consultations: the text of a crisis answer (never who wrote
 * it) and the effect of a decision on it.
 */
@Injectable()
export class ConsultationModeration {
  constructor(private readonly repo: ConsultationsRepository) {}

  forQueue(responseIds: string[]) {
    return this.repo.forQueue(responseIds);
  }

  /** Kept, it counts; rejected, it is left out of results and the CSV. False when the answer is gone. */
  decided(tx: EntityManager, responseId: string, to: 'approved' | 'rejected'): Promise<boolean> {
    return this.repo.setExcluded(tx, responseId, to === 'rejected');
  }
}
