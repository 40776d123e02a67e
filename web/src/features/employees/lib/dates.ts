import { DISPLAY_TIME_ZONE } from '../../../shared/format';

/**
 * Calendar arithmetic on ISO days (`2026-11-26`), in UTC so that no daylight-saving change
 * shifts a day. Pure: "today" is always an argument.
 */
const parse = (iso: string) => new Date(`${iso}T00:00:00Z`);
const format = (date: Date) => date.toISOString().slice(0, 10);

export function addDays(iso: string, days: number): string {
  const date = parse(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return format(date);
}

const parisDay = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar day the user lives in (the scheme's clock), as an ISO date. */
export function todayIso(now: Date = new Date()): string {
  const parts = Object.fromEntries(parisDay.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

export const maxIso = (a: string, b: string) => (a > b ? a : b);
