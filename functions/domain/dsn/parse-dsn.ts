/**
 * Reads a monthly DSN in the NEODeS text format: one rubric a line,
 * `S21.G00.30.002,'DUPONT'` (block S21.G00.30, rubric 002, value between the first quote
 * after the comma and the last quote of the line: a quote inside a value is written as it
 * is, never doubled, since the end of the line delimits the value).
 *
 * Input: the file's bytes (Uint8Array, so a Node Buffer too) in UTF-8 or ISO-8859-1 — the
 * encoding the cahier technique prescribes; a byte sequence that is not valid UTF-8 is read
 * as ISO-8859-1 — or an already decoded string. Lines end with \n, \r\n (or \r); blank
 * lines are skipped but still counted, so that line numbers match what an editor shows.
 *
 * Never throws on bad input: a rejected file comes back with every problem found, each
 * with its line number and a French sentence. The supported subset is in docs/dsn.md.
 */
import { isValidNir, nirKey } from '../nir';
import { isValidSiren, isValidSiret } from '../siret';
import type {
  Dsn,
  DsnAdhesion,
  DsnAffiliation,
  DsnContract,
  DsnEmployee,
  DsnEncoding,
  DsnEnvoi,
  DsnError,
  DsnEstablishment,
  ParseDsnResult,
} from './model';
import {
  RETIREMENT_CATEGORY_CODES,
  radiationReasonOfDsnCode,
  statutOfRetirementCategory,
  type RetirementCategory,
} from './nomenclature';

/** More than this and the file is clearly not a DSN: stop listing. */
export const MAX_REPORTED_ERRORS = 100;

// ---------------------------------------------------------------------------------------
// Decoding

const utf8 = new TextDecoder('utf-8', { fatal: true });

function latin1(bytes: Uint8Array): string {
  // ISO-8859-1 maps each byte to the code point of the same value (TextDecoder's "latin1"
  // is windows-1252, which differs from 0x80 to 0x9F).
  let text = '';
  for (let start = 0; start < bytes.length; start += 8192) {
    text += String.fromCharCode(...bytes.subarray(start, start + 8192));
  }
  return text;
}

/** The text of a DSN file and the encoding it was read with (a UTF-8 BOM is dropped). */
export function decodeDsn(input: string | Uint8Array): { text: string; encoding: DsnEncoding } {
  if (typeof input === 'string') return { text: input.replace(/^\uFEFF/, ''), encoding: 'utf-8' };
  try {
    return { text: utf8.decode(input), encoding: 'utf-8' };
  } catch {
    return { text: latin1(input), encoding: 'iso-8859-1' };
  }
}

// ---------------------------------------------------------------------------------------
// Lines and block occurrences

export interface DsnRubric {
  line: number;
  /** 'S21.G00.30' */
  block: string;
  /** '001' */
  code: string;
  value: string;
}

const RUBRIC_LINE = /^(S\d{2}\.G\d{2}\.\d{2})\.(\d{3}),'(.*)'$/;
// NEODeS values are printable text: a tab or a stray control byte means a damaged file.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001F\u007F]/;

/**
 * Every rubric of the text with its line number, and the lines that are not rubrics.
 * Also the basis of the content digest (digest.ts), which must not depend on line endings.
 */
export function readRubrics(text: string): { rubrics: DsnRubric[]; errors: DsnError[] } {
  const rubrics: DsnRubric[] = [];
  const errors: DsnError[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  lines.forEach((raw, index) => {
    const line = index + 1;
    const content = raw.trimEnd();
    if (content === '') return;
    const match = RUBRIC_LINE.exec(content);
    if (!match) {
      errors.push({
        line,
        message: "Ligne mal formée : chaque ligne doit avoir la forme Sxx.Gxx.xx.xxx,'valeur'.",
      });
      return;
    }
    const [, block, code, value] = match as unknown as [string, string, string, string];
    if (CONTROL_CHARACTER.test(value)) {
      errors.push({ line, message: `Caractère de contrôle interdit dans la valeur de ${block}.${code}.` });
      return;
    }
    if (value.trim() === '') {
      errors.push({
        line,
        message: `Rubrique ${block}.${code} vide : une rubrique sans valeur doit être omise.`,
      });
      return;
    }
    rubrics.push({ line, block, code, value });
  });
  return { rubrics, errors };
}

interface Occurrence {
  block: string;
  /** Line of its first rubric. */
  line: number;
  rubrics: Map<string, DsnRubric>;
}

/**
 * Groups consecutive rubrics into block occurrences: a new occurrence starts when the block
 * changes, or when a rubric number does not increase (two Individu blocks in a row).
 */
function occurrencesOf(rubrics: readonly DsnRubric[]): Occurrence[] {
  const occurrences: Occurrence[] = [];
  let current: Occurrence | undefined;
  let lastCode = '';
  for (const rubric of rubrics) {
    if (!current || current.block !== rubric.block || rubric.code <= lastCode) {
      current = { block: rubric.block, line: rubric.line, rubrics: new Map() };
      occurrences.push(current);
    }
    current.rubrics.set(rubric.code, rubric);
    lastCode = rubric.code;
  }
  return occurrences;
}

// ---------------------------------------------------------------------------------------
// Labels for the messages

const BLOCK_LABELS: Readonly<Record<string, string>> = {
  'S10.G00.00': 'Envoi',
  'S10.G00.01': 'Émetteur',
  'S20.G00.05': 'Déclaration',
  'S21.G00.06': 'Entreprise',
  'S21.G00.11': 'Établissement',
  'S21.G00.15': 'Adhésion prévoyance',
  'S21.G00.30': 'Individu',
  'S21.G00.40': 'Contrat de travail',
  'S21.G00.62': 'Fin du contrat',
  'S21.G00.70': 'Affiliation prévoyance',
  'S90.G00.90': 'Total de l’envoi',
};

const RUBRIC_LABELS: Readonly<Record<string, string>> = {
  'S10.G00.00.001': 'nom du logiciel',
  'S10.G00.00.005': 'code essai ou réel',
  'S10.G00.00.006': 'version de la norme',
  'S10.G00.01.001': 'SIREN de l’émetteur',
  'S10.G00.01.002': 'NIC de l’émetteur',
  'S10.G00.01.003': 'raison sociale de l’émetteur',
  'S20.G00.05.001': 'nature de la déclaration',
  'S20.G00.05.002': 'type de la déclaration',
  'S20.G00.05.005': 'mois principal déclaré',
  'S21.G00.06.001': 'SIREN',
  'S21.G00.06.002': 'NIC du siège',
  'S21.G00.11.001': 'NIC de l’établissement',
  'S21.G00.15.001': 'référence du contrat',
  'S21.G00.15.002': 'code organisme',
  'S21.G00.15.005': 'identifiant technique adhésion',
  'S21.G00.30.001': 'numéro de sécurité sociale',
  'S21.G00.30.002': 'nom de famille',
  'S21.G00.30.004': 'prénoms',
  'S21.G00.30.005': 'sexe',
  'S21.G00.30.006': 'date de naissance',
  'S21.G00.40.001': 'date de début du contrat',
  'S21.G00.40.002': 'statut conventionnel',
  'S21.G00.40.003': 'statut catégoriel retraite complémentaire',
  'S21.G00.40.007': 'nature du contrat',
  'S21.G00.40.009': 'numéro du contrat',
  'S21.G00.62.001': 'date de fin du contrat',
  'S21.G00.62.002': 'motif de rupture',
  'S21.G00.70.013': 'identifiant technique adhésion',
  'S90.G00.90.001': 'nombre total de rubriques',
  'S90.G00.90.002': 'nombre de DSN',
};

const DECLARATION_NATURES: Readonly<Record<string, string>> = {
  '01': 'DSN mensuelle',
  '04': 'signalement arrêt de travail',
  '05': 'signalement reprise suite à arrêt de travail',
  '07': 'signalement fin du contrat de travail unique',
  '08': 'signalement amorçage des données variables',
  '09': 'DSN de substitution',
  '10': 'signalement déclaration préalable à l’embauche',
};

const DECLARATION_TYPES = ['01', '02', '03', '04', '05'] as const;
const CANCELLING_TYPE = '04';

/** Blocks that belong to an individu (CT2026 hierarchy), interpreted or not. */
const INDIVIDUAL_BLOCKS: ReadonlySet<string> = new Set(
  ['31', '34', '40', '41', '45', '50', '51', '52', '53', '54', '56', '58', '60', '62', '63', '65', '66']
    .concat(['70', '71', '72', '73', '78', '79', '81', '83', '84', '86', '95', '98'])
    .map((number) => `S21.G00.${number}`),
);

const SEGMENTS: ReadonlySet<string> = new Set(['S10', 'S20', 'S21', 'S89', 'S90']);

const label = (block: string): string => BLOCK_LABELS[block] ?? block;
/** A value quoted in a message, cut short: the line number says where the rest is. */
const shown = (value: string): string => (value.length > 30 ? `${value.slice(0, 30)}…` : value);
const rubricName = (id: string): string => (RUBRIC_LABELS[id] ? `${id} (${RUBRIC_LABELS[id]})` : id);

// ---------------------------------------------------------------------------------------
// Values

/** DDMMYYYY → YYYY-MM-DD, or null when it is not a calendar date. */
export function dsnDateToIso(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const iso = `${value.slice(4, 8)}-${value.slice(2, 4)}-${value.slice(0, 2)}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== iso) return null;
  return iso;
}

const NIR_13 = /^[1278]\d{2}(0[1-9]|1[0-2]|[2-9]\d)(\d{2}|2A|2B)\d{6}$/;

/**
 * The NEODeS NIR is 13 characters, without its key; some payroll software adds the key.
 * Either way the portal keeps the 15-character form, as everywhere else.
 */
function nirOf(value: string): { nir: string } | { error: string } {
  const upper = value.toUpperCase();
  if (NIR_13.test(upper)) return { nir: `${upper}${String(nirKey(upper)).padStart(2, '0')}` };
  if (upper.length === 15 && NIR_13.test(upper.slice(0, 13)) && /^\d{2}$/.test(upper.slice(13))) {
    return isValidNir(upper)
      ? { nir: upper }
      : { error: 'clé de contrôle incorrecte (97 − numéro modulo 97)' };
  }
  return { error: '13 caractères attendus (sexe 1, 2, 7 ou 8, année, mois, lieu, ordre), clé facultative' };
}

// ---------------------------------------------------------------------------------------
// The parser

interface DeclarationState {
  line: number;
  month: string | null;
  declarationType: string;
  orderNumber: string | null;
  siren: string | null;
  headOfficeSiret: string | null;
  establishment: DsnEstablishment | null;
  /** adhesionId → adhésion, for the S21.G00.70 links. */
  adhesions: Map<string, DsnAdhesion>;
  /** A block outside the establishment was reported (once per declaration). */
  orphanReported: boolean;
}

class Parser {
  readonly errors: DsnError[] = [];
  private envoi: DsnEnvoi | null = null;
  private envoiSeen = false;
  /** Reported once: the first block is not the envoi. */
  private envoiMisplaced = false;
  private emitterSeen = false;
  private orphanReported = false;
  private readonly declarations: DeclarationState[] = [];
  private declaration: DeclarationState | null = null;
  private employee: DsnEmployee | null = null;
  private contract: DsnContract | null = null;
  private totalSeen = false;
  private afterTotalReported = false;
  private total: { line: number; rubrics: number | null; declarations: number | null } | null = null;

  constructor(private readonly rubricCount: number) {}

  error(line: number, message: string): void {
    this.errors.push({ line, message });
  }

  // -- rubric readers --------------------------------------------------------------------

  private required(occurrence: Occurrence, code: string): DsnRubric | undefined {
    const rubric = occurrence.rubrics.get(code);
    if (!rubric) {
      this.error(
        occurrence.line,
        `Rubrique obligatoire ${rubricName(`${occurrence.block}.${code}`)} absente du bloc ${label(occurrence.block)}.`,
      );
    }
    return rubric;
  }

  private text(occurrence: Occurrence, code: string, max = 80): string | undefined {
    const rubric = this.required(occurrence, code);
    return rubric ? this.checkText(rubric, max) : undefined;
  }

  private optionalText(occurrence: Occurrence, code: string, max = 80): string | null {
    const rubric = occurrence.rubrics.get(code);
    return rubric ? (this.checkText(rubric, max) ?? null) : null;
  }

  private checkText(rubric: DsnRubric, max: number): string | undefined {
    const value = rubric.value.trim();
    if (value.length > max) {
      this.error(
        rubric.line,
        `${rubricName(`${rubric.block}.${rubric.code}`)} : ${max} caractères au maximum.`,
      );
      return undefined;
    }
    return value;
  }

  private code(occurrence: Occurrence, code: string, pattern: RegExp, expected: string): string | undefined {
    const rubric = this.required(occurrence, code);
    if (!rubric) return undefined;
    if (!pattern.test(rubric.value)) {
      this.error(
        rubric.line,
        `Valeur « ${shown(rubric.value)} » invalide pour ${rubricName(`${rubric.block}.${rubric.code}`)} : ${expected}.`,
      );
      return undefined;
    }
    return rubric.value;
  }

  private date(occurrence: Occurrence, code: string): string | undefined {
    const rubric = this.required(occurrence, code);
    if (!rubric) return undefined;
    const iso = dsnDateToIso(rubric.value);
    if (!iso) {
      this.error(
        rubric.line,
        `Date invalide pour ${rubricName(`${rubric.block}.${rubric.code}`)} : « ${shown(rubric.value)} » (format attendu JJMMAAAA, date existante).`,
      );
      return undefined;
    }
    return iso;
  }

  private siren(occurrence: Occurrence, code: string): string | undefined {
    const value = this.code(occurrence, code, /^\d{9}$/, '9 chiffres attendus');
    if (value && !isValidSiren(value)) {
      const rubric = occurrence.rubrics.get(code) as DsnRubric;
      this.error(
        rubric.line,
        `SIREN ${value} invalide (${rubricName(`${rubric.block}.${code}`)}) : clé de contrôle incorrecte.`,
      );
      return undefined;
    }
    return value;
  }

  private siret(
    occurrence: Occurrence,
    siren: string | null | undefined,
    nicCode: string,
  ): string | undefined {
    const nic = this.code(occurrence, nicCode, /^\d{5}$/, '5 chiffres attendus');
    if (!nic || !siren) return undefined;
    const siret = `${siren}${nic}`;
    if (!isValidSiret(siret)) {
      const rubric = occurrence.rubrics.get(nicCode) as DsnRubric;
      this.error(
        rubric.line,
        `SIRET ${siret} invalide : le NIC ${nic} (${rubric.block}.${nicCode}) ne forme pas un SIRET valide avec le SIREN ${siren}.`,
      );
      return undefined;
    }
    return siret;
  }

  // -- blocks ----------------------------------------------------------------------------

  visit(occurrence: Occurrence, index: number): void {
    const { block, line } = occurrence;
    if (this.totalSeen) {
      if (!this.afterTotalReported) {
        this.afterTotalReported = true;
        this.error(line, 'Rien ne peut suivre le bloc S90.G00.90 (total de l’envoi), qui clôt le fichier.');
      }
      return;
    }
    if (index === 0 && block !== 'S10.G00.00') {
      this.envoiMisplaced = true;
      this.error(line, 'Le fichier doit commencer par le bloc S10.G00.00 (envoi).');
    }
    const segment = block.slice(0, 3);
    if (!SEGMENTS.has(segment) || !/^S\d{2}\.G00\./.test(block)) {
      this.error(line, `Bloc ${block} inconnu : ce n’est pas une structure de la norme NEODeS.`);
      return;
    }
    switch (block) {
      case 'S10.G00.00':
        return this.visitEnvoi(occurrence, index);
      case 'S10.G00.01':
        return this.visitEmitter(occurrence);
      case 'S20.G00.05':
        return this.visitDeclaration(occurrence);
      case 'S21.G00.06':
        return this.visitCompany(occurrence);
      case 'S21.G00.11':
        return this.visitEstablishment(occurrence);
      case 'S21.G00.15':
        return this.visitAdhesion(occurrence);
      case 'S21.G00.30':
        return this.visitEmployee(occurrence);
      case 'S21.G00.40':
        return this.visitContract(occurrence);
      case 'S21.G00.62':
        return this.visitContractEnd(occurrence);
      case 'S21.G00.70':
        return this.visitAffiliation(occurrence);
      case 'S90.G00.90':
        return this.visitTotal(occurrence);
      default:
        return this.visitOther(occurrence, segment);
    }
  }

  private visitEnvoi(occurrence: Occurrence, index: number): void {
    if (index !== 0) {
      if (!this.envoiMisplaced) {
        this.error(
          occurrence.line,
          'Un seul bloc S10.G00.00 (envoi) par fichier, en tête (rubriques dans le désordre ?).',
        );
      }
      return;
    }
    this.envoiSeen = true;
    const softwareName = this.text(occurrence, '001', 60);
    const test = this.code(occurrence, '005', /^0[12]$/, '01 (essai) ou 02 (réel)');
    const normVersion = this.code(occurrence, '006', /^P\d{2}V\d{2}$/, 'version de norme de la forme P26V01');
    if (softwareName === undefined || test === undefined || normVersion === undefined) return;
    this.envoi = {
      softwareName,
      softwareVendor: this.optionalText(occurrence, '002', 60),
      softwareVersion: this.optionalText(occurrence, '003', 20),
      test: test === '01',
      normVersion,
      emitter: { siret: '', name: '' },
    };
  }

  private visitEmitter(occurrence: Occurrence): void {
    if (this.declarations.length > 0) {
      this.error(occurrence.line, 'Le bloc S10.G00.01 (émetteur) doit précéder les déclarations.');
      return;
    }
    if (this.emitterSeen) {
      this.error(occurrence.line, 'Un seul bloc S10.G00.01 (émetteur) par envoi.');
      return;
    }
    this.emitterSeen = true;
    const siren = this.siren(occurrence, '001');
    const siret = this.siret(occurrence, siren, '002');
    const name = this.text(occurrence, '003', 80);
    if (this.envoi && siret && name !== undefined) this.envoi.emitter = { siret, name };
  }

  private closeDeclaration(): void {
    const declaration = this.declaration;
    if (!declaration) return;
    if (!declaration.siren) {
      this.error(declaration.line, 'Déclaration sans bloc S21.G00.06 (entreprise).');
    } else if (!declaration.establishment) {
      this.error(declaration.line, 'Déclaration sans bloc S21.G00.11 (établissement).');
    }
    this.declaration = null;
    this.employee = null;
    this.contract = null;
  }

  private visitDeclaration(occurrence: Occurrence): void {
    this.closeDeclaration();
    if (this.envoiSeen && !this.emitterSeen) {
      this.error(occurrence.line, 'Le bloc S10.G00.01 (émetteur) doit précéder la déclaration.');
      this.emitterSeen = true; // reported once
    }
    const nature = this.code(occurrence, '001', /^\d{2}$/, '2 chiffres attendus');
    if (nature !== undefined && nature !== '01') {
      const natureLabel = DECLARATION_NATURES[nature];
      this.error(
        (occurrence.rubrics.get('001') as DsnRubric).line,
        `Seules les DSN mensuelles (nature 01) peuvent être importées ; cette déclaration est de nature ${nature}${natureLabel ? ` (${natureLabel})` : ''}.`,
      );
    }
    const type = this.code(occurrence, '002', /^0[1-5]$/, '01 à 05 attendu');
    if (type === CANCELLING_TYPE) {
      this.error(
        (occurrence.rubrics.get('002') as DsnRubric).line,
        'Une déclaration d’annulation (type 04) ne déclare aucun salarié : elle ne peut pas être importée.',
      );
    }
    const period = this.code(occurrence, '005', /^01(0[1-9]|1[0-2])\d{4}$/, 'premier jour du mois, JJMMAAAA');
    const month = period ? `${period.slice(4, 8)}-${period.slice(2, 4)}` : null;
    const first = this.declarations[0];
    if (month && first?.month && month !== first.month) {
      this.error(
        (occurrence.rubrics.get('005') as DsnRubric).line,
        `Toutes les déclarations d’un envoi doivent porter sur le même mois (${first.month} puis ${month}).`,
      );
    }
    this.declaration = {
      line: occurrence.line,
      month,
      declarationType: type && (DECLARATION_TYPES as readonly string[]).includes(type) ? type : '01',
      orderNumber: this.optionalText(occurrence, '004', 20),
      siren: null,
      headOfficeSiret: null,
      establishment: null,
      adhesions: new Map(),
      orphanReported: false,
    };
    this.declarations.push(this.declaration);
  }

  private requireDeclaration(occurrence: Occurrence): DeclarationState | null {
    // Once is enough: without a declaration, every block that follows would say the same.
    if (!this.declaration && !this.orphanReported) {
      this.orphanReported = true;
      this.error(
        occurrence.line,
        `Bloc ${occurrence.block} (${label(occurrence.block)}) hors d’une déclaration : il doit suivre un bloc S20.G00.05.`,
      );
    }
    return this.declaration;
  }

  private visitCompany(occurrence: Occurrence): void {
    const declaration = this.requireDeclaration(occurrence);
    if (!declaration) return;
    if (declaration.siren || declaration.establishment) {
      this.error(occurrence.line, 'Un seul bloc S21.G00.06 (entreprise) par déclaration.');
      return;
    }
    const siren = this.siren(occurrence, '001');
    const headOfficeSiret = this.siret(occurrence, siren, '002');
    const first = this.declarations.find((other) => other.siren);
    if (siren && first?.siren && first.siren !== siren) {
      this.error(
        (occurrence.rubrics.get('001') as DsnRubric).line,
        `Toutes les déclarations d’un envoi doivent concerner la même entreprise (SIREN ${first.siren} puis ${siren}).`,
      );
    }
    // Even a SIREN with a bad key is remembered, so that its establishment is not reported twice.
    declaration.siren = siren ?? 'invalide';
    declaration.headOfficeSiret = headOfficeSiret ?? null;
  }

  private visitEstablishment(occurrence: Occurrence): void {
    const declaration = this.requireDeclaration(occurrence);
    if (!declaration) return;
    if (!declaration.siren) {
      this.error(
        occurrence.line,
        'Le bloc S21.G00.11 (établissement) doit suivre le bloc S21.G00.06 (entreprise).',
      );
      declaration.siren = 'invalide';
    }
    if (declaration.establishment) {
      this.error(
        occurrence.line,
        'Un seul bloc S21.G00.11 (établissement) par déclaration : une DSN est établie par établissement.',
      );
      return;
    }
    const siret = this.siret(occurrence, declaration.siren === 'invalide' ? null : declaration.siren, '001');
    const duplicate = siret
      ? this.declarations.some((other) => other !== declaration && other.establishment?.siret === siret)
      : false;
    if (duplicate) {
      this.error(occurrence.line, `L’établissement ${siret} est déclaré deux fois dans cet envoi.`);
    }
    declaration.establishment = {
      siret: siret ?? '',
      declarationType: declaration.declarationType,
      orderNumber: declaration.orderNumber,
      adhesions: [],
      employees: [],
    };
    this.employee = null;
    this.contract = null;
  }

  private requireEstablishment(occurrence: Occurrence): DeclarationState | null {
    const declaration = this.requireDeclaration(occurrence);
    if (declaration && !declaration.establishment) {
      if (!declaration.orphanReported) {
        declaration.orphanReported = true;
        this.error(
          occurrence.line,
          `Bloc ${occurrence.block} (${label(occurrence.block)}) hors d’un établissement : il doit suivre un bloc S21.G00.11.`,
        );
      }
      return null;
    }
    return declaration;
  }

  private visitAdhesion(occurrence: Occurrence): void {
    const declaration = this.requireEstablishment(occurrence);
    if (!declaration?.establishment) return;
    if (declaration.establishment.employees.length > 0) {
      this.error(
        occurrence.line,
        'Bloc S21.G00.15 (adhésion prévoyance) mal placé : les adhésions précèdent les individus de l’établissement.',
      );
      return;
    }
    const contractReference = this.text(occurrence, '001', 30);
    const organisme = this.text(occurrence, '002', 20);
    const adhesionId = this.text(occurrence, '005', 20);
    if (contractReference === undefined || organisme === undefined || adhesionId === undefined) return;
    if (declaration.adhesions.has(adhesionId)) {
      this.error(
        (occurrence.rubrics.get('005') as DsnRubric).line,
        `Identifiant technique d’adhésion « ${adhesionId} » déjà utilisé dans cet établissement.`,
      );
      return;
    }
    const adhesion: DsnAdhesion = { adhesionId, contractReference, organisme };
    declaration.adhesions.set(adhesionId, adhesion);
    declaration.establishment.adhesions.push(adhesion);
  }

  private visitEmployee(occurrence: Occurrence): void {
    const declaration = this.requireEstablishment(occurrence);
    this.employee = null;
    this.contract = null;
    if (!declaration?.establishment) return;

    const nirRubric = occurrence.rubrics.get('001');
    const temporaryNumber = this.optionalText(occurrence, '020', 40);
    let nir: string | null = null;
    if (nirRubric) {
      const read = nirOf(nirRubric.value);
      if ('nir' in read) nir = read.nir;
      else
        this.error(nirRubric.line, `Numéro de sécurité sociale invalide (S21.G00.30.001) : ${read.error}.`);
    } else if (!temporaryNumber) {
      this.error(
        occurrence.line,
        'Individu sans numéro de sécurité sociale (S21.G00.30.001) ni numéro technique temporaire (S21.G00.30.020).',
      );
    }
    const lastName = this.text(occurrence, '002', 80);
    const usageName = this.optionalText(occurrence, '003', 80);
    const firstNames = this.text(occurrence, '004', 80);
    const sexCode = this.code(occurrence, '005', /^0[12]$/, '01 (masculin) ou 02 (féminin)');
    const birthDate = this.date(occurrence, '006');
    const sex = sexCode === '01' ? 'M' : sexCode === '02' ? 'F' : undefined;
    if (nir && sex && (['1', '7'].includes(nir[0] as string) ? 'M' : 'F') !== sex) {
      this.error(
        (occurrence.rubrics.get('005') as DsnRubric).line,
        'Le sexe déclaré (S21.G00.30.005) ne correspond pas au premier chiffre du numéro de sécurité sociale.',
      );
    }
    const employee: DsnEmployee = {
      nir,
      temporaryNumber,
      lastName: lastName ?? '',
      usageName,
      firstNames: firstNames ?? '',
      sex: sex ?? 'M',
      birthDate: birthDate ?? '',
      contracts: [],
      affiliations: [],
    };
    // Its blocks are still read (and checked) even when the individu itself is invalid.
    this.employee = employee;
    declaration.establishment.employees.push(employee);
  }

  private requireEmployee(occurrence: Occurrence): DsnEmployee | null {
    if (!this.requireEstablishment(occurrence)) return null;
    if (!this.employee) {
      this.error(
        occurrence.line,
        `Bloc ${occurrence.block} (${label(occurrence.block)}) hors d’un individu : il doit suivre un bloc S21.G00.30.`,
      );
    }
    return this.employee;
  }

  private visitContract(occurrence: Occurrence): void {
    const employee = this.requireEmployee(occurrence);
    this.contract = null;
    if (!employee) return;
    const startDate = this.date(occurrence, '001');
    const conventionalStatus = this.code(occurrence, '002', /^\d{2}$/, '2 chiffres attendus');
    const category = this.code(
      occurrence,
      '003',
      new RegExp(`^(${RETIREMENT_CATEGORY_CODES.join('|')})$`),
      '01 (cadre), 02 (extension cadre), 04 (non cadre), 98 ou 99',
    ) as RetirementCategory | undefined;
    const nature = this.code(occurrence, '007', /^\d{2}$/, '2 chiffres attendus');
    const number = this.text(occurrence, '009', 20);
    const contract: DsnContract = {
      startDate: startDate ?? '',
      conventionalStatus: conventionalStatus ?? '',
      retirementCategory: category ?? '04',
      statut: statutOfRetirementCategory(category ?? '04'),
      nature: nature ?? '',
      number: number ?? '',
      end: null,
    };
    employee.contracts.push(contract);
    this.contract = contract;
  }

  private visitContractEnd(occurrence: Occurrence): void {
    const employee = this.requireEmployee(occurrence);
    if (!employee) return;
    const contract = this.contract;
    if (!contract) {
      this.error(
        occurrence.line,
        'Bloc S21.G00.62 (fin du contrat) sans contrat : il doit suivre le bloc S21.G00.40 du contrat qui prend fin.',
      );
      return;
    }
    if (contract.end) {
      this.error(occurrence.line, 'Ce contrat a déjà un bloc S21.G00.62 (fin du contrat).');
      return;
    }
    const date = this.date(occurrence, '001');
    const code = this.code(occurrence, '002', /^\d{3}$/, '3 chiffres attendus');
    if (date && contract.startDate && date < contract.startDate) {
      this.error(
        (occurrence.rubrics.get('001') as DsnRubric).line,
        'La date de fin du contrat (S21.G00.62.001) précède sa date de début (S21.G00.40.001).',
      );
      return;
    }
    if (date === undefined || code === undefined) return;
    contract.end = { date, dsnReasonCode: code, reason: radiationReasonOfDsnCode(code) };
  }

  private visitAffiliation(occurrence: Occurrence): void {
    const employee = this.requireEmployee(occurrence);
    if (!employee) return;
    if (employee.contracts.length === 0) {
      this.error(
        occurrence.line,
        'Bloc S21.G00.70 (affiliation prévoyance) sans contrat : il suit le bloc S21.G00.40 du salarié.',
      );
      return;
    }
    const adhesionId = this.text(occurrence, '013', 20);
    if (adhesionId === undefined) return;
    const adhesion = this.declaration?.adhesions.get(adhesionId);
    if (!adhesion) {
      this.error(
        (occurrence.rubrics.get('013') as DsnRubric).line,
        `L’affiliation renvoie à l’adhésion « ${adhesionId} », absente des blocs S21.G00.15 de l’établissement.`,
      );
      return;
    }
    const affiliation: DsnAffiliation = {
      affiliationId: this.optionalText(occurrence, '012', 20),
      adhesionId,
      contractReference: adhesion.contractReference,
      organisme: adhesion.organisme,
      option: this.optionalText(occurrence, '004', 30),
      population: this.optionalText(occurrence, '005', 30),
    };
    employee.affiliations.push(affiliation);
  }

  private visitTotal(occurrence: Occurrence): void {
    this.closeDeclaration();
    this.totalSeen = true;
    const rubrics = this.code(occurrence, '001', /^\d{1,9}$/, 'nombre entier attendu');
    const declarations = this.code(occurrence, '002', /^\d{1,6}$/, 'nombre entier attendu');
    this.total = {
      line: occurrence.line,
      rubrics: rubrics === undefined ? null : Number(rubrics),
      declarations: declarations === undefined ? null : Number(declarations),
    };
    if (this.total.rubrics !== null && this.total.rubrics !== this.rubricCount) {
      this.error(
        (occurrence.rubrics.get('001') as DsnRubric).line,
        `Le total annonce ${this.total.rubrics} rubriques, le fichier en contient ${this.rubricCount} : il est peut-être tronqué ou modifié.`,
      );
    }
    if (this.total.declarations !== null && this.total.declarations !== this.declarations.length) {
      this.error(
        (occurrence.rubrics.get('002') as DsnRubric).line,
        `Le total annonce ${this.total.declarations} déclaration(s), le fichier en contient ${this.declarations.length}.`,
      );
    }
  }

  private visitOther(occurrence: Occurrence, segment: string): void {
    if (segment === 'S10') {
      if (this.declarations.length > 0) {
        this.error(occurrence.line, `Le bloc ${occurrence.block} (envoi) doit précéder les déclarations.`);
      }
      return;
    }
    if (INDIVIDUAL_BLOCKS.has(occurrence.block)) {
      this.requireEmployee(occurrence);
      return;
    }
    // Blocks the portal does not interpret (versements, cotisations, rémunérations…) are
    // skipped, as long as they sit inside a declaration.
    this.requireDeclaration(occurrence);
  }

  finish(): Dsn | null {
    if (!this.totalSeen) this.closeDeclaration();
    if (!this.envoiSeen) {
      if (!this.envoiMisplaced)
        this.error(0, 'Bloc S10.G00.00 (envoi) absent : ce fichier n’est pas une DSN.');
    } else if (!this.emitterSeen) {
      this.error(0, 'Bloc S10.G00.01 (émetteur) absent.');
    }
    if (this.declarations.length === 0) {
      this.error(0, 'Aucune déclaration (bloc S20.G00.05) dans le fichier.');
    }
    if (!this.totalSeen) {
      this.error(0, 'Bloc S90.G00.90 (total de l’envoi) absent : le fichier est incomplet (tronqué ?).');
    }
    if (this.errors.length > 0 || !this.envoi) return null;
    const first = this.declarations[0] as DeclarationState;
    return {
      envoi: this.envoi,
      month: first.month as string,
      siren: first.siren as string,
      headOfficeSiret: first.headOfficeSiret as string,
      declaredEstablishments: this.declarations.map(
        (declaration) => declaration.establishment as DsnEstablishment,
      ),
    };
  }
}

/**
 * Parses a DSN file. `{ ok: true, dsn }` only when the whole file is valid; otherwise every
 * error found (up to MAX_REPORTED_ERRORS), sorted by line.
 */
export function parseDsn(input: string | Uint8Array): ParseDsnResult {
  const { text, encoding } = decodeDsn(input);
  const { rubrics, errors: lineErrors } = readRubrics(text);
  const parser = new Parser(rubrics.length);
  occurrencesOf(rubrics).forEach((occurrence, index) => parser.visit(occurrence, index));
  const dsn = parser.finish();
  const errors = [...lineErrors, ...parser.errors];
  if (errors.length > 0 || !dsn) return { ok: false, errors: capped(errors) };
  return { ok: true, dsn, encoding, lineCount: rubrics.length };
}

function capped(errors: DsnError[]): DsnError[] {
  const sorted = [...errors].sort((a, b) => a.line - b.line);
  if (sorted.length <= MAX_REPORTED_ERRORS) return sorted;
  const rest = sorted.length - MAX_REPORTED_ERRORS;
  return [
    ...sorted.slice(0, MAX_REPORTED_ERRORS),
    { line: 0, message: `… et ${rest} autre(s) erreur(s) non détaillée(s).` },
  ];
}
