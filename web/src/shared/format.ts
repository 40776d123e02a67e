/**
 * Display formats of the French UI. Values are stored and exchanged in ISO / canonical form;
 * these helpers only turn them into what a French reader expects. Invalid input gives ''
 * (a list cell stays empty rather than showing "Invalid Date").
 */

/** Timestamps are shown on the scheme's clock, whatever the viewer's device says. */
export const DISPLAY_TIME_ZONE = 'Europe/Paris';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const dateTimeParts = new Intl.DateTimeFormat('fr-FR', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

function partsInParis(iso: string): Record<string, string> | undefined {
  if (!ISO_DATE_TIME.test(iso)) return undefined;
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return undefined;
  return Object.fromEntries(dateTimeParts.formatToParts(date).map((part) => [part.type, part.value]));
}

function isRealCalendarDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * `2024-03-01` → `01/03/2024`. A full timestamp gives its calendar day in Paris
 * (`2024-02-29T23:30:00Z` → `01/03/2024`), which is the day the user lived it.
 */
export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const calendar = ISO_DATE.exec(iso);
  if (calendar) {
    const [, year, month, day] = calendar as unknown as [string, string, string, string];
    return isRealCalendarDate(Number(year), Number(month), Number(day)) ? `${day}/${month}/${year}` : '';
  }
  const parts = partsInParis(iso);
  return parts ? `${parts.day}/${parts.month}/${parts.year}` : '';
}

/** `2024-03-01T08:05:00Z` → `01/03/2024 à 09:05` (Paris time). */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = partsInParis(iso);
  return parts ? `${parts.day}/${parts.month}/${parts.year} à ${parts.hour}:${parts.minute}` : '';
}

/** `2024-03-01T08:05:00Z` → `09:05` (Paris time): "Brouillon enregistré à 09:05". */
export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const parts = partsInParis(iso);
  return parts ? `${parts.hour}:${parts.minute}` : '';
}

/** `dd/mm/yyyy` typed by a user → ISO `yyyy-mm-dd`, or undefined when it is not a real date. */
export function parseFrenchDate(text: string): string | undefined {
  const match = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return undefined;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  if (!isRealCalendarDate(Number(year), Number(month), Number(day))) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const digitsOnly = (value: string) => value.replace(/\s/g, '');

/** SIRET `12345678900012` → `123 456 789 00012` (SIREN, then NIC). Anything else is returned as given. */
export function formatSiret(siret: string): string {
  const compact = digitsOnly(siret);
  if (!/^\d{14}$/.test(compact)) return siret;
  return `${compact.slice(0, 3)} ${compact.slice(3, 6)} ${compact.slice(6, 9)} ${compact.slice(9)}`;
}

/**
 * NIR `185057800608436` → `1 85 05 78 006 084 36` (sex, year, month, department, commune,
 * order, key). Corsican departments keep their letter (`2A`). Anything else is returned as given.
 */
export function formatNir(nir: string): string {
  const compact = digitsOnly(nir).toUpperCase();
  if (!/^\d{5}(\d{2}|2A|2B)\d{8}$/.test(compact)) return nir;
  return [
    compact.slice(0, 1),
    compact.slice(1, 3),
    compact.slice(3, 5),
    compact.slice(5, 7),
    compact.slice(7, 10),
    compact.slice(10, 13),
    compact.slice(13),
  ].join(' ');
}

/** E.164 French number `+33612345678` (or `0612345678`) → `06 12 34 56 78`. Anything else is returned as given. */
export function formatPhone(phone: string): string {
  const compact = phone.replace(/[\s.-]/g, '');
  const national = /^\+33\d{9}$/.test(compact) ? `0${compact.slice(3)}` : compact;
  if (!/^0\d{9}$/.test(national)) return phone;
  return national.replace(/(\d{2})(?=\d)/g, '$1 ');
}

const sizeFormat = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });

/** Bytes → `850 octets`, `12 Ko`, `2,5 Mo` (1 Ko = 1024 octets, as file dialogs count). */
export function formatFileSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes}\u00a0${bytes < 2 ? 'octet' : 'octets'}`;
  const units = ['Ko', 'Mo', 'Go'] as const;
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${sizeFormat.format(value)}\u00a0${units[unit]}`;
}

const countFormat = new Intl.NumberFormat('fr-FR');

/**
 * `3 salariés`, `1 salarié`, `0 salarié` — French uses the singular for 0 and 1.
 * Thousands are grouped with a narrow no-break space, as fr-FR does.
 */
export function formatCount(count: number, singular: string, plural = `${singular}s`): string {
  return `${countFormat.format(count)} ${Math.abs(count) < 2 ? singular : plural}`;
}
