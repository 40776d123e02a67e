import { describe, expect, it } from 'vitest';
import {
  ACCEPT_ATTRIBUTE,
  attachmentIndex,
  checkFile,
  contentTypeOf,
  selectFiles,
} from '../../../../web/src/features/contact/lib/attachments';

const MB = 1024 * 1024;

describe('the files a user attaches to a message', () => {
  it('knows the formats of the guide by their extension, whatever the case', () => {
    expect(contentTypeOf('RIB.PDF')).toBe('application/pdf');
    expect(contentTypeOf('photo.jpeg')).toBe('image/jpeg');
    expect(contentTypeOf('photo.jpg')).toBe('image/jpeg');
    expect(contentTypeOf('scan.png')).toBe('image/png');
    expect(contentTypeOf('lettre.docx')).toMatch(/wordprocessingml/);
    expect(contentTypeOf('tableau.xlsx')).toMatch(/spreadsheetml/);
    expect(contentTypeOf('vieux.doc')).toBeUndefined();
    expect(contentTypeOf('sans-extension')).toBeUndefined();
    expect(ACCEPT_ATTRIBUTE).toContain('.pdf');
  });

  it('refuses another format, an empty file and a file over 3 MB, saying which and why', () => {
    expect(checkFile({ name: 'virus.exe', size: 10 })).toEqual({
      ok: false,
      message: '« virus.exe » n’est pas d’un format accepté (PDF, JPEG, PNG, Word (.docx) ou Excel (.xlsx)).',
    });
    expect(checkFile({ name: 'vide.pdf', size: 0 })).toEqual({
      ok: false,
      message: '« vide.pdf » est vide.',
    });
    const big = checkFile({ name: 'gros.pdf', size: 3 * MB + 1 });
    expect(big.ok).toBe(false);
    expect(!big.ok && big.message).toMatch(
      /« gros\.pdf » fait 3\sMo : chaque fichier doit faire 3\sMo au plus\./,
    );
    expect(checkFile({ name: 'juste.pdf', size: 3 * MB })).toEqual({
      ok: true,
      contentType: 'application/pdf',
    });
  });

  it('keeps four files at most per message', () => {
    const files = ['a.pdf', 'b.pdf', 'c.pdf'].map((name) => ({ name, size: 100 }));
    const selection = selectFiles(files, 2);
    expect(selection.accepted.map((entry) => entry.file.name)).toEqual(['a.pdf', 'b.pdf']);
    expect(selection.rejected).toEqual([
      '« c.pdf » n’a pas été ajouté : 4 pièces jointes au plus par message.',
    ]);
  });

  it('does not count a refused file against the four', () => {
    const selection = selectFiles(
      [
        { name: 'x.txt', size: 1 },
        { name: 'ok.png', size: 1 },
      ],
      3,
    );
    expect(selection.accepted.map((entry) => entry.file.name)).toEqual(['ok.png']);
    expect(selection.rejected).toHaveLength(1);
  });

  it('reads which file the API refused from its field name', () => {
    expect(attachmentIndex('attachments.0')).toBe(0);
    expect(attachmentIndex('attachments.3')).toBe(3);
    expect(attachmentIndex('attachments')).toBeUndefined();
    expect(attachmentIndex('subject')).toBeUndefined();
  });
});
