/**
 * The few NEODeS nomenclatures the portal interprets (cahier technique DSN, CT2026):
 * statut catégoriel, nature du contrat, motif de rupture. Codes outside these tables are
 * kept as they were declared and shown raw; only the motif de rupture needs a mapping,
 * to the portal's radiation reasons.
 */
import type { RadiationReason } from '../radiation';

export type Statut = 'cadre' | 'non_cadre';

/**
 * S21.G00.40.003 "Code statut catégoriel Retraite Complémentaire obligatoire". The scheme's
 * two populations follow it: the cadres of articles 4 and 4 bis (01) and the "extension
 * cadre" (02: assimilated cadres, article 36, who join the cadres' contracts under the
 * branch agreements); everyone else is non cadre (04, and 98/99 when the person has no
 * AGIRC-ARRCO category at all).
 */
export const RETIREMENT_CATEGORY_CODES = ['01', '02', '04', '98', '99'] as const;
export type RetirementCategory = (typeof RETIREMENT_CATEGORY_CODES)[number];

export const statutOfRetirementCategory = (code: RetirementCategory): Statut =>
  code === '01' || code === '02' ? 'cadre' : 'non_cadre';

/** The code a writer uses for a statut when the model gives no explicit category. */
export const retirementCategoryOfStatut = (statut: Statut): RetirementCategory =>
  statut === 'cadre' ? '01' : '04';

/**
 * S21.G00.40.002 "Statut du salarié (conventionnel)": 04 "autres cadres au sens de la
 * convention collective", 06 "employé administratif d'entreprise, de commerce, agent de
 * service". Only used as the writer's default.
 */
export const conventionalStatusOfStatut = (statut: Statut): string => (statut === 'cadre' ? '04' : '06');

/** S21.G00.40.007 "Nature du contrat": the common codes, for display. */
export const CONTRACT_NATURE_LABELS: Readonly<Record<string, string>> = {
  '01': 'CDI',
  '02': 'CDD',
  '03': 'Contrat de mission (intérim)',
  '07': 'CDI intermittent',
  '08': 'CDI intérimaire',
  '29': 'Convention de stage',
  '80': 'Mandat social',
  '89': 'Volontariat de service civique',
  '90': 'Autre nature de contrat',
};

/**
 * S21.G00.62.002 "Motif de la rupture du contrat" → radiation reason. Only codes whose
 * meaning is exactly one of our reasons are mapped; every other code (fin de période
 * d'essai, prise d'acte, résiliation judiciaire, fin de contrat d'apprentissage, rupture
 * anticipée d'un CDD à l'initiative de l'une des parties…) becomes "autre", which the
 * insurer reviews by hand (portabilité included), with the DSN code kept beside it.
 */
const REASON_BY_DSN_CODE: Readonly<Record<string, RadiationReason>> = {
  '011': 'licenciement', // liquidation ou redressement judiciaire
  '012': 'licenciement', // fermeture définitive de l'établissement
  '014': 'licenciement', // motif économique
  '015': 'licenciement', // fin de chantier ou d'opération
  '020': 'licenciement', // autre motif
  '091': 'licenciement', // inaptitude d'origine non professionnelle
  '092': 'licenciement', // inaptitude d'origine professionnelle
  '087': 'licenciement_faute_grave',
  '095': 'licenciement_faute_grave', // rupture anticipée d'un CDD ou d'une mission pour faute grave
  '088': 'licenciement_faute_lourde',
  '096': 'licenciement_faute_lourde', // rupture anticipée d'un CDD ou d'une mission pour faute lourde
  '031': 'fin_cdd', // fin de CDD ou d'accueil occasionnel
  '032': 'fin_cdd', // fin de mission d'intérim
  '043': 'rupture_conventionnelle',
  '059': 'demission',
  '038': 'retraite', // mise à la retraite par l'employeur
  '039': 'retraite', // départ à la retraite à l'initiative du salarié
  '066': 'deces', // décès de l'individu
};

export const radiationReasonOfDsnCode = (code: string): RadiationReason =>
  REASON_BY_DSN_CODE[code] ?? 'autre';

/** The code a writer uses for a reason when the model gives no explicit DSN code. */
export const DSN_CODE_OF_REASON: Readonly<Record<RadiationReason, string>> = {
  licenciement: '020',
  licenciement_faute_grave: '087',
  licenciement_faute_lourde: '088',
  fin_cdd: '031',
  rupture_conventionnelle: '043',
  demission: '059',
  retraite: '039',
  deces: '066',
  autre: '058',
};

/**
 * Codes that close a contract line without the person leaving: 099 cancels an end declared
 * earlier, 100 (mutation within the group without rupture) and 998 (transfer of the
 * contract to another establishment) move the person rather than end the employment.
 * None of them calls for a radiation.
 */
export const NON_DEPARTURE_CODES: ReadonlySet<string> = new Set(['099', '100', '998']);

/** Labels of the motifs de rupture, for the anomaly details (French, short). */
export const DSN_END_REASON_LABELS: Readonly<Record<string, string>> = {
  '011': 'licenciement suite à liquidation ou redressement judiciaire',
  '012': 'licenciement suite à fermeture de l’établissement',
  '014': 'licenciement pour motif économique',
  '015': 'licenciement pour fin de chantier',
  '020': 'licenciement',
  '031': 'fin de CDD',
  '032': 'fin de mission d’intérim',
  '034': 'fin de période d’essai à l’initiative de l’employeur',
  '035': 'fin de période d’essai à l’initiative du salarié',
  '036': 'rupture anticipée du contrat à l’initiative de l’employeur',
  '037': 'rupture anticipée du contrat à l’initiative du salarié',
  '038': 'mise à la retraite',
  '039': 'départ à la retraite',
  '043': 'rupture conventionnelle',
  '058': 'prise d’acte de la rupture',
  '059': 'démission',
  '066': 'décès',
  '081': 'fin de contrat d’apprentissage',
  '082': 'résiliation judiciaire',
  '087': 'licenciement pour faute grave',
  '088': 'licenciement pour faute lourde',
  '091': 'licenciement pour inaptitude',
  '092': 'licenciement pour inaptitude d’origine professionnelle',
  '095': 'rupture anticipée pour faute grave',
  '096': 'rupture anticipée pour faute lourde',
  '099': 'annulation d’une fin de contrat',
};

export const dsnEndReasonLabel = (code: string): string => DSN_END_REASON_LABELS[code] ?? `motif ${code}`;
