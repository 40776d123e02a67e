/**
 * One pre-affiliation sent is one Idempotency-Key: the key is kept while the body stays the
 * same (a retry after a lost answer, a double click), and a new one comes with a changed body
 * (the API refuses a key reused for other data).
 */
export interface SubmissionAttempt {
  key: string;
  /** The body as sent (JSON), to recognise the same submission. */
  body: string;
}

export function attemptFor(
  previous: SubmissionAttempt | null,
  body: unknown,
  newKey: () => string,
): SubmissionAttempt {
  const json = JSON.stringify(body);
  return previous?.body === json ? previous : { key: newKey(), body: json };
}
