import { z } from 'zod';
import { isValidSiret } from '../domain/siret';
import { isValidNir, normaliseNir } from '../domain/nir';

// Zod's own messages (type errors, unknown keys…) in French, for the API and the SPA alike.
z.config(z.locales.fr());

/** Every API error: a stable machine code and a French sentence for the user. */
export const errorBody = z.object({
  code: z.string(),
  message: z.string(),
  /** Field-level messages for forms, keyed by dotted path. */
  fields: z.record(z.string(), z.string()).optional(),
});
export type ErrorBody = z.infer<typeof errorBody>;

/** ISO-8601 calendar date (stored form); shown dd/mm/yyyy by the SPA. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: 'Date invalide (format attendu : AAAA-MM-JJ).' })
  .refine(
    (value) => {
      const date = new Date(`${value}T00:00:00Z`);
      return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
    },
    { error: "Cette date n'existe pas." },
  );

export const siret = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(
    z
      .string()
      .regex(/^\d{14}$/, { error: 'Le SIRET doit comporter 14 chiffres.' })
      .refine(isValidSiret, { error: "Ce SIRET n'est pas valide (clé de contrôle incorrecte)." }),
  );

export const nir = z
  .string()
  .transform(normaliseNir)
  .pipe(
    z
      .string()
      .regex(/^[1278]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)\d{6}\d{2}$/, {
        error: 'Le numéro de sécurité sociale doit comporter 15 caractères (13 + clé).',
      })
      .refine(isValidNir, { error: 'Le numéro de sécurité sociale est invalide (clé incorrecte).' }),
  );

export const personName = z
  .string()
  .trim()
  .min(1, { error: 'Ce champ est obligatoire.' })
  .max(80, { error: '80 caractères au maximum.' })
  .regex(/^[\p{L}][\p{L}\p{M} '’.-]*$/u, { error: 'Lettres, espaces, apostrophes et tirets uniquement.' });

export const civilite = z.enum(['M', 'MME'], { error: 'Choisissez une civilité.' });
export const statutProfessionnel = z.enum(['cadre', 'non_cadre'], { error: 'Statut : cadre ou non cadre.' });
export const risque = z.enum(['sante', 'prevoyance'], { error: 'Risque : santé ou prévoyance.' });

export const STATUT_LABELS: Record<z.infer<typeof statutProfessionnel>, string> = {
  cadre: 'Cadre',
  non_cadre: 'Non cadre',
};
export const RISQUE_LABELS: Record<z.infer<typeof risque>, string> = {
  sante: 'Santé',
  prevoyance: 'Prévoyance',
};

/** Opaque cursor of every list (base64url of the last evaluated key). */
export const cursor = z
  .string()
  .max(2048)
  .regex(/^[A-Za-z0-9_-]+$/, { error: 'Curseur invalide.' });

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), cursor: z.string().nullable() });
