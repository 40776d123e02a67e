import { isoDate } from '../../../../../functions/contracts/common';
import {
  RADIATION_REASON_LABELS,
  RADIATION_REASON_VALUES,
} from '../../../../../functions/contracts/employees';
import { z } from '../../../shared/forms/zod';
import { endDateProblem } from './radiation-window';

export type RadiationReason = (typeof RADIATION_REASON_VALUES)[number];

export const isRadiationReason = (value: string): value is RadiationReason =>
  (RADIATION_REASON_VALUES as readonly string[]).includes(value);

export const REASON_OPTIONS = RADIATION_REASON_VALUES.map((value) => ({
  value,
  label: RADIATION_REASON_LABELS[value],
}));

/** The contract's rules for the request, plus the date window the API applies (said before sending). */
export function radiationFormSchema(effectiveDate: string, today: string) {
  return z.object({
    endDate: z
      .string()
      .min(1, { error: 'Indiquez une date de fin complète (jour, mois et année).' })
      .pipe(isoDate)
      .superRefine((value, context) => {
        const problem = endDateProblem(value, effectiveDate, today);
        if (problem) context.addIssue({ code: 'custom', message: problem });
      }),
    reason: z.string().refine(isRadiationReason, { error: 'Choisissez un motif de radiation.' }),
  });
}
