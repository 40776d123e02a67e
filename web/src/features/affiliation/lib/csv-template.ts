import {
  PRE_AFFILIATION_CSV_COLUMNS,
  PRE_AFFILIATION_CSV_MAX_LINES,
} from '../../../../../functions/contracts/affiliation';
import { formatFileSize } from '../../../shared/format';

/** The columns of the bulk import, in the file's order, with what each expects. */
export const CSV_COLUMN_HELP: Record<(typeof PRE_AFFILIATION_CSV_COLUMNS)[number], string> = {
  siret: "SIRET de l'établissement (14 chiffres)",
  statut: 'cadre ou non_cadre',
  civilite: 'M ou MME (Monsieur ou Madame)',
  nom: 'Nom d’usage',
  nom_naissance: 'Nom de naissance (facultatif)',
  prenom: 'Prénom',
  date_naissance: 'Date de naissance (JJ/MM/AAAA ou AAAA-MM-JJ)',
  nir: 'Numéro de sécurité sociale (15 caractères, clé comprise)',
  email: 'E-mail (facultatif ; sans e-mail, un courrier est préparé)',
  adresse: 'Numéro et voie',
  complement_adresse: 'Complément d’adresse (facultatif)',
  code_postal: 'Code postal (5 chiffres)',
  ville: 'Ville',
  date_embauche: 'Date d’embauche (JJ/MM/AAAA ou AAAA-MM-JJ)',
  date_debut_contrat: 'Date de début du contrat (JJ/MM/AAAA ou AAAA-MM-JJ)',
};

export const CSV_TEMPLATE_FILE_NAME = 'modele-pre-affiliation.csv';

/**
 * The template: the header line alone, `;`-separated as French spreadsheets write it, with a
 * byte-order mark so that they open it as UTF-8 (the import accepts it with or without).
 */
export const csvTemplate = (): string => `\uFEFF${PRE_AFFILIATION_CSV_COLUMNS.join(';')}\r\n`;

/** A link that downloads the template without asking the server (a data: address). */
export const csvTemplateHref = (): string =>
  `data:text/csv;charset=utf-8,${encodeURIComponent(csvTemplate())}`;

/** What the contract accepts in one import (its `csv` field's maximum, in characters). */
export const CSV_MAX_CHARACTERS = 60_000;

export type CsvFileProblem = string | null;

/**
 * The browser's first look at the chosen file, before the dry run: a CSV by its name, not
 * empty, within the size of one import, and readable as UTF-8 (a file saved by a spreadsheet
 * as "CSV" in Windows-1252 comes out with replacement characters).
 */
export function csvFileProblem(fileName: string, text: string): CsvFileProblem {
  if (!/\.csv$/i.test(fileName)) return `« ${fileName} » n’est pas un fichier CSV (.csv).`;
  if (text.trim() === '') return `« ${fileName} » est vide.`;
  if (text.length > CSV_MAX_CHARACTERS) {
    return `« ${fileName} » est trop volumineux (${formatFileSize(text.length)}) : ${PRE_AFFILIATION_CSV_MAX_LINES} lignes au plus par import. Découpez-le en plusieurs fichiers.`;
  }
  if (text.includes('\uFFFD')) {
    return `« ${fileName} » n’est pas encodé en UTF-8 : enregistrez-le depuis votre tableur au format « CSV UTF-8 », puis choisissez-le à nouveau.`;
  }
  return null;
}
