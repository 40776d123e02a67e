import type { z } from 'zod';
import { DomainError, type DomainErrorCode } from '../domain/errors';
import { messageFor } from '../contracts/error-messages';
import type { ErrorBody } from '../contracts/common';

/** An error raised by the HTTP edge itself (bad JSON, CSRF, wrong content type…). */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly fields?: Record<string, string>,
  ) {
    super(code);
    this.name = 'HttpError';
  }
}

const statusByDomainCode: Record<DomainErrorCode, number> = {
  NOT_FOUND: 404,
  CONFLICT: 409,
  VERSION_CONFLICT: 409,
  UNPROCESSABLE: 422,
  FORBIDDEN: 403,
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  DEPENDENCY_UNAVAILABLE: 503,
};

export function validationError(error: z.ZodError, where: string): HttpError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.length > 0 ? issue.path.map(String).join('.') : where;
    fields[path] ??= issue.message;
  }
  return new HttpError(400, 'VALIDATION_FAILED', fields);
}

export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof HttpError) {
    return {
      status: error.status,
      body: { code: error.code, message: messageFor(error.code), fields: error.fields },
    };
  }
  if (error instanceof DomainError) {
    const code = error.reason ?? error.code;
    return {
      status: statusByDomainCode[error.code],
      body: { code, message: messageFor(code, error.code), fields: error.fields },
    };
  }
  return { status: 500, body: { code: 'INTERNAL', message: messageFor('INTERNAL') } };
}
