// The zxcvbn-ts common-password list (~49,000 entries, from real breach corpora), bundled with
// the auth functions that check new passwords; deep import so the other dictionaries stay out.
// @ts-expect-error — the package ships this file without its own type declaration.
import { default as commonPasswordList } from '@zxcvbn-ts/language-common/dist/passwords.json.mjs';

let listed: Set<string> | undefined;

/** Case-folded lookup; the list itself is lower case. */
export const isCommonPassword = (candidate: string): boolean => {
  listed ??= new Set((commonPasswordList as string[]).map((entry) => entry.toLowerCase()));
  return listed.has(candidate.toLowerCase());
};

export const commonPasswordCount = (): number => (isCommonPassword(''), listed!.size);
