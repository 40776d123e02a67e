/**
 * NIR, the French social-security number: sex (1), birth year (2), birth month (2),
 * birth department (2, or 3 overseas), commune or country (3, or 2 overseas), birth
 * order (3), then a 2-digit key. Sensitive: shown masked in lists (maskNir).
 */

/** Separators people type or paste: spaces (incl. non-breaking), dots, dashes. */
const SEPARATORS = /[\s.\-\u2010-\u2014]/g;

const NIR_BODY = /^[0-9]{5}([0-9]{2}|2A|2B)[0-9]{6}$/;

/** Sex 1/2 (7/8: temporary numbers), month 01–12 or 20–99 (INSEE's pseudo-months). */
const NIR_SHAPE = /^[1278][0-9]{2}(0[1-9]|1[0-2]|[2-9][0-9])([0-9]{2}|2A|2B)[0-9]{6}[0-9]{2}$/;

const CORSICA_AS_DIGITS: Readonly<Record<string, string>> = { '2A': '19', '2B': '18' };

export function normaliseNir(value: string): string {
  return value.replace(SEPARATORS, '').toUpperCase();
}

/**
 * Key of the first 13 characters: 97 − (number mod 97). Corsican departments 2A and 2B
 * count as 19 and 18 (INSEE's rule, so that the number stays numeric).
 */
export function nirKey(first13: string): number {
  const body = first13.toUpperCase();
  if (!NIR_BODY.test(body)) throw new RangeError('A NIR key is computed on 13 characters.');
  const department = body.slice(5, 7);
  const numeric = `${body.slice(0, 5)}${CORSICA_AS_DIGITS[department] ?? department}${body.slice(7)}`;
  // Digit by digit, so the arithmetic never depends on the size of the number.
  let remainder = 0;
  for (const char of numeric) remainder = (remainder * 10 + (char.charCodeAt(0) - 48)) % 97;
  return 97 - remainder;
}

/** Accepts the number with or without separators (see normaliseNir). */
export function isValidNir(value: string): boolean {
  const nir = normaliseNir(value);
  if (!NIR_SHAPE.test(nir)) return false;
  return Number(nir.slice(13)) === nirKey(nir.slice(0, 13));
}

const NIR_GROUPS = [1, 2, 2, 2, 3, 3, 2] as const;

function grouped(nir: string): string[] {
  const groups: string[] = [];
  let start = 0;
  for (const size of NIR_GROUPS) {
    groups.push(nir.slice(start, start + size));
    start += size;
  }
  return groups;
}

/**
 * `185057800608436` → `1 85 05 78 006 084 36`. A value that is not 15 characters is
 * returned normalised but ungrouped: display must never fail.
 */
export function formatNir(value: string): string {
  const nir = normaliseNir(value);
  return nir.length === 15 ? grouped(nir).join(' ') : nir;
}

/**
 * `1 85 05 •• ••• ••• 36`: sex, birth year and month and the key stay readable (enough
 * to tell two employees apart), place and order of birth are hidden. Anything that is
 * not 15 characters is hidden entirely, since we cannot tell which part is which.
 */
export function maskNir(value: string): string {
  const nir = normaliseNir(value);
  if (nir.length !== 15) return '•'.repeat(nir.length);
  const [sex, year, month, department, commune, order, key] = grouped(nir);
  const hide = (part: string | undefined): string => '•'.repeat(part?.length ?? 0);
  return [sex, year, month, hide(department), hide(commune), hide(order), key].join(' ');
}

export interface NirParts {
  sex: 1 | 2;
  birthYear: number;
  /** 1–12. */
  birthMonth: number;
  /** '75', '2A', '99' (born abroad), or 3 digits overseas ('971'). */
  department: string;
  /** INSEE commune (or country, when born abroad) code: 3 digits, 2 when the department has 3. */
  commune: string;
  /** Birth order in the commune that month: '001'–'999'. */
  order: string;
}

/** A complete NIR (with its key) from its parts. */
export function nirFor(parts: NirParts): string {
  const { sex, birthYear, birthMonth, department, commune, order } = parts;
  if (!Number.isInteger(birthYear) || birthYear < 0) throw new RangeError('Invalid birth year.');
  if (!Number.isInteger(birthMonth) || birthMonth < 1 || birthMonth > 12) {
    throw new RangeError('Invalid birth month.');
  }
  if (`${department}${commune}`.length !== 5) {
    throw new RangeError('Department and commune codes make 5 characters together.');
  }
  if (!/^[0-9]{3}$/.test(order) || order === '000') throw new RangeError('Invalid birth order.');
  const year = String(birthYear % 100).padStart(2, '0');
  const month = String(birthMonth).padStart(2, '0');
  const body = `${sex}${year}${month}${department.toUpperCase()}${commune}${order}`;
  if (!NIR_BODY.test(body)) throw new RangeError('Invalid department or commune code.');
  return `${body}${String(nirKey(body)).padStart(2, '0')}`;
}
