import { beforeAll, describe, expect, it } from 'vitest';
import {
  employeeWith,
  freshEmployer,
  PDF,
  PNG,
  preAffiliate,
  uploadBiaFile,
  type EmployeeCaller,
  type Employer,
} from '../../support/affiliation';
import type { ErrorAnswer } from '../../support/error-shape';

interface BiaPage {
  status: string;
  version: number;
  documents: { uploadId: string; kind: string; fileName: string; size: number }[];
}
const THREE_MB = 3 * 1024 * 1024;

describe('documents of the BIA (RIB, attestation de droits)', () => {
  let employer: Employer;

  beforeAll(async () => {
    employer = await freshEmployer();
  });

  async function openBia(): Promise<{ employee: EmployeeCaller; version: number }> {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    const page = await employee<BiaPage>('GET', '/bia');
    return { employee, version: page.body.version };
  }

  const saveDocuments = (employee: EmployeeCaller, version: number, documents: Record<string, string[]>) =>
    employee<BiaPage & ErrorAnswer>('PUT', '/bia/draft', { draft: { documents }, version });

  it('accepts a real PDF RIB and a PNG attestation, and lists them with their real size', async () => {
    const { employee, version } = await openBia();
    const rib = await uploadBiaFile(employee, 'rib', 'RIB Caisse d’Épargne.pdf', 'application/pdf', PDF);
    const attestation = await uploadBiaFile(employee, 'attestation', 'attestation.png', 'image/png', PNG);
    const saved = await saveDocuments(employee, version, { rib: [rib], attestation: [attestation] });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.documents).toEqual([
      { uploadId: rib, kind: 'rib', fileName: 'RIB Caisse d’Épargne.pdf', size: PDF.length },
      { uploadId: attestation, kind: 'attestation', fileName: 'attestation.png', size: PNG.length },
    ]);
    // Saved again unchanged: the files already checked are still accepted.
    const again = await saveDocuments(employee, saved.body.version, {
      rib: [rib],
      attestation: [attestation],
    });
    expect(again.status).toBe(200);
    expect((await employee<BiaPage>('GET', '/bia')).body.documents).toHaveLength(2);
  });

  it('refuses a text file named .pdf, naming the document: it is not a PDF, JPEG or PNG', async () => {
    const { employee, version } = await openBia();
    const fake = await uploadBiaFile(
      employee,
      'rib',
      'rib.pdf',
      'application/pdf',
      Buffer.from('Ceci est un simple fichier texte, pas un PDF.\n'),
    );
    const refused = await saveDocuments(employee, version, { rib: [fake] });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BIA_DOCUMENT_DISGUISED');
    expect(refused.body.fields).toEqual({
      'draft.documents.rib.0': 'Le RIB (« rib.pdf ») n’est pas un PDF, JPEG ou PNG valide : il a été refusé.',
    });
    expect((await employee<BiaPage>('GET', '/bia')).body).toMatchObject({ status: 'sent', documents: [] });
  });

  it('refuses a file over 3 MB: at once when declared, on saving when the storage got a bigger one', async () => {
    const { employee, version } = await openBia();
    const declared = await employee<ErrorAnswer>('POST', '/bia/uploads', {
      kind: 'attestation',
      fileName: 'scan.pdf',
      contentType: 'application/pdf',
      size: THREE_MB + 1,
    });
    expect(declared.status).toBe(400);
    expect(declared.body.fields?.size).toBe('Chaque fichier doit faire 3 Mo au plus.');
    // The browser declared 2 KB, then sent 3 MB + a PDF: the server measures what was stored.
    const lying = await uploadBiaFile(
      employee,
      'attestation',
      'scan.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(THREE_MB)]),
      2000,
    );
    const refused = await saveDocuments(employee, version, { attestation: [lying] });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('BIA_DOCUMENT_TOO_LARGE');
    expect(refused.body.fields?.['draft.documents.attestation.0']).toBe(
      'L’attestation de droits Sécurité sociale (« scan.pdf ») dépasse 3 Mo : elle a été refusée.',
    );
  });

  it('refuses a type other than PDF, JPEG or PNG before any upload, and a name that lies about the type', async () => {
    const { employee } = await openBia();
    const gif = await employee<ErrorAnswer>('POST', '/bia/uploads', {
      kind: 'rib',
      fileName: 'rib.gif',
      contentType: 'image/gif',
      size: 1000,
    });
    expect(gif.status).toBe(400);
    expect(gif.body.code).toBe('VALIDATION_FAILED');
    expect(gif.body.fields?.contentType).toBe('Formats acceptés : PDF, JPEG ou PNG.');
    const mismatch = await employee<ErrorAnswer>('POST', '/bia/uploads', {
      kind: 'rib',
      fileName: 'rib.exe',
      contentType: 'application/pdf',
      size: 1000,
    });
    expect(mismatch.status).toBe(422);
    expect(mismatch.body.fields?.fileName).toBe('Le nom « rib.exe » ne correspond pas à un fichier PDF.');
  });

  it('keeps at most two files per document: a third is refused, in the draft and at upload', async () => {
    const { employee, version } = await openBia();
    const files = [
      await uploadBiaFile(employee, 'attestation', 'page-1.png', 'image/png', PNG),
      await uploadBiaFile(employee, 'attestation', 'page-2.png', 'image/png', PNG),
      await uploadBiaFile(employee, 'attestation', 'page-3.png', 'image/png', PNG),
    ];
    const three = await saveDocuments(employee, version, { attestation: files });
    expect(three.status).toBe(400);
    expect(three.body.fields?.['draft.documents.attestation']).toBe('2 fichiers au plus par document.');

    const two = await saveDocuments(employee, version, { attestation: files.slice(0, 2) });
    expect(two.status, JSON.stringify(two.body)).toBe(200);
    const another = await employee<ErrorAnswer>('POST', '/bia/uploads', {
      kind: 'attestation',
      fileName: 'page-4.png',
      contentType: 'image/png',
      size: PNG.length,
    });
    expect(another.status).toBe(422);
    expect(another.body.code).toBe('BIA_DOCUMENTS_PER_KIND');
    expect(another.body.fields?.kind).toBe(
      'L’attestation de droits Sécurité sociale compte déjà 2 fichiers : retirez-en un avant d’en ajouter un autre.',
    );
    // Another document still has room.
    expect(
      (
        await employee('POST', '/bia/uploads', {
          kind: 'rib',
          fileName: 'rib.pdf',
          contentType: 'application/pdf',
          size: PDF.length,
        })
      ).status,
    ).toBe(201);
  });

  it('refuses a file that never reached the storage, one listed twice, and one of another document', async () => {
    const { employee, version } = await openBia();
    const granted = await employee<{ uploadId: string }>('POST', '/bia/uploads', {
      kind: 'rib',
      fileName: 'rib.pdf',
      contentType: 'application/pdf',
      size: PDF.length,
    });
    const missing = await saveDocuments(employee, version, { rib: [granted.body.uploadId] });
    expect(missing.status).toBe(422);
    expect(missing.body.fields?.['draft.documents.rib.0']).toBe(
      'Le RIB (« rib.pdf ») n’a pas été reçu : déposez le fichier de nouveau.',
    );

    const rib = await uploadBiaFile(employee, 'rib', 'rib.pdf', 'application/pdf', PDF);
    const twice = await saveDocuments(employee, version, { rib: [rib, rib] });
    expect(twice.status).toBe(422);
    expect(twice.body.code).toBe('BIA_DOCUMENT_DUPLICATE');

    const asAttestation = await saveDocuments(employee, version, { attestation: [rib] });
    expect(asAttestation.status).toBe(422);
    expect(asAttestation.body.code).toBe('BIA_DOCUMENT_UNKNOWN');
  });

  it('never accepts a file uploaded for another employee’s BIA', async () => {
    const other = await openBia();
    const theirs = await uploadBiaFile(other.employee, 'rib', 'rib.pdf', 'application/pdf', PDF);
    const { employee, version } = await openBia();
    const refused = await saveDocuments(employee, version, { rib: [theirs] });
    expect(refused.status).toBe(422);
    expect(refused.body.fields?.['draft.documents.rib.0']).toBe(
      'Le RIB est introuvable : déposez le fichier de nouveau.',
    );
  });

  it('grants at most 20 upload slots per journey', async () => {
    const { employee } = await openBia();
    const ask = () =>
      employee<ErrorAnswer>('POST', '/bia/uploads', {
        kind: 'other',
        fileName: 'justificatif.jpg',
        contentType: 'image/jpeg',
        size: 1000,
      });
    for (let slot = 1; slot <= 20; slot++) expect((await ask()).status).toBe(201);
    const refused = await ask();
    expect(refused.status).toBe(429);
    expect(refused.body.code).toBe('BIA_UPLOAD_LIMIT');
    expect(refused.body.message).toMatch(/Trop de fichiers/);
  });
});
