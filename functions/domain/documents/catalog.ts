import type { PracticalDocument } from './model';
import { sepaMandate } from './sepa-mandate';
import { affiliationEmail } from './affiliation-email';
import { employerGuide } from './employer-guide';
import { insuredSpaceGuide } from './insured-space-guide';
import { insuredPracticalGuide } from './insured-practical-guide';

/** Every document of "Mes documents pratiques", in the order the page lists them. */
export const practicalDocuments: readonly PracticalDocument[] = [
  sepaMandate,
  affiliationEmail,
  employerGuide,
  insuredSpaceGuide,
  insuredPracticalGuide,
];

/** The file a document is published as (build output, S3 key, download name). */
export const documentFileName = (document: Pick<PracticalDocument, 'id'>): string => `${document.id}.pdf`;
