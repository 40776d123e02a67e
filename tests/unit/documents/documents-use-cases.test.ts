import { describe, expect, it, vi } from 'vitest';
import { DomainError } from '../../../functions/domain/errors';
import { practicalDocuments } from '../../../functions/domain/documents/catalog';
import { DOCUMENT_CATEGORIES } from '../../../functions/domain/documents/model';
import {
  documentId,
  documentManifest,
  documentParams,
  listDocumentsResponse,
  type DocumentManifestEntry,
} from '../../../functions/contracts/documents';
import {
  cachedFor,
  getDocument,
  listDocuments,
  type DocumentPorts,
} from '../../../functions/use-cases/documents/documents';
import {
  buildAllDocuments,
  manifestJson,
  sha256,
} from '../../../functions/use-cases/documents/publish-documents';
import { MANIFEST_KEY, documentKey } from '../../../functions/use-cases/documents/storage-keys';

const entry = (id: string, category: 'salaries' | 'guides' = 'guides'): DocumentManifestEntry => ({
  id,
  title: `Titre ${id}`,
  category,
  description: 'Description.',
  fileName: `${id}.pdf`,
  size: 1234,
  updatedAt: '2026-11-24',
  sha256: 'a'.repeat(64),
});

function ports(manifest: DocumentManifestEntry[]): DocumentPorts & { downloads: string[] } {
  const downloads: string[] = [];
  return {
    downloads,
    manifest: async () => manifest,
    downloadUrl: async (key, fileName) => {
      downloads.push(key);
      return { url: `https://bucket/${key}?signed`, fileName, expiresAt: '2026-11-24T10:05:00.000Z' };
    },
  };
}

describe('the catalog', () => {
  it('lists the five documents of the user guide in their two categories', () => {
    const byCategory = Object.fromEntries(
      DOCUMENT_CATEGORIES.map((category) => [
        category,
        practicalDocuments
          .filter((document) => document.category === category)
          .map((document) => document.title),
      ]),
    );
    expect(byCategory).toEqual({
      salaries: ['Mandat de prélèvement SEPA', 'E-mail d’affiliation'],
      guides: [
        'Guide utilisateur Espace Entreprise',
        'Guide utilisateur Espace Assuré',
        'Guide pratique Assurés',
      ],
    });
  });

  it('gives each document a unique slug, a description and a real version date', () => {
    const ids = practicalDocuments.map((document) => document.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const document of practicalDocuments) {
      expect(documentId.safeParse(document.id).success, document.id).toBe(true);
      expect(document.description.length).toBeGreaterThan(40);
      expect(new Date(`${document.version}T00:00:00Z`).toISOString().slice(0, 10)).toBe(document.version);
    }
  });
});

describe('the build', () => {
  it('describes each PDF in a manifest that the API can read, dated by the content version', async () => {
    const built = await buildAllDocuments();
    const manifest = documentManifest.parse(
      JSON.parse(manifestJson(built.map((document) => document.entry))),
    );
    expect(manifest.map((document) => document.id)).toEqual(
      practicalDocuments.map((document) => document.id),
    );
    built.forEach(({ entry: described, bytes }, index) => {
      expect(described.fileName).toBe(`${described.id}.pdf`);
      expect(described.size).toBe(bytes.byteLength);
      expect(described.sha256).toBe(sha256(bytes));
      expect(described.updatedAt).toBe(practicalDocuments[index]!.version);
    });
  });

  it('is reproducible: two builds give the same manifest, byte for byte', async () => {
    const first = manifestJson((await buildAllDocuments()).map((document) => document.entry));
    const second = manifestJson((await buildAllDocuments()).map((document) => document.entry));
    expect(second).toBe(first);
  });

  it('publishes under documents/ in the bucket', () => {
    expect(MANIFEST_KEY).toBe('documents/manifest.json');
    expect(documentKey('mandat-sepa.pdf')).toBe('documents/mandat-sepa.pdf');
  });
});

describe('listDocuments', () => {
  it('returns the manifest’s documents without their file details', async () => {
    const result = await listDocuments(
      ports([entry('mandat-sepa', 'salaries'), entry('guide-pratique-assures')]),
    )();
    expect(listDocumentsResponse.strict().parse(result)).toEqual(result);
    expect(result.items).toEqual([
      {
        id: 'mandat-sepa',
        title: 'Titre mandat-sepa',
        category: 'salaries',
        description: 'Description.',
        size: 1234,
        updatedAt: '2026-11-24',
      },
      expect.objectContaining({ id: 'guide-pratique-assures', category: 'guides' }),
    ]);
    expect(Object.keys(result.items[0]!)).not.toContain('sha256');
  });
});

describe('getDocument', () => {
  it('signs a download of the document’s object', async () => {
    const wired = ports([entry('mandat-sepa', 'salaries')]);
    const download = await getDocument(wired)('mandat-sepa');
    expect(download.fileName).toBe('mandat-sepa.pdf');
    expect(wired.downloads).toEqual(['documents/mandat-sepa.pdf']);
  });

  it('refuses an id that is not in the manifest (404 DOCUMENT_NOT_FOUND), whatever its shape', async () => {
    const wired = ports([entry('mandat-sepa', 'salaries')]);
    for (const id of ['guide-inconnu', 'manifest', '../documents/mandat-sepa']) {
      const error = await getDocument(wired)(id).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(DomainError);
      expect(error).toMatchObject({ code: 'NOT_FOUND', reason: 'DOCUMENT_NOT_FOUND' });
    }
    expect(wired.downloads).toEqual([]);
  });

  it('only accepts slugs in the path', () => {
    for (const id of ['mandat-sepa', 'guide-espace-entreprise', 'a1']) {
      expect(documentParams.safeParse({ documentId: id }).success, id).toBe(true);
    }
    for (const id of [
      '',
      'Mandat-SEPA',
      '../manifest',
      'mandat_sepa',
      'mandat--sepa',
      '-x',
      'x'.repeat(65),
    ]) {
      expect(documentParams.safeParse({ documentId: id }).success, id).toBe(false);
    }
  });
});

describe('cachedFor', () => {
  it('reads once per period, then again when it is over', async () => {
    let now = 1_000;
    const load = vi.fn(async () => now);
    const cached = cachedFor(load, { nowMs: () => now }, 60_000);
    expect(await cached()).toBe(1_000);
    now += 59_999;
    expect(await cached()).toBe(1_000);
    expect(load).toHaveBeenCalledTimes(1);
    now += 1;
    expect(await cached()).toBe(61_000);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('shares one read between concurrent callers and does not keep a failure', async () => {
    let fail = true;
    const load = vi.fn(async () => {
      if (fail) throw new Error('S3 down');
      return 'manifest';
    });
    const cached = cachedFor(load, { nowMs: () => 0 }, 60_000);
    const results = await Promise.allSettled([cached(), cached()]);
    expect(results.map((result) => result.status)).toEqual(['rejected', 'rejected']);
    expect(load).toHaveBeenCalledTimes(1);
    fail = false;
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(await cached()).toBe('manifest');
  });
});
