import { backOfficeRecordKinds, type BackOfficeRecordKind } from '../../contracts/back-office-import';

/** `back-office/…/assures_2026-11.csv` → 'assures': the file name says what it holds. */
export function kindOfKey(key: string): BackOfficeRecordKind | undefined {
  const fileName = key.split('/').pop() ?? '';
  return backOfficeRecordKinds.find((kind) => fileName === `${kind}.csv` || fileName.startsWith(`${kind}_`));
}

/** The import report is written next to the file it describes. */
export const reportKeyFor = (key: string): string => `${key}.report.json`;
