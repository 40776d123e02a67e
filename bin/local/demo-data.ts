/**
 * Deterministic demo data, written as the insurer's back-office feed (one CSV per record
 * kind, see functions/contracts/back-office-import.ts). The local seed drops these files
 * into S3 and runs the real import on them; the benchmark reuses generateCompanyDataset
 * for its large and small companies.
 *
 * Same output on every run: a seeded generator, and a fixed reference date instead of
 * the clock, so screenshots, tests and the README's demo walkthrough stay true.
 */
import { stringify } from 'csv-stringify/sync';
import {
  backOfficeHeaders,
  backOfficeRecordKinds,
  type BackOfficeRecordKind,
  type backOfficeRowSchemas,
} from '../../functions/contracts/back-office-import';
import { nirFor } from '../../functions/domain/nir';
import { sirenWithKey, siretWithKey } from '../../functions/domain/siret';

/** "Today" for the demo: recent effective dates, radiations and ages are relative to it. */
export const DEMO_REFERENCE_DATE = '2026-11-01';

/** Every cell of a feed row is text; the columns are the schema's, checked by the compiler. */
type Cells<K extends BackOfficeRecordKind> = Record<keyof (typeof backOfficeRowSchemas)[K]['shape'], string>;
export type BackOfficeRows = { [K in BackOfficeRecordKind]: Cells<K>[] };

// ---------------------------------------------------------------------------------------
// Seeded randomness

/** mulberry32: tiny, fast, and good enough to make data look varied. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let mixed = Math.imul(state ^ (state >>> 15), state | 1);
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61);
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4_294_967_296;
  };
}

class Random {
  private readonly next: () => number;

  constructor(seed: number) {
    this.next = mulberry32(seed);
  }

  /** An integer in [min, max]. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('Cannot pick from an empty list.');
    return item;
  }

  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
    let threshold = this.next() * total;
    for (const [item, weight] of entries) {
      threshold -= weight;
      if (threshold < 0) return item;
    }
    // Floating-point rounding can leave the threshold a hair above zero after the last weight.
    const last = entries[entries.length - 1];
    if (last === undefined) throw new RangeError('Cannot pick from an empty list.');
    return last[0];
  }
}

// ---------------------------------------------------------------------------------------
// Calendar, as day numbers (days since 1970-01-01, UTC) so that arithmetic is exact

const DAY_MS = 86_400_000;
const REFERENCE_DAY = dayOf(DEMO_REFERENCE_DATE);

function dayOf(iso: string): number {
  return Date.parse(`${iso}T00:00:00Z`) / DAY_MS;
}

function isoOf(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** The same calendar day `years` later (29 February becomes 28 February). */
function anniversary(iso: string, years: number): number {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  const safeDay = month === 2 && day === 29 ? 28 : day;
  return Date.UTC(year + years, month - 1, safeDay) / DAY_MS;
}

const yearOf = (iso: string): number => Number(iso.slice(0, 4));
const monthOf = (iso: string): number => Number(iso.slice(5, 7));

// ---------------------------------------------------------------------------------------
// French places, names and streets

interface Place {
  postalCode: string;
  city: string;
  /** Department of birth for people born there (INSEE code: '2A' in Corse-du-Sud). */
  department: string;
}

const place = (postalCode: string, city: string, department = postalCode.slice(0, 2)): Place => ({
  postalCode,
  city,
  department,
});

/** Where the staff of an establishment lives: its city and the towns around it. */
const AREAS = {
  paris: [
    place('75011', 'Paris', '75'),
    place('75012', 'Paris'),
    place('75018', 'Paris'),
    place('75020', 'Paris'),
    place('93100', 'Montreuil'),
    place('93200', 'Saint-Denis'),
    place('94300', 'Vincennes'),
    place('94200', 'Ivry-sur-Seine'),
    place('92130', 'Issy-les-Moulineaux'),
  ],
  lyon: [
    place('69003', 'Lyon'),
    place('69007', 'Lyon'),
    place('69100', 'Villeurbanne'),
    place('69200', 'Vénissieux'),
    place('69300', 'Caluire-et-Cuire'),
    place('69500', 'Bron'),
  ],
  bordeaux: [
    place('33000', 'Bordeaux'),
    place('33800', 'Bordeaux'),
    place('33400', 'Talence'),
    place('33700', 'Mérignac'),
    place('33130', 'Bègles'),
    place('33150', 'Cenon'),
  ],
  lille: [
    place('59000', 'Lille'),
    place('59800', 'Lille'),
    place('59100', 'Roubaix'),
    place('59200', 'Tourcoing'),
    place('59650', "Villeneuve-d'Ascq"),
    place('59130', 'Lambersart'),
  ],
  marseille: [
    place('13001', 'Marseille'),
    place('13002', 'Marseille'),
    place('13006', 'Marseille'),
    place('13008', 'Marseille'),
    place('13400', 'Aubagne'),
    place('13127', 'Vitrolles'),
  ],
  aix: [
    place('13100', 'Aix-en-Provence'),
    place('13090', 'Aix-en-Provence'),
    place('13080', 'Aix-en-Provence'),
    place('13120', 'Gardanne'),
    place('13290', 'Aix-en-Provence'),
  ],
  nantes: [
    place('44000', 'Nantes'),
    place('44100', 'Nantes'),
    place('44300', 'Nantes'),
    place('44400', 'Rezé'),
    place('44800', 'Saint-Herblain'),
    place('44120', 'Vertou'),
  ],
  ajaccio: [
    place('20000', 'Ajaccio', '2A'),
    place('20090', 'Ajaccio', '2A'),
    place('20137', 'Porto-Vecchio', '2A'),
    place('20169', 'Bonifacio', '2A'),
    place('20200', 'Bastia', '2B'),
    place('20250', 'Corte', '2B'),
  ],
  nice: [
    place('06000', 'Nice'),
    place('06300', 'Nice'),
    place('06400', 'Cannes'),
    place('06600', 'Antibes'),
    place('06800', 'Cagnes-sur-Mer'),
  ],
  toulouse: [
    place('31000', 'Toulouse'),
    place('31400', 'Toulouse'),
    place('31500', 'Toulouse'),
    place('31700', 'Blagnac'),
    place('31770', 'Colomiers'),
  ],
  strasbourg: [
    place('67000', 'Strasbourg'),
    place('67100', 'Strasbourg'),
    place('67300', 'Schiltigheim'),
    place('67400', 'Illkirch-Graffenstaden'),
  ],
  montpellier: [
    place('34000', 'Montpellier'),
    place('34070', 'Montpellier'),
    place('34170', 'Castelnau-le-Lez'),
    place('34970', 'Lattes'),
  ],
  annecy: [
    place('74000', 'Annecy'),
    place('74940', 'Annecy'),
    place('74960', 'Annecy'),
    place('74400', 'Chamonix-Mont-Blanc'),
  ],
  biarritz: [
    place('64200', 'Biarritz'),
    place('64100', 'Bayonne'),
    place('64600', 'Anglet'),
    place('64500', 'Saint-Jean-de-Luz'),
  ],
} as const satisfies Record<string, readonly Place[]>;

export type DemoArea = keyof typeof AREAS;
const AREA_NAMES = Object.keys(AREAS) as DemoArea[];

/** Departments of birth for people not born where they live. */
// prettier-ignore
const BIRTH_DEPARTMENTS = [
  '01', '02', '06', '13', '14', '17', '21', '22', '29', '31', '33', '34', '35', '38', '44', '49', '51',
  '54', '56', '57', '59', '62', '63', '64', '67', '69', '72', '74', '75', '76', '77', '78', '80', '83',
  '84', '87', '91', '92', '93', '94', '95',
] as const;

const OVERSEAS_DEPARTMENTS = ['971', '972', '973', '974', '976'] as const;

/** INSEE country codes used in the NIR of people born abroad (department 99). */
const BIRTH_COUNTRIES = ['109', '127', '131', '134', '139', '341', '350', '351', '352'] as const;

/** Paris, Marseille and Lyon number births by arrondissement (75101–75120, …). */
const ARRONDISSEMENT_COMMUNES: Readonly<Record<string, readonly [number, number]>> = {
  '75': [101, 120],
  '13': [201, 216],
  '69': [381, 389],
};

// prettier-ignore
const FEMALE_FIRST_NAMES = [
  'Marie', 'Camille', 'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Sarah', 'Julie', 'Laura', 'Pauline',
  'Élodie', 'Céline', 'Nathalie', 'Isabelle', 'Sandrine', 'Sophie', 'Hélène', 'Aurélie', 'Émilie',
  'Mélanie', 'Audrey', 'Clémence', 'Margaux', 'Océane', 'Anaïs', 'Lucie', 'Juliette', 'Alice', 'Louise',
  'Zoé', 'Jade', 'Léna', 'Maëlys', 'Chaïma', 'Fatima', 'Aïcha', 'Yasmine', 'Nadia', 'Samira', 'Amina',
  'Fatoumata', 'Aminata', 'Mariama', 'Ana', 'Sofia', 'Catherine', 'Valérie', 'Christine', 'Véronique',
  'Françoise', 'Anne-Sophie', 'Marie-Claire', 'Marie-Hélène', 'Ophélie', 'Gaëlle', 'Maïwenn', 'Solène',
  'Noémie', 'Agnès', 'Bérénice', 'Laetitia',
] as const;

// prettier-ignore
const MALE_FIRST_NAMES = [
  'Jean', 'Pierre', 'Thomas', 'Nicolas', 'Julien', 'Maxime', 'Alexandre', 'Antoine', 'Lucas', 'Hugo',
  'Louis', 'Gabriel', 'Arthur', 'Léo', 'Nathan', 'Théo', 'Raphaël', 'Mathis', 'Enzo', 'Kylian',
  'Mohamed', 'Karim', 'Mehdi', 'Youssef', 'Rachid', 'Samir', 'Bilal', 'Amadou', 'Moussa', 'Mamadou',
  'Ibrahima', 'João', 'Miguel', 'Diego', 'Stéphane', 'Sébastien', 'Frédéric', 'Jérôme', 'Laurent',
  'Christophe', 'Olivier', 'Philippe', 'Patrick', 'Éric', 'François', 'Benoît', 'Grégory', 'Cédric',
  'Jean-Baptiste', 'Jean-Pierre', 'Jean-François', 'Pierre-Antoine', 'Loïc', 'Yannick', 'Gaël',
  'Killian', 'Noé', 'Timothée', 'Anthony', 'Kévin', 'Mathéo', 'Tristan',
] as const;

/** Includes both apostrophes (' typed, ’ pasted from a word processor) on purpose. */
// prettier-ignore
const LAST_NAMES = [
  'Martin', 'Bernard', 'Dubois', 'Thomas', 'Robert', 'Richard', 'Petit', 'Durand', 'Leroy', 'Moreau',
  'Simon', 'Laurent', 'Lefèvre', 'Michel', 'Garcia', 'David', 'Bertrand', 'Roux', 'Vincent', 'Fournier',
  'Morel', 'Girard', 'André', 'Mercier', 'Dupont', 'Lambert', 'Bonnet', 'François', 'Martinez',
  'Legrand', 'Garnier', 'Faure', 'Rousseau', 'Blanc', 'Guérin', 'Muller', 'Henry', 'Roussel', 'Perrin',
  'Morin', 'Mathieu', 'Clément', 'Gauthier', 'Fontaine', 'Chevalier', 'Lemaître', 'Le Gall', 'Le Goff',
  'Kerbrat', "N'Diaye", 'Diallo', 'Traoré', 'Benali', 'Haddad', 'Da Silva', 'Dos Santos', 'Ferreira',
  'Nguyen', 'Ben Ahmed', 'D’Almeida', 'Santoni', 'Pietri', 'Giacometti', 'Sainte-Marie', 'Bouvier-Lenoir',
] as const;

// prettier-ignore
const STREETS = [
  'rue Victor Hugo', 'rue de la République', 'avenue Jean Jaurès', 'boulevard Gambetta', 'rue Pasteur',
  'rue du Général Leclerc', 'avenue de la Libération', 'rue des Lilas', 'rue de la Paix', 'rue Émile Zola',
  'boulevard Voltaire', 'avenue Foch', 'rue Nationale', 'rue du Moulin', "rue de l'Église",
  'allée des Tilleuls', 'impasse des Vignes', 'chemin des Oliviers', 'rue Saint-Jacques',
  'boulevard de la Liberté', 'avenue du Maréchal Joffre', 'rue des Écoles', 'place du Marché',
  'rue Jules Ferry', 'avenue de Verdun', 'rue de la Gare', 'boulevard Carnot', 'rue Jean Moulin',
] as const;

/** Reserved example domains (RFC 2606): demo mail can never reach a real person. */
const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'] as const;

const RADIATION_REASONS = [
  ['Fin de CDD', 40],
  ['Démission', 30],
  ['Rupture conventionnelle', 15],
  ['Licenciement', 10],
] as const;

// ---------------------------------------------------------------------------------------
// Company shape

export type IdentifierLabel = 'numero_entreprise' | 'numero_adherent';

export interface EstablishmentSpec {
  name: string;
  /** Street address of the establishment. */
  address: string;
  postalCode: string;
  city: string;
  /** Where its staff lives. */
  area: DemoArea;
}

export interface CompanyDatasetOptions {
  seed: number;
  /** The insurer's number for the company: 6 to 12 capital letters or digits. */
  companyNumber: string;
  name: string;
  /** 9 digits with a valid key; derived from the seed when absent. */
  siren?: string;
  /** numero_adherent for Malakoff Humanis contracts. */
  identifierLabel?: IdentifierLabel;
  /** How many establishments (generated in various cities), or their description. */
  establishments: number | readonly EstablishmentSpec[];
  insured: number;
  /** When its contracts start; default 2016-01-01, when company health cover became mandatory (ANI). */
  contractStart?: string;
  /** First number of its employer contracts (HCR-S-000101…); derived from the seed when absent. */
  firstContractNumber?: number;
}

export interface CompanySummary {
  companyNumber: string;
  name: string;
  identifierLabel: IdentifierLabel;
  mainSiret: string;
  establishmentSirets: readonly string[];
  insured: number;
}

export interface CompanyDataset {
  summary: CompanySummary;
  rows: BackOfficeRows;
}

interface Establishment extends EstablishmentSpec {
  siret: string;
}

type Statut = 'cadre' | 'non_cadre';

interface Contract {
  number: string;
  statut: Statut;
  risque: 'sante' | 'prevoyance';
  product: string;
  start: string;
  end?: string;
}

interface Person {
  sex: 1 | 2;
  lastName: string;
  firstName: string;
  birthDate: string;
  nir: string;
}

/** Conjoints and children: some have no NIR of their own. */
type Beneficiary = Omit<Person, 'nir'> & { nir: string | undefined };

/** Shared by every company of one dataset: NIRs and e-mail addresses are unique in it. */
interface Registry {
  nirs: Set<string>;
  emails: Set<string>;
}

const newRegistry = (): Registry => ({ nirs: new Set(), emails: new Set() });

function companySiren(options: CompanyDatasetOptions): string {
  return options.siren ?? sirenWithKey(String(10_000_000 + ((options.seed >>> 0) % 89_999_999)));
}

function summaryOf(options: CompanyDatasetOptions): CompanySummary {
  const siren = companySiren(options);
  const count =
    typeof options.establishments === 'number' ? options.establishments : options.establishments.length;
  if (count < 1) throw new RangeError('A company has at least one establishment.');
  // Establishments are numbered in order under the SIREN; the first one is the head office.
  const establishmentSirets = Array.from({ length: count }, (_, index) => siretWithKey(siren, index + 1));
  return {
    companyNumber: options.companyNumber,
    name: options.name,
    identifierLabel: options.identifierLabel ?? 'numero_entreprise',
    mainSiret: establishmentSirets[0] as string,
    establishmentSirets,
    insured: options.insured,
  };
}

function establishmentsOf(
  options: CompanyDatasetOptions,
  sirets: readonly string[],
  random: Random,
): Establishment[] {
  const specs: readonly EstablishmentSpec[] =
    typeof options.establishments === 'number'
      ? Array.from({ length: options.establishments }, (_, index) => {
          const area = AREA_NAMES[(options.seed + index) % AREA_NAMES.length] ?? 'paris';
          const { postalCode, city } = AREAS[area][0];
          return {
            name: `${options.name} ${city}${index >= AREA_NAMES.length ? ` ${index + 1}` : ''}`,
            address: streetAddress(random),
            postalCode,
            city,
            area,
          };
        })
      : options.establishments;
  return specs.map((spec, index) => ({ ...spec, siret: sirets[index] as string }));
}

/** Contracts of a company, by statut: socle, options (one of them ended) and prévoyance. */
function contractsOf(start: string, firstNumber: number): Contract[] {
  const startYear = yearOf(start);
  const optionOneCadreStart = `${startYear + 3}-01-01`;
  const plan: readonly Omit<Contract, 'number'>[] = [
    { statut: 'cadre', risque: 'sante', product: 'Socle conventionnel', start },
    { statut: 'non_cadre', risque: 'sante', product: 'Socle conventionnel', start },
    { statut: 'cadre', risque: 'sante', product: 'Option 1', start: optionOneCadreStart },
    { statut: 'non_cadre', risque: 'sante', product: 'Option 1', start },
    // Cadres moved from Option 2 to Option 1 when Option 2 closed: an ended contract.
    { statut: 'cadre', risque: 'sante', product: 'Option 2', start, end: `${startYear + 2}-12-31` },
    { statut: 'cadre', risque: 'prevoyance', product: 'Prévoyance conventionnelle', start },
    { statut: 'non_cadre', risque: 'prevoyance', product: 'Prévoyance conventionnelle', start },
  ];
  return plan.map((contract, index) => ({
    ...contract,
    number: `HCR-${contract.risque === 'sante' ? 'S' : 'P'}-${String(firstNumber + index).padStart(6, '0')}`,
  }));
}

// ---------------------------------------------------------------------------------------
// People

function streetAddress(random: Random): string {
  const number = `${random.int(1, 180)}${random.chance(0.05) ? ' bis' : ''}`;
  const complement = random.chance(0.15) ? `, appartement ${random.int(1, 64)}` : '';
  return `${number} ${random.pick(STREETS)}${complement}`;
}

/** Names given since the 2000s, for children. */
// prettier-ignore
const RECENT_FIRST_NAMES = {
  1: [
    'Lucas', 'Hugo', 'Louis', 'Gabriel', 'Arthur', 'Léo', 'Nathan', 'Théo', 'Raphaël', 'Mathis', 'Enzo',
    'Noé', 'Timothée', 'Mathéo', 'Killian', 'Youssef', 'Bilal', 'Gaël', 'Tristan', 'Maxime', 'Adam', 'Sacha',
    'Aylan',
  ],
  2: [
    'Léa', 'Manon', 'Chloé', 'Emma', 'Inès', 'Camille', 'Sarah', 'Océane', 'Lucie', 'Juliette', 'Alice',
    'Louise', 'Zoé', 'Jade', 'Léna', 'Maëlys', 'Chaïma', 'Yasmine', 'Sofia', 'Maïwenn', 'Solène', 'Noémie',
    'Margaux', 'Ambre',
  ],
} as const;

function childFirstName(sex: 1 | 2, random: Random): string {
  return random.pick(RECENT_FIRST_NAMES[sex]);
}

/** Department and commune of birth, as coded in the NIR. */
function birthPlace(home: Place, random: Random): { department: string; commune: string } {
  const where = random.weighted([
    ['local', 50],
    ['elsewhere', 40],
    ['overseas', 4],
    ['abroad', 6],
  ] as const);
  if (where === 'abroad') return { department: '99', commune: random.pick(BIRTH_COUNTRIES) };
  if (where === 'overseas') {
    return {
      department: random.pick(OVERSEAS_DEPARTMENTS),
      commune: String(random.int(1, 34)).padStart(2, '0'),
    };
  }
  const department = where === 'local' ? home.department : random.pick(BIRTH_DEPARTMENTS);
  const [first, last] = ARRONDISSEMENT_COMMUNES[department] ?? [1, 400];
  return { department, commune: String(random.int(first, last)).padStart(3, '0') };
}

/** A NIR not yet used in the dataset, for a person born on `birthDate` at that place. */
function uniqueNir(
  sex: 1 | 2,
  birthDate: string,
  place: { department: string; commune: string },
  registry: Registry,
  random: Random,
): string {
  // Before 1976 Corsica was one department, 20; INSEE kept those numbers.
  const department = /^2[AB]$/.test(place.department) && yearOf(birthDate) < 1976 ? '20' : place.department;
  for (;;) {
    const nir = nirFor({
      sex,
      birthYear: yearOf(birthDate),
      birthMonth: monthOf(birthDate),
      department,
      commune: place.commune,
      order: String(random.int(1, 999)).padStart(3, '0'),
    });
    if (!registry.nirs.has(nir)) {
      registry.nirs.add(nir);
      return nir;
    }
  }
}

/** A birth date making the person between `minAge` and `maxAge` years old at the reference date. */
function birthDateAged(minAge: number, maxAge: number, random: Random): string {
  // Day counts with a margin, so that "18" is never 17 and 364 days.
  return isoOf(
    REFERENCE_DAY - random.int(Math.ceil(minAge * 365.25) + 1, Math.floor((maxAge + 1) * 365.25) - 1),
  );
}

function insuredBirthDate(random: Random): string {
  // Hotels, cafés and restaurants employ many young people.
  const [minAge, maxAge] = random.weighted([
    [[18, 25], 25],
    [[26, 35], 30],
    [[36, 45], 20],
    [[46, 55], 15],
    [[56, 66], 10],
  ] as const);
  return birthDateAged(minAge, maxAge, random);
}

function ageAt(birthDate: string, day: number): number {
  let age = yearOf(isoOf(day)) - yearOf(birthDate);
  if (anniversary(birthDate, age) > day) age -= 1;
  return age;
}

function emailFor(firstName: string, lastName: string, registry: Registry, random: Random): string {
  const slug = (name: string): string =>
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/['’]/g, '')
      .replace(/[^a-z0-9]+/g, '-');
  const domain = random.pick(EMAIL_DOMAINS);
  const local = `${slug(firstName)}.${slug(lastName)}`;
  for (let suffix = 1; ; suffix++) {
    const email = `${local}${suffix === 1 ? '' : suffix}@${domain}`;
    if (!registry.emails.has(email)) {
      registry.emails.add(email);
      return email;
    }
  }
}

const ouiNon = (value: boolean): string => (value ? 'oui' : 'non');

// ---------------------------------------------------------------------------------------
// Generation

/** What the rows of one company are generated from. */
interface CompanyContext {
  companyNumber: string;
  establishments: readonly Establishment[];
  /** Open health contracts of each statut, with how often staff choose them. */
  healthContracts: Record<Statut, readonly (readonly [Contract, number])[]>;
  registry: Registry;
  random: Random;
  rows: BackOfficeRows;
}

function buildCompany(options: CompanyDatasetOptions, registry: Registry): CompanyDataset {
  if (!/^[A-Z0-9]{6,12}$/.test(options.companyNumber)) {
    throw new RangeError('The company number has 6 to 12 capital letters or digits.');
  }
  const contractStart = options.contractStart ?? '2016-01-01';
  // The options and the ended contract need a few years of history before the reference date.
  if (!/^\d{4}-\d{2}-\d{2}$/.test(contractStart) || yearOf(contractStart) > yearOf(DEMO_REFERENCE_DATE) - 4) {
    throw new RangeError(`The contracts start at least 4 years before ${DEMO_REFERENCE_DATE}.`);
  }
  const random = new Random(options.seed);
  const summary = summaryOf(options);
  const establishments = establishmentsOf(options, summary.establishmentSirets, random);
  const contracts = contractsOf(
    contractStart,
    options.firstContractNumber ?? 100 + ((options.seed >>> 0) % 99_000) * 10,
  );
  const companyNumber = options.companyNumber;

  const rows: BackOfficeRows = {
    entreprises: [
      {
        identifiant_entreprise: companyNumber,
        libelle_identifiant: summary.identifierLabel,
        raison_sociale: options.name,
        siret_principal: summary.mainSiret,
      },
    ],
    etablissements: establishments.map((establishment) => ({
      identifiant_entreprise: companyNumber,
      siret: establishment.siret,
      nom: establishment.name,
      adresse: establishment.address,
      code_postal: establishment.postalCode,
      ville: establishment.city,
    })),
    contrats: contracts.map((contract) => ({
      identifiant_entreprise: companyNumber,
      contrat_employeur: contract.number,
      statut: contract.statut,
      risque: contract.risque,
      contrat: contract.product,
      date_effet: contract.start,
      date_fin: contract.end ?? '',
    })),
    assures: [],
    ayants_droit: [],
  };

  const open = (statut: Statut, product: string): Contract => {
    const found = contracts.find(
      (contract) =>
        contract.statut === statut &&
        contract.risque === 'sante' &&
        contract.product === product &&
        !contract.end,
    );
    if (!found) throw new Error(`No open ${product} contract for ${statut}.`);
    return found;
  };
  const healthContracts: CompanyContext['healthContracts'] = {
    cadre: [
      [open('cadre', 'Socle conventionnel'), 55],
      [open('cadre', 'Option 1'), 45],
    ],
    non_cadre: [
      [open('non_cadre', 'Socle conventionnel'), 75],
      [open('non_cadre', 'Option 1'), 25],
    ],
  };

  const company: CompanyContext = { companyNumber, establishments, healthContracts, registry, random, rows };
  for (let index = 0; index < options.insured; index++) addInsured(company, index);
  return { summary, rows };
}

/** One insured person of the company (a row of `assures`), with their conjoint and children. */
function addInsured(company: CompanyContext, index: number): void {
  const { companyNumber, registry, random, rows } = company;
  const establishment = company.establishments[index % company.establishments.length] as Establishment;
  const home = random.pick<Place>(AREAS[establishment.area]);
  const sex = random.chance(0.5) ? 1 : 2;
  const birthDate = insuredBirthDate(random);
  const age = ageAt(birthDate, REFERENCE_DAY);
  // A few fixed positions are born in Corsica after 1976, so that 2A and 2B always show up.
  const corsican = index % 50 === 7 ? '2A' : index % 50 === 23 ? '2B' : undefined;
  const born =
    corsican && yearOf(birthDate) >= 1976
      ? { department: corsican, commune: String(random.int(1, 360)).padStart(3, '0') }
      : birthPlace(home, random);
  const nir = uniqueNir(sex, birthDate, born, registry, random);
  const birthName = random.pick(LAST_NAMES);
  // Married women often go by their spouse's name; the feed then carries both.
  const usesMarriedName = sex === 2 && age >= 24 && random.chance(0.35);
  const lastName = usesMarriedName ? random.pick(LAST_NAMES.filter((name) => name !== birthName)) : birthName;
  const firstName = random.pick(sex === 1 ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES);

  const statut: Statut = random.chance(0.18) ? 'cadre' : 'non_cadre';
  const contract = random.weighted(company.healthContracts[statut]);
  const effectiveDay = random.int(
    Math.max(dayOf(contract.start), anniversary(birthDate, 18)),
    REFERENCE_DAY - 1,
  );
  const endDay = random.chance(0.1)
    ? random.int(Math.min(effectiveDay + 30, REFERENCE_DAY), REFERENCE_DAY)
    : undefined;
  let reason = '';
  if (endDay !== undefined) {
    const retiring = ageAt(birthDate, endDay) >= 62 && random.chance(0.7);
    reason = retiring ? 'Retraite' : random.weighted(RADIATION_REASONS);
  }

  rows.assures.push({
    identifiant_entreprise: companyNumber,
    contrat_employeur: contract.number,
    siret: establishment.siret,
    nir,
    civilite: sex === 1 ? 'M' : 'MME',
    nom: lastName,
    nom_naissance: usesMarriedName ? birthName : '',
    prenom: firstName,
    date_naissance: birthDate,
    email: random.chance(0.55) ? emailFor(firstName, lastName, registry, random) : '',
    adresse: streetAddress(random),
    code_postal: home.postalCode,
    ville: home.city,
    teletransmission_noemie: ouiNon(random.chance(0.85)),
    date_effet: isoOf(effectiveDay),
    date_fin: endDay === undefined ? '' : isoOf(endDay),
    motif_radiation: reason,
  });

  const beneficiary = (person: Beneficiary, lien: 'conjoint' | 'enfant'): void => {
    rows.ayants_droit.push({
      identifiant_entreprise: companyNumber,
      contrat_employeur: contract.number,
      nir_assure: nir,
      lien,
      nom: person.lastName,
      prenom: person.firstName,
      date_naissance: person.birthDate,
      nir: person.nir ?? '',
      teletransmission_noemie: ouiNon(random.chance(0.75)),
    });
  };
  const insured: Person = { sex, lastName, firstName, birthDate, nir };
  if (age >= 20 && random.chance(usesMarriedName ? 0.7 : 0.22)) {
    beneficiary(spouseOf(insured, usesMarriedName, home, registry, random), 'conjoint');
  }
  if (age >= 20 && random.chance(0.4)) {
    for (const child of childrenOf(insured, home, registry, random)) beneficiary(child, 'enfant');
  }
}

function spouseOf(
  insured: Person,
  insuredUsesMarriedName: boolean,
  home: Place,
  registry: Registry,
  random: Random,
): Beneficiary {
  const sex = insuredUsesMarriedName || random.chance(0.95) ? (insured.sex === 1 ? 2 : 1) : insured.sex;
  const insuredAge = ageAt(insured.birthDate, REFERENCE_DAY);
  const minAge = Math.max(18, insuredAge - 6);
  const birthDate = birthDateAged(minAge, Math.max(minAge, insuredAge + 6), random);
  const sharesName = insuredUsesMarriedName || (sex === 2 && random.chance(0.55));
  const nir = random.chance(0.9)
    ? uniqueNir(sex, birthDate, birthPlace(home, random), registry, random)
    : undefined;
  return {
    sex,
    lastName: sharesName ? insured.lastName : random.pick(LAST_NAMES),
    firstName: random.pick(sex === 1 ? MALE_FIRST_NAMES : FEMALE_FIRST_NAMES),
    birthDate,
    nir,
  };
}

/**
 * 1 to 3 children born after the insured turned 18, young enough to be covered (under 26),
 * each with a different first name. Teenagers sometimes have their own NIR and carte
 * Vitale; younger children are attached to the parent's.
 */
function childrenOf(insured: Person, home: Place, registry: Registry, random: Random): Beneficiary[] {
  const earliest = Math.max(
    anniversary(insured.birthDate, 18) + 270,
    REFERENCE_DAY - Math.floor(25 * 365.25),
  );
  const latest = REFERENCE_DAY - 30;
  if (earliest > latest) return [];
  const count = random.weighted([
    [1, 50],
    [2, 35],
    [3, 15],
  ] as const);
  const births = Array.from({ length: count }, () => random.int(earliest, latest)).sort((a, b) => a - b);
  const children: Beneficiary[] = [];
  for (const birthDay of births) {
    const sex = random.chance(0.5) ? 1 : 2;
    let firstName = childFirstName(sex, random);
    while (children.some((sibling) => sibling.firstName === firstName))
      firstName = childFirstName(sex, random);
    const birthDate = isoOf(birthDay);
    const ownNir = ageAt(birthDate, REFERENCE_DAY) >= 16 && random.chance(0.6);
    children.push({
      sex,
      lastName: insured.lastName,
      firstName,
      birthDate,
      nir: ownNir ? uniqueNir(sex, birthDate, birthPlace(home, random), registry, random) : undefined,
    });
  }
  return children;
}

/** One company of the feed, e.g. for the benchmark (20,000 insured) or a small test company. */
export function generateCompanyDataset(options: CompanyDatasetOptions): CompanyDataset {
  return buildCompany(options, newRegistry());
}

/** The feed's CSV files: `;`, UTF-8, header row, empty cell = absent value. */
export function toBackOfficeCsv(rows: BackOfficeRows): Record<BackOfficeRecordKind, string> {
  const csv = {} as Record<BackOfficeRecordKind, string>;
  for (const kind of backOfficeRecordKinds) {
    csv[kind] = stringify(rows[kind], {
      header: true,
      columns: [...backOfficeHeaders[kind]],
      delimiter: ';',
    });
  }
  return csv;
}

// ---------------------------------------------------------------------------------------
// The demo companies

const DEMO_DEFINITIONS: readonly CompanyDatasetOptions[] = [
  {
    seed: 1101,
    companyNumber: 'HCR0045821',
    name: 'Groupe Hôtelier Les Tilleuls',
    siren: sirenWithKey('81245307'),
    identifierLabel: 'numero_entreprise',
    establishments: [
      {
        name: 'Hôtel Les Tilleuls Bastille',
        address: '14 rue de la Roquette',
        postalCode: '75011',
        city: 'Paris',
        area: 'paris',
      },
      {
        name: 'Hôtel Les Tilleuls Part-Dieu',
        address: '27 boulevard Marius Vivier Merle',
        postalCode: '69003',
        city: 'Lyon',
        area: 'lyon',
      },
      {
        name: 'Brasserie Les Tilleuls',
        address: "8 cours de l'Intendance",
        postalCode: '33000',
        city: 'Bordeaux',
        area: 'bordeaux',
      },
      {
        name: 'Hôtel Les Tilleuls Grand-Place',
        address: '5 rue de la Bourse',
        postalCode: '59000',
        city: 'Lille',
        area: 'lille',
      },
    ],
    insured: 120,
    contractStart: '2016-01-01',
    firstContractNumber: 101,
  },
  {
    seed: 2202,
    companyNumber: 'MH7804512',
    name: 'Le Comptoir Marseillais',
    siren: sirenWithKey('79038164'),
    identifierLabel: 'numero_adherent',
    establishments: [
      {
        name: 'Le Comptoir Marseillais Vieux-Port',
        address: '12 quai du Port',
        postalCode: '13002',
        city: 'Marseille',
        area: 'marseille',
      },
      {
        name: 'Le Comptoir Marseillais Aix-en-Provence',
        address: '31 cours Mirabeau',
        postalCode: '13100',
        city: 'Aix-en-Provence',
        area: 'aix',
      },
    ],
    insured: 60,
    contractStart: '2018-04-01',
    firstContractNumber: 211,
  },
  {
    seed: 3303,
    companyNumber: 'HCR0061377',
    name: 'Auberge U Santu Petru',
    siren: sirenWithKey('83417520'),
    identifierLabel: 'numero_entreprise',
    establishments: [
      {
        name: 'Auberge U Santu Petru',
        address: '6 cours Napoléon',
        postalCode: '20000',
        city: 'Ajaccio',
        area: 'ajaccio',
      },
    ],
    insured: 25,
    contractStart: '2019-01-01',
    firstContractNumber: 321,
  },
  {
    seed: 4404,
    companyNumber: 'HCR0072904',
    name: 'Café de la Bourse',
    siren: sirenWithKey('88160932'),
    identifierLabel: 'numero_entreprise',
    establishments: [
      {
        name: 'Café de la Bourse',
        address: '2 place de la Bourse',
        postalCode: '44000',
        city: 'Nantes',
        area: 'nantes',
      },
    ],
    insured: 35,
    contractStart: '2021-07-01',
    firstContractNumber: 431,
  },
];

/** The demo companies, to print at start and for tests. */
export const DEMO_COMPANIES: readonly CompanySummary[] = DEMO_DEFINITIONS.map(summaryOf);

const unactivated = DEMO_COMPANIES.find(
  (company) => company.companyNumber === 'HCR0072904',
) as CompanySummary;

/** Left not activated by the demo seed, so a newcomer can try "Activer mon espace". */
export const DEMO_UNACTIVATED_COMPANY = {
  siret: unactivated.mainSiret,
  companyNumber: unactivated.companyNumber,
  name: unactivated.name,
} as const;

/** Every row of the demo feed, all companies together. */
export function generateDemoRows(): BackOfficeRows {
  const registry = newRegistry();
  const all: BackOfficeRows = {
    entreprises: [],
    etablissements: [],
    contrats: [],
    assures: [],
    ayants_droit: [],
  };
  for (const definition of DEMO_DEFINITIONS) {
    const { rows } = buildCompany(definition, registry);
    all.entreprises.push(...rows.entreprises);
    all.etablissements.push(...rows.etablissements);
    all.contrats.push(...rows.contrats);
    all.assures.push(...rows.assures);
    all.ayants_droit.push(...rows.ayants_droit);
  }
  return all;
}

/** The demo feed: one CSV text per record kind. */
export function generateDemoDataset(): Record<BackOfficeRecordKind, string> {
  return toBackOfficeCsv(generateDemoRows());
}
