import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { callApi } from '../../support/api';
import { activateAndConfirm, browser, logIn, uniqueIp, type Browser } from '../../support/auth-flow';
import { freshCompany } from '../../support/fixtures';
import { resetConfigCache, config } from '../../../functions/runtime/config';
import { readObjectText } from '../../../functions/adapters/s3/object-store';
import { documentManifest, type DocumentManifestEntry } from '../../../functions/contracts/documents';
import { MANIFEST_KEY } from '../../../functions/use-cases/documents/storage-keys';
import { buildAllDocuments } from '../../../functions/use-cases/documents/publish-documents';
import { seedDocuments } from '../../../bin/local/seed-documents';

interface Listed {
  id: string;
  title: string;
  category: 'salaries' | 'guides';
  description: string;
  size: number;
  updatedAt: string;
}
interface Download {
  url: string;
  fileName: string;
  expiresAt: string;
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('Mes documents pratiques', () => {
  let who: Browser;
  let manifest: DocumentManifestEntry[];

  beforeAll(async () => {
    // This file also reads the documents bucket directly, as the stack's handlers do.
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    manifest = documentManifest.parse(
      JSON.parse(await readObjectText(config().DOCUMENTS_BUCKET, MANIFEST_KEY, 1e6)),
    );
    const admin = await activateAndConfirm(await freshCompany());
    who = browser(uniqueIp());
    await logIn(who, admin);
  });

  it('lists the five documents of the two categories, with their sizes and dates', async () => {
    const listed = await who.call<{ items: Listed[] }>('GET', '/documents');
    expect(listed.status).toBe(200);
    const byCategory = (category: Listed['category']) =>
      listed.body.items.filter((item) => item.category === category).map((item) => item.title);
    expect(byCategory('salaries')).toEqual(['Mandat de prélèvement SEPA', 'E-mail d’affiliation']);
    expect(byCategory('guides')).toEqual([
      'Guide utilisateur Espace Entreprise',
      'Guide utilisateur Espace Assuré',
      'Guide pratique Assurés',
    ]);
    for (const item of listed.body.items) {
      const published = manifest.find((entry) => entry.id === item.id)!;
      expect(item.size).toBe(published.size);
      expect(item.size).toBeGreaterThan(2_000);
      expect(item.updatedAt).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(item.description.length).toBeGreaterThan(20);
      expect(Object.keys(item).sort()).toEqual([
        'category',
        'description',
        'id',
        'size',
        'title',
        'updatedAt',
      ]);
    }
  });

  it('publishes the PDFs of the current content (the seed built them from the repository)', async () => {
    const built = await buildAllDocuments();
    expect(manifest.map(({ id, sha256: digest }) => ({ id, digest }))).toEqual(
      built.map(({ entry }) => ({ id: entry.id, digest: entry.sha256 })),
    );
  });

  it('downloads each PDF through a short-lived link, bytes as in the manifest', async () => {
    for (const entry of manifest) {
      const before = Date.now();
      const download = await who.call<Download>('POST', `/documents/${entry.id}/download`);
      expect(download.status, entry.id).toBe(200);
      expect(download.body.fileName).toBe(entry.fileName);
      const expiresIn = new Date(download.body.expiresAt).getTime() - before;
      expect(expiresIn).toBeGreaterThan(4 * 60_000);
      expect(expiresIn).toBeLessThanOrEqual(5 * 60_000 + 5_000);
      const file = await fetch(download.body.url);
      expect(file.status, entry.id).toBe(200);
      expect(file.headers.get('content-disposition')).toContain(entry.fileName);
      const bytes = new Uint8Array(await file.arrayBuffer());
      expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
      expect(bytes.byteLength).toBe(entry.size);
      expect(sha256(bytes)).toBe(entry.sha256);
    }
  });

  it('answers 404 DOCUMENT_NOT_FOUND for an id that is not published, 400 for one that is not a slug', async () => {
    const unknown = await who.call<{ code: string; message: string }>(
      'POST',
      '/documents/guide-inconnu/download',
    );
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('DOCUMENT_NOT_FOUND');
    expect(unknown.body.message).toMatch(/document/);
    const manifestItself = await who.call<{ code: string }>('POST', '/documents/manifest/download');
    expect(manifestItself.status).toBe(404);
    const notASlug = await who.call<{ code: string }>('POST', '/documents/Mandat_SEPA/download');
    expect(notASlug.status).toBe(400);
    expect(notASlug.body.code).toBe('VALIDATION_FAILED');
  });

  it('refuses anonymous callers (401)', async () => {
    expect((await callApi('GET', '/documents')).status).toBe(401);
    expect((await callApi('POST', '/documents/mandat-sepa/download', { body: {} })).status).toBe(401);
  });

  it('seeds idempotently: a second seed uploads nothing', async () => {
    const again = await seedDocuments();
    expect(again.uploaded).toEqual([]);
    expect(again.unchanged).toEqual(manifest.map((entry) => entry.id));
  });
});
