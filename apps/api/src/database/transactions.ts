import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { holdingTransaction } from './transaction-guard.js';

/**
 * How a service opens a transaction without holding the data source. Inside `run`, pass `tx` to
 * every repository call: PGlite (the embedded default) has one connection, so a query through any
 * other manager deadlocks there.
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  run<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => holdingTransaction(tx.queryRunner, () => work(tx)));
  }
}
