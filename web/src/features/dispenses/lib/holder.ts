import type { DispenseSummary } from '../../../../../functions/contracts/anomalies';

/** "Camille Martin": how a dispense's employee is named in rows, buttons and dialogs. */
export const dispenseHolder = (dispense: Pick<DispenseSummary, 'firstName' | 'lastName'>) =>
  `${dispense.firstName} ${dispense.lastName}`.trim();
