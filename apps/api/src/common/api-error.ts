import { HttpException, HttpStatus } from '@nestjs/common';
import type { ErrorCode } from '#libs/contracts';

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Entity',
  423: 'Locked',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** An error in NestJS's shape with a stable `code` the UI can translate, plus any extra fields. */
export class ApiError extends HttpException {
  constructor(status: number, code: ErrorCode | string, message: string, extra: Record<string, unknown> = {}) {
    super({ statusCode: status, error: STATUS_TEXT[status] ?? 'Error', message, code, ...extra }, status);
  }
}

export const badRequest = (message: string, code: ErrorCode | string = 'validation') =>
  new ApiError(HttpStatus.BAD_REQUEST, code, message);
export const unauthenticated = (message = 'You need to log in to do that.') =>
  new ApiError(HttpStatus.UNAUTHORIZED, 'unauthenticated', message);
export const forbidden = (code: ErrorCode | string, message: string, extra?: Record<string, unknown>) =>
  new ApiError(HttpStatus.FORBIDDEN, code, message, extra);
export const notFound = (message = 'Not found.') => new ApiError(HttpStatus.NOT_FOUND, 'not_found', message);
export const conflict = (code: ErrorCode | string, message: string) => new ApiError(HttpStatus.CONFLICT, code, message);
