import { describe, expect, it } from 'vitest';
import { selectBiaFiles } from '../../../../web/src/features/bia/lib/documents';

const MB = 1024 * 1024;

describe('the files picked for a BIA document', () => {
  it('accepts PDF, JPEG and PNG up to 3 MB, with the type the API expects', () => {
    const selection = selectBiaFiles(
      [
        { name: 'rib.PDF', size: 10_000 },
        { name: 'attestation.jpeg', size: 3 * MB },
      ],
      'attestation',
      0,
    );
    expect(selection.accepted.map((item) => item.contentType)).toEqual(['application/pdf', 'image/jpeg']);
    expect(selection.rejected).toEqual([]);
  });

  it('refuses another format and a file over 3 MB, saying which and why', () => {
    const selection = selectBiaFiles(
      [
        { name: 'rib.docx', size: 100 },
        { name: 'scan.png', size: 3 * MB + 1 },
      ],
      'rib',
      0,
    );
    expect(selection.accepted).toEqual([]);
    expect(selection.rejected).toEqual([
      '« rib.docx » n’est pas d’un format accepté (PDF, JPEG ou PNG).',
      '« scan.png » fait 3\u00a0Mo : chaque fichier doit faire 3\u00a0Mo au plus.',
    ]);
  });

  it('keeps at most two files per document', () => {
    const selection = selectBiaFiles(
      [
        { name: 'page2.png', size: 100 },
        { name: 'page3.png', size: 100 },
      ],
      'attestation',
      1,
    );
    expect(selection.accepted.map((item) => item.file.name)).toEqual(['page2.png']);
    expect(selection.rejected[0]).toMatch(/« page3\.png » n’a pas été ajouté : 2 fichiers au plus/);
  });
});
