import { stringify } from 'csv-stringify/sync';
import { PRE_AFFILIATION_CSV_COLUMNS } from '../functions/contracts/affiliation';
import { maskNir, nirFor, normaliseNir } from '../functions/domain/nir';

/**
 * New people for the benchmark to pré-affiliate or to declare in a DSN: plausible French
 * identities with valid NIRs (key included, consistent with the birth date), unique in the
 * run and unlike any insured person of the bench companies. Deterministic for a seed.
 */
export interface NewPerson {
  sex: 1 | 2;
  civilite: 'M' | 'MME';
  lastName: string;
  firstName: string;
  /** ISO date. */
  birthDate: string;
  nir: string;
  email: string;
  address: { line1: string; postalCode: string; city: string };
}

const FIRST_NAMES: Record<1 | 2, readonly string[]> = {
  1: ['Lucas', 'Hugo', 'Nathan', 'Théo', 'Karim', 'Mathis', 'Yanis', 'Julien', 'Antoine', 'Mehdi', 'Loïc'],
  2: ['Camille', 'Léa', 'Manon', 'Inès', 'Chloé', 'Sarah', 'Amandine', 'Océane', 'Yasmine', 'Élodie', 'Zoé'],
};
const LAST_NAMES = [
  'Martin',
  'Bernard',
  'Dubois',
  'Moreau',
  'Laurent',
  'Lefèvre',
  'Garnier',
  'Faure',
  'Rousseau',
  'Benali',
  'Nguyen',
  'Le Gall',
  'Da Silva',
  'Perrin',
  'Chevalier',
  'Mercier',
  'Haddad',
  'Fontaine',
];
const ADDRESSES = [
  { line1: '12 rue des Lilas', postalCode: '69003', city: 'Lyon' },
  { line1: '4 bis quai de la Fosse', postalCode: '44000', city: 'Nantes' },
  { line1: '27 avenue Jean Médecin', postalCode: '06000', city: 'Nice' },
  { line1: '8 place du Marché', postalCode: '74400', city: 'Chamonix-Mont-Blanc' },
  { line1: '31 cours Julien', postalCode: '13006', city: 'Marseille' },
  { line1: '5 rue Sainte-Catherine', postalCode: '33000', city: 'Bordeaux' },
];
/** Metropolitan birth departments (two characters; communes below 400 exist in each). */
const BIRTH_DEPARTMENTS = ['69', '75', '13', '33', '74', '31', '44', '59', '67', '06', '35', '34'];

/** A small seeded generator (mulberry32): the same run draws the same people. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const ascii = (text: string) =>
  text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z]+/g, '-');

export class People {
  private readonly taken = new Set<string>();
  private readonly random: () => number;
  private readonly drawn: NewPerson[] = [];

  constructor(seed = 7_070) {
    this.random = seeded(seed);
  }

  /** NIRs nobody new may get (the insured of the bench companies). */
  exclude(nirs: Iterable<string>): void {
    for (const nir of nirs) this.taken.add(normaliseNir(nir));
  }

  private int(min: number, max: number): number {
    return min + Math.floor(this.random() * (max - min + 1));
  }

  private pick<T>(values: readonly T[]): T {
    return values[this.int(0, values.length - 1)]!;
  }

  next(): NewPerson {
    const sex = this.int(1, 2) as 1 | 2;
    const birthYear = this.int(1968, 2005);
    const birthMonth = this.int(1, 12);
    let nir: string;
    do {
      nir = nirFor({
        sex,
        birthYear,
        birthMonth,
        department: this.pick(BIRTH_DEPARTMENTS),
        commune: String(this.int(1, 399)).padStart(3, '0'),
        order: String(this.int(1, 999)).padStart(3, '0'),
      });
    } while (this.taken.has(nir));
    this.taken.add(nir);
    const n = this.drawn.length + 1;
    const firstName = this.pick(FIRST_NAMES[sex]);
    const lastName = this.pick(LAST_NAMES);
    const person: NewPerson = {
      sex,
      civilite: sex === 1 ? 'M' : 'MME',
      lastName,
      firstName,
      birthDate: `${birthYear}-${String(birthMonth).padStart(2, '0')}-${String(this.int(1, 28)).padStart(2, '0')}`,
      nir,
      email: `${ascii(firstName)}.${ascii(lastName)}.${n}@example.com`.replace(/-+/g, '-'),
      address: this.pick(ADDRESSES),
    };
    this.drawn.push(person);
    return person;
  }

  /**
   * Someone drawn before, as a list shows them (NIR masked): the DSN's anomalies name people
   * the benchmark declared. Undefined unless exactly one person matches.
   */
  find(shown: { maskedNir: string; lastName: string; firstName: string }): NewPerson | undefined {
    const matches = this.drawn.filter(
      (person) =>
        person.lastName === shown.lastName &&
        person.firstName === shown.firstName &&
        maskNir(person.nir) === shown.maskedNir,
    );
    return matches.length === 1 ? matches[0] : undefined;
  }
}

/** ISO day `days` from today (UTC), as the API's date rules see it. */
export const isoDay = (days = 0) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** A line of "Pré-affilier un salarié" (or of its CSV import): hired and covered from `hireDate`. */
export interface PreAffiliationLine {
  person: NewPerson;
  siret: string;
  statut: 'cadre' | 'non_cadre';
  /** false: no e-mail, the BIA goes by courrier. */
  byEmail: boolean;
  hireDate: string;
}

/** The body of preAffiliateEmployee for this line. */
export const preAffiliationBody = (line: PreAffiliationLine) => ({
  siret: line.siret,
  statut: line.statut,
  employee: {
    civilite: line.person.civilite,
    lastName: line.person.lastName,
    firstName: line.person.firstName,
    birthDate: line.person.birthDate,
    nir: line.person.nir,
    ...(line.byEmail ? { email: line.person.email } : {}),
    address: line.person.address,
    hireDate: line.hireDate,
    contractStartDate: line.hireDate,
  },
});

/** The CSV of importPreAffiliations for these lines (`;`, header row, ISO dates), as a payroll export gives it. */
export function preAffiliationCsv(lines: readonly PreAffiliationLine[]): string {
  return stringify(
    lines.map(({ person, siret, statut, byEmail, hireDate }) => ({
      siret,
      statut,
      civilite: person.civilite,
      nom: person.lastName,
      nom_naissance: '',
      prenom: person.firstName,
      date_naissance: person.birthDate,
      nir: person.nir,
      email: byEmail ? person.email : '',
      adresse: person.address.line1,
      complement_adresse: '',
      code_postal: person.address.postalCode,
      ville: person.address.city,
      date_embauche: hireDate,
      date_debut_contrat: hireDate,
    })),
    { header: true, columns: [...PRE_AFFILIATION_CSV_COLUMNS], delimiter: ';' },
  );
}
