import { inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { practicalDocuments } from '../../../functions/domain/documents/catalog';
import { sectionTitles, type PracticalDocument } from '../../../functions/domain/documents/model';
import { EXAMPLE_CREDITOR_ID } from '../../../functions/domain/documents/sepa-mandate';
import { frenchSpacing, renderPracticalDocument } from '../../../functions/adapters/pdf/documents';
import { sha256 } from '../../../functions/use-cases/documents/publish-documents';
import { pdfText } from '../../support/pdf-text';

/** The text as a reader sees it: lines and the non-breaking spaces of French typography folded. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

/** The text of each page on its own (each page copied into a one-page PDF). */
async function pageTexts(bytes: Uint8Array): Promise<string[]> {
  const source = await PDFDocument.load(bytes);
  const texts: string[] = [];
  for (const index of source.getPageIndices()) {
    const single = await PDFDocument.create();
    const [page] = await single.copyPages(source, [index]);
    single.addPage(page!);
    texts.push(flat(pdfText(await single.save())));
  }
  return texts;
}

interface Rendered {
  document: PracticalDocument;
  bytes: Uint8Array;
  text: string;
  pages: string[];
}

const rendered = new Map<string, Rendered>();
const get = (id: string) => rendered.get(id)!;

beforeAll(async () => {
  for (const document of practicalDocuments) {
    const bytes = await renderPracticalDocument(document);
    rendered.set(document.id, { document, bytes, text: flat(pdfText(bytes)), pages: await pageTexts(bytes) });
  }
});

describe('every practical document', () => {
  it.each(practicalDocuments.map((document) => [document.id]))('%s renders to an A4 PDF', async (id) => {
    const { bytes, document } = get(id);
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
    for (const page of pdf.getPages()) {
      expect(page.getWidth()).toBeCloseTo(595.28, 1);
      expect(page.getHeight()).toBeCloseTo(841.89, 1);
    }
    expect(pdf.getTitle()).toBe(document.title);
    expect(pdf.getAuthor()).toBe('HCR Bien-Être — Malakoff Humanis');
    // The dates are the content's version, not the time of the build.
    expect(pdf.getCreationDate()?.toISOString()).toBe(`${document.version}T00:00:00.000Z`);
    expect(pdf.getModificationDate()?.toISOString()).toBe(`${document.version}T00:00:00.000Z`);
  });

  it.each(practicalDocuments.map((document) => [document.id]))('%s numbers its pages "Page n / N"', (id) => {
    const { pages, document } = get(id);
    pages.forEach((text, index) => {
      expect(text).toContain(`Page ${index + 1} / ${pages.length}`);
      expect(text).toContain(document.version.split('-').reverse().join('/'));
    });
    // Every page but the first carries the running header.
    for (const text of pages.slice(1)) expect(text).toContain(`HCR Bien-Être — ${document.title}`);
  });

  it.each(practicalDocuments.map((document) => [document.id]))('%s shows every one of its headings', (id) => {
    const { text, document } = get(id);
    const headings = document.blocks.flatMap((block) => (block.kind === 'heading' ? [block.text] : []));
    for (const heading of headings) expect(text).toContain(flat(frenchSpacing(heading)));
  });

  it('renders the same bytes twice (deterministic builds)', async () => {
    for (const document of practicalDocuments) {
      const again = await renderPracticalDocument(document);
      expect(sha256(again), document.id).toBe(sha256(get(document.id).bytes));
    }
  });

  it('gives each page count its expected range', () => {
    const pageCount = (id: string) => get(id).pages.length;
    expect(pageCount('mandat-sepa')).toBe(2);
    expect(pageCount('email-affiliation')).toBe(2);
    expect(pageCount('guide-espace-entreprise')).toBeGreaterThanOrEqual(7);
    expect(pageCount('guide-espace-assure')).toBeGreaterThanOrEqual(3);
    expect(pageCount('guide-pratique-assures')).toBeGreaterThanOrEqual(4);
  });

  it('gives the PDF fonts their glyph widths, so viewers that substitute fonts space words as measured', () => {
    const raw = Buffer.from(get('mandat-sepa').bytes).toString('latin1');
    const decoded = pdfTextOfObjects(raw);
    expect(decoded).toMatch(/\/BaseFont \/Helvetica[\s\S]*?\/Widths/);
  });
});

/** The uncompressed PDF objects plus the inflated object streams, as text. */
function pdfTextOfObjects(raw: string): string {
  const parts = [raw];
  let from = 0;
  for (;;) {
    const start = raw.indexOf('stream', from);
    if (start < 0) break;
    const dataStart = start + (raw[start + 6] === '\r' ? 8 : 7);
    const end = raw.indexOf('endstream', dataStart);
    if (end < 0) break;
    try {
      parts.push(inflateSync(Buffer.from(raw.slice(dataStart, end), 'latin1')).toString('latin1'));
    } catch {
      // Not a deflated stream.
    }
    from = end + 9;
  }
  return parts.join('\n');
}

describe('the guides', () => {
  const guides = practicalDocuments.filter((document) => document.layout === 'guide');

  it.each(guides.map((document) => [document.id]))(
    '%s opens on a title page whose contents point at the page each section starts on',
    (id) => {
      const { pages, document } = get(id);
      expect(pages[0]).toContain(document.title);
      expect(pages[0]).toContain('Sommaire');
      const sections = sectionTitles(document);
      expect(sections.length).toBeGreaterThan(3);
      for (const title of sections) {
        const shown = flat(frenchSpacing(title));
        const listed = pages[0]!.match(new RegExp(`${escape(shown)}[ .]*?(\\d+)(?= |$)`));
        expect(listed, title).not.toBeNull();
        const pageNumber = Number(listed![1]);
        expect(pages[pageNumber - 1], `${title} on page ${pageNumber}`).toContain(shown);
      }
    },
  );

  it('walks through every screen of the Espace Entreprise', () => {
    const { text } = get('guide-espace-entreprise');
    for (const words of [
      'Activer mon espace',
      'numéro de SIRET',
      'identifiant entreprise',
      'Comment retrouver votre identifiant entreprise ?',
      'Numéro d’adhérent',
      'établissement principal',
      'double authentification',
      'Envoyer le code',
      'Continuer',
      'à partir de 3 mois',
      'Mes habilitations',
      'Administrateur',
      'Utilisateur',
      'Ajouter un utilisateur à mon espace entreprise',
      'renvoyer le lien',
      'désactiver temporairement',
      'Ajouter un établissement au périmètre suivi',
      'Mot de passe oublié ?',
      'focus sur vos affiliations',
      'Mes contrats',
      'Contrat employeur',
      'télécharger le certificat d’affiliation',
      'Salariés affiliés',
      'Exporter',
      'Pré-affilier un salarié',
      'Suivi des affiliations',
      'Envoyé à l’employé',
      'Démarré par le salarié',
      'Finalisé par le salarié',
      'Abandonné',
      'Relancer',
      'Suivi des anomalies d’affiliation',
      'forcer l’affiliation',
      'forcer la radiation',
      'Radiation (contexte sans DSN)',
      'portabilité',
      'dans la limite de 12 mois',
      'Mes documents pratiques',
      'Nous contacter',
      'Information sur les cotisations',
      'Transmettre des documents pour mon salarié',
      '4 documents',
      '3 Mo',
      'chatbot',
      'Besoin d’aide ?',
      '01 44 20 80 63',
      'du lundi au vendredi de 9h00 à 17h00',
      'non surtaxé',
    ]) {
      expect(text, words).toContain(words);
    }
  });

  it('tells the insured how to use their space and Noémie', () => {
    const { text } = get('guide-espace-assure');
    for (const words of [
      'site de votre assureur',
      'remboursements',
      'carte de tiers payant',
      'attestations',
      'ayants droit',
      'coordonnées bancaires',
      'Noémie',
      'Nous contacter',
    ]) {
      expect(text, words).toContain(words);
    }
  });

  it('explains reimbursement, portabilité and the legal dispenses to the insured', () => {
    const { text } = get('guide-pratique-assures');
    for (const words of [
      'd’abord par l’Assurance Maladie',
      'tiers payant',
      'Noémie',
      'ayants droit',
      'Mariage, PACS',
      'Naissance, adoption',
      'Déménagement',
      'Nouveau compte bancaire',
      'portabilité',
      'dans la limite de 12 mois',
      'Complémentaire santé solidaire',
      'contrat individuel',
      'autre régime collectif obligatoire',
      'moins de 3 mois',
      'décision unilatérale de l’employeur (DUE)',
      'Contacts utiles',
    ]) {
      expect(text, words).toContain(words);
    }
  });
});

describe('the SEPA mandate', () => {
  it('holds every mandatory mention and field of a SEPA Direct Debit mandate', () => {
    const { text } = get('mandat-sepa');
    for (const words of [
      'Mandat de prélèvement SEPA',
      // The authorisation given to the creditor and to the bank.
      'vous autorisez HCR Bien-Être — Malakoff Humanis à transmettre à votre banque des instructions',
      'vous autorisez votre banque à débiter votre compte',
      // The refund right and where the debtor's rights are explained.
      'dans les 8 semaines',
      'Vos droits concernant le présent mandat sont expliqués dans un document que vous pouvez obtenir auprès de votre banque',
      // Creditor.
      'Créancier',
      'Identifiant créancier SEPA (ICS)',
      EXAMPLE_CREDITOR_ID,
      'identifiant donné à titre d’exemple',
      '21 rue Laffitte, 75009 Paris',
      // Mandate reference, debtor, account, payment type, place, date, signature.
      'Référence unique du mandat (RUM)',
      'Débiteur',
      'Nom',
      'Prénom',
      'Adresse',
      'Code postal',
      'Ville',
      'Pays',
      'IBAN',
      'BIC',
      'Paiement récurrent / répétitif',
      'Fait à',
      'Le (JJ/MM/AAAA)',
      'Signature du titulaire du compte',
      'relevé d’identité bancaire (RIB)',
    ]) {
      expect(text.toLowerCase(), words).toContain(flat(frenchSpacing(words)).toLowerCase());
    }
  });

  it('fits the whole form on its first page, the notice on the second', () => {
    const [form, notice] = get('mandat-sepa').pages;
    for (const words of ['RUM', 'dans les 8 semaines', 'IBAN', 'BIC', 'Type de paiement', 'Signature']) {
      expect(form, words).toContain(words);
    }
    expect(notice).toContain('Notice');
    expect(notice).toContain('relevé d’identité bancaire (RIB)');
  });

  it('has 34 IBAN boxes and 11 BIC boxes', () => {
    const mandate = practicalDocuments.find((document) => document.id === 'mandat-sepa')!;
    const boxes = mandate.blocks.flatMap((block) =>
      block.kind === 'charBoxes'
        ? [block]
        : block.kind === 'columns'
          ? block.columns.flatMap((column) => column.blocks.filter((inner) => inner.kind === 'charBoxes'))
          : [],
    );
    expect(boxes.map((box) => [box.label.slice(0, 4).trim(), box.count])).toEqual([
      ['IBAN', 34],
      ['BIC', 11],
    ]);
  });
});

describe('the affiliation e-mail', () => {
  it('is a template with placeholders, saying who writes, why, and what to do', () => {
    const { text } = get('email-affiliation');
    for (const words of [
      'Objet',
      '[Prénom]',
      '[Entreprise]',
      '[Lien personnel sécurisé]',
      'valable [N] jours',
      'collective et obligatoire',
      'bulletin individuel d’affiliation (BIA)',
      'RIB',
      'attestation de droits',
      'ayants droit',
      'télétransmission Noémie',
      'dispensé(e) d’adhésion',
      'par courrier',
      '01 44 20 80 63',
    ]) {
      expect(text, words).toContain(words);
    }
  });
});

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
