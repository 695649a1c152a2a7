import { AsyncLocalStorage } from 'node:async_hooks';
import type { NextFunction, Request, Response } from 'express';

const reading = new AsyncLocalStorage<boolean>();

/**
 * Marks what runs for a request as a read (GET, HEAD) or not. A write reads what it has just
 * changed before the content version moves on (after its handler), so only reads may be answered
 * from shared rows; so may nothing that runs outside a request.
 */
export function markReadRequests(req: Request, _res: Response, next: NextFunction): void {
  reading.run(req.method === 'GET' || req.method === 'HEAD', next);
}

export const inReadRequest = (): boolean => reading.getStore() === true;
