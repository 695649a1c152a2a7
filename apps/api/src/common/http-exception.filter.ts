import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Response } from 'express';
import { QueryFailedError } from 'typeorm';
import { ApiError } from './api-error.js';
import { RefusedBodyError } from './json-body.js';
import { RateLimited } from './rate-limit.service.js';

interface BodyParserError {
  type?: string;
  status?: number;
}

/** Translates what can go wrong below the controllers into API.md's error shape; never a 5xx for bad input. */
function toHttp(error: unknown): HttpException | null {
  if (error instanceof HttpException) return error;
  if (error instanceof RefusedBodyError) return new ApiError(400, 'validation', error.message);
  const parserError = error as BodyParserError;
  if (parserError?.type === 'entity.parse.failed')
    return new ApiError(400, 'validation', 'The request body is not valid JSON.');
  if (parserError?.type === 'entity.too.large') return new ApiError(413, 'too_large', 'The request body is too large.');
  if (parserError?.type && parserError.status && parserError.status < 500)
    return new ApiError(parserError.status, 'validation', 'The request body could not be read.');
  if (error instanceof QueryFailedError) {
    const code = sqlState(error);
    if (code && VALUE_ERRORS.has(code))
      return new ApiError(400, 'validation', 'The request holds a value the server cannot store.');
    if (code === '23505') return new ApiError(409, 'conflict', 'That already exists.');
    if (code === '57014')
      return new ApiError(503, 'too_slow', 'That took too long to answer. Try again, or ask for less at once.');
  }
  return null;
}

/** SQLSTATEs of a value the database cannot take: bad syntax, out of range, too long, NUL bytes, an impossible date. */
const VALUE_ERRORS = new Set(['22P02', '22001', '22003', '22007', '22008', '22021', '54000']);

function sqlState(error: QueryFailedError): string | undefined {
  return (error as QueryFailedError & { driverError?: { code?: string } }).driverError?.code;
}

/**
 * What the log says of an error: a database error by its SQLSTATE and our SQL only, since its
 * message and parameters quote what a client sent.
 */
function describeForLog(error: unknown): string {
  if (error instanceof QueryFailedError) return `database error ${sqlState(error) ?? '?'} in: ${error.query}`;
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}

function isDatabaseUnavailable(error: unknown): boolean {
  const message = error instanceof Error ? error.message : '';
  return /Connection terminated|ECONNREFUSED|timeout exceeded when trying to connect|terminating connection|Client has encountered a connection error|the database system is/i.test(
    message,
  );
}

@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const res = host.switchToHttp().getResponse<Response>();
    if (res.headersSent) return;
    let http = toHttp(exception);
    if (!http) {
      if (isDatabaseUnavailable(exception)) {
        http = new ApiError(503, 'unavailable', 'The service is briefly unavailable. Try again in a moment.');
        this.logger.warn(`database unavailable: ${(exception as Error).message}`);
      } else {
        http = new ApiError(
          500,
          'internal',
          'Something went wrong on our side. Nothing you wrote was lost; try again.',
        );
        this.logger.error(describeForLog(exception));
      }
    }
    const body = http.getResponse();
    const status = http.getStatus();
    // A rate limit's refusal may have been rebuilt on its way out (the helplines added to it).
    const retryAfter =
      http instanceof RateLimited ? http.retryAfterSeconds : (body as { retryAfter?: unknown } | null)?.retryAfter;
    if (status === 429 && typeof retryAfter === 'number') res.setHeader('Retry-After', String(retryAfter));
    res.status(status).json(typeof body === 'string' ? { statusCode: status, error: http.name, message: body } : body);
  }
}
