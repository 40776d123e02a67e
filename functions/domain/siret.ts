/**
 * SIREN (company, 9 digits) and SIRET (establishment, 14 digits = SIREN + NIC) numbers,
 * as INSEE issues them: each carries a Luhn check digit.
 */

const LA_POSTE_SIREN = '356000000';

function luhnSum(digits: string): number {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = digits.charCodeAt(index) - 48;
    // Luhn doubles every second digit counting from the right-most one.
    if ((digits.length - 1 - index) % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum;
}

const passesLuhn = (digits: string): boolean => luhnSum(digits) % 10 === 0;

const isAllZeros = (digits: string): boolean => /^0+$/.test(digits);

function digitSum(digits: string): number {
  let sum = 0;
  for (const char of digits) sum += char.charCodeAt(0) - 48;
  return sum;
}

/** The digit that, appended to `digits`, makes the whole string pass Luhn. */
function luhnCheckDigit(digits: string): string {
  for (let candidate = 0; candidate <= 9; candidate++) {
    if (passesLuhn(`${digits}${candidate}`)) return String(candidate);
  }
  // Unreachable: the ten candidates cover every remainder modulo 10.
  throw new Error('No Luhn check digit found.');
}

export function isValidSiren(value: string): boolean {
  return /^\d{9}$/.test(value) && !isAllZeros(value) && passesLuhn(value);
}

export function isValidSiret(value: string): boolean {
  if (!/^\d{14}$/.test(value) || isAllZeros(value)) return false;
  if (passesLuhn(value)) return true;
  // La Poste has more establishments than a Luhn key leaves room for under one SIREN, so
  // INSEE numbers them with another rule: the sum of the 14 digits is a multiple of 5.
  return value.startsWith(LA_POSTE_SIREN) && digitSum(value) % 5 === 0;
}

/** The SIREN (first 9 digits) of a SIRET; spaces are ignored. */
export function sirenOf(siret: string): string {
  return siret.replace(/\s/g, '').slice(0, 9);
}

/**
 * `35600000000048` → `356 000 000 00048` (SIREN in three groups, then the NIC). A value
 * that is not 14 digits is returned as it was typed: display must never fail.
 */
export function formatSiret(siret: string): string {
  const digits = siret.replace(/\s/g, '');
  if (!/^\d{14}$/.test(digits)) return siret;
  return `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`;
}

/** A SIREN from its first 8 digits, with its Luhn key appended. */
export function sirenWithKey(first8: string): string {
  if (!/^\d{8}$/.test(first8)) throw new RangeError('A SIREN is built from exactly 8 digits.');
  return `${first8}${luhnCheckDigit(first8)}`;
}

/**
 * The SIRET of an establishment: the SIREN, a 4-digit sequence number, and the key digit
 * that makes the 14 digits pass Luhn (how INSEE builds the NIC).
 */
export function siretWithKey(siren: string, sequence: number): string {
  if (!isValidSiren(siren)) throw new RangeError('A SIRET is built from a valid SIREN.');
  if (!Number.isInteger(sequence) || sequence < 1 || sequence > 9999) {
    throw new RangeError('The establishment sequence is an integer from 1 to 9999.');
  }
  const first13 = `${siren}${String(sequence).padStart(4, '0')}`;
  return `${first13}${luhnCheckDigit(first13)}`;
}
