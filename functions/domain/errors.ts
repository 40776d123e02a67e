/**
 * Typed domain errors. The domain and use cases throw these with a stable code; only the
 * HTTP edge (runtime/error-responses.ts) turns a code into a status and a French sentence.
 */
export const domainErrorCodes = [
  'NOT_FOUND',
  'CONFLICT',
  'VERSION_CONFLICT',
  'UNPROCESSABLE',
  'FORBIDDEN',
  'UNAUTHENTICATED',
  'RATE_LIMITED',
  'DEPENDENCY_UNAVAILABLE',
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    /** A precise reason (machine code) refining the code, e.g. 'COMPANY_NOT_FOUND'. */
    readonly reason?: string,
    /** Field-level reasons for forms (already French, from the domain's wording tables). */
    readonly fields?: Record<string, string>,
  ) {
    super(reason ?? code);
    this.name = 'DomainError';
  }
}

export const notFound = (reason: string): DomainError => new DomainError('NOT_FOUND', reason);
export const conflict = (reason: string): DomainError => new DomainError('CONFLICT', reason);
export const unprocessable = (reason: string, fields?: Record<string, string>): DomainError =>
  new DomainError('UNPROCESSABLE', reason, fields);
