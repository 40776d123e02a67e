import { describe, expect, it } from 'vitest';
import { answerBlocks, telHref } from '../../../../web/src/features/chatbot/lib/answer-text';

describe('an answer of the knowledge base, as blocks', () => {
  it('makes paragraphs of text separated by blank lines', () => {
    expect(answerBlocks('Premier.\n\nSecond, sur\ndeux lignes.')).toEqual([
      { kind: 'paragraph', text: 'Premier.' },
      { kind: 'paragraph', text: 'Second, sur deux lignes.' },
    ]);
  });

  it('makes a list of lines starting with "• ", after the sentence that introduces it', () => {
    expect(
      answerBlocks('Elle est demandée :\n• un nouveau navigateur ;\n• une autre adresse IP.\n\nFin.'),
    ).toEqual([
      { kind: 'paragraph', text: 'Elle est demandée :' },
      { kind: 'list', items: ['un nouveau navigateur ;', 'une autre adresse IP.'] },
      { kind: 'paragraph', text: 'Fin.' },
    ]);
  });

  it('ignores empty lines and spaces around', () => {
    expect(answerBlocks('  \n\n  Seul paragraphe.  \n\n\n')).toEqual([
      { kind: 'paragraph', text: 'Seul paragraphe.' },
    ]);
  });
});

describe('a phone number as a tel: link', () => {
  it('turns a French number into its international form', () => {
    expect(telHref('01 44 20 80 63')).toBe('tel:+33144208063');
    expect(telHref('+33 1 44 20 80 63')).toBe('tel:+33144208063');
  });

  it('gives nothing for anything else', () => {
    expect(telHref('le standard')).toBeUndefined();
  });
});
