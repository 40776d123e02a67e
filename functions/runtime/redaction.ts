/**
 * Redaction of personal and secret data before anything is logged. Two nets: by key name
 * (a field called nir, iban, password… is always masked) and by value shape (a NIR, IBAN,
 * phone number or e-mail address that slipped into a free-text field or a message).
 */
const SENSITIVE_KEY =
  /(nir|iban|bic|phone|mobile|email|e_mail|password|passwd|secret|token|otp|code_sms|smscode|cookie|authorization|session|pepper)/i;

const VALUE_PATTERNS: readonly RegExp[] = [
  // NIR with or without spaces (13 + key), incl. Corsica 2A/2B.
  /\b[1278]\s?\d{2}\s?\d{2}\s?(?:\d{2}|2A|2B)\s?\d{3}\s?\d{3}\s?\d{2}\b/gi,
  // IBAN (country + check digits + up to 30 alphanumerics, spaces allowed).
  /\b[A-Z]{2}\d{2}(?:\s?[A-Z0-9]{4}){2,7}(?:\s?[A-Z0-9]{1,4})?\b/g,
  // E-mail addresses.
  /[A-Z0-9._%+-]+@[A-Z0-9.-]+\.[A-Z]{2,}/gi,
  // French phone numbers, national or E.164.
  /(?:\+33\s?|0033\s?|\b0)[1-9](?:[\s.-]?\d{2}){4}\b/g,
];

export const REDACTED = '[redacted]';

export function redactText(text: string): string {
  return VALUE_PATTERNS.reduce((acc, pattern) => acc.replace(pattern, REDACTED), text);
}

export function redact(value: unknown, depth = 0): unknown {
  if (depth > 8) return '[depth]';
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1));
  if (value instanceof Error) {
    return {
      name: value.name,
      message: redactText(value.message),
      stack: value.stack && redactText(value.stack),
    };
  }
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        SENSITIVE_KEY.test(key) && item !== undefined && item !== null && typeof item !== 'boolean'
          ? REDACTED
          : redact(item, depth + 1),
      ]),
    );
  }
  return value;
}
