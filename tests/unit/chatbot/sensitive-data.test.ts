import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNir, nirFor } from '../../../functions/domain/nir';
import { isValidIban } from '../../../functions/domain/iban';
import { guardQuestion } from '../../../functions/domain/chatbot/sensitive-data';
import { SENSITIVE_DATA_WARNING } from '../../../functions/domain/chatbot/knowledge-base';
import { createChatbot } from '../../../functions/use-cases/chatbot/ask-chatbot';

const chatbot = createChatbot();
const ask = (question: string, signedIn = false) => chatbot.ask({ question, context: { signedIn } });

/** A valid French IBAN for a 23-character BBAN (ISO 13616 check digits). */
function frenchIban(bban: string): string {
  const rearranged = `${bban}FR00`.replace(/[A-Z]/g, (letter) => String(letter.charCodeAt(0) - 55));
  let remainder = 0;
  for (const digit of rearranged) remainder = (remainder * 10 + Number(digit)) % 97;
  return `FR${String(98 - remainder).padStart(2, '0')}${bban}`;
}
const groupsOf4 = (value: string) => value.replace(/(.{4})/g, '$1 ').trim();

const nirArbitrary = fc
  .record({
    sex: fc.constantFrom(1 as const, 2 as const),
    birthYear: fc.integer({ min: 1940, max: 2008 }),
    birthMonth: fc.integer({ min: 1, max: 12 }),
    place: fc.oneof(
      fc.tuple(
        fc.integer({ min: 1, max: 95 }).map((d) => String(d).padStart(2, '0')),
        fc.integer({ min: 1, max: 999 }),
      ),
      fc.tuple(fc.constantFrom('2A', '2B'), fc.integer({ min: 1, max: 366 })),
    ),
    order: fc.integer({ min: 1, max: 999 }).map((o) => String(o).padStart(3, '0')),
  })
  .filter(({ place }) => place[0] !== '20')
  .map(({ sex, birthYear, birthMonth, place, order }) =>
    nirFor({
      sex,
      birthYear,
      birthMonth,
      department: place[0],
      commune: String(place[1]).padStart(3, '0'),
      order,
    }),
  );

const ibanArbitrary = fc.stringMatching(/^[0-9]{23}$/).map(frenchIban);

/** The ways people write a number: compact, grouped as printed, with dots or dashes. */
const written = (compact: string, style: number, grouping: (value: string) => string) =>
  [compact, grouping(compact), grouping(compact).replace(/ /g, '.'), grouping(compact).replace(/ /g, '-')][
    style % 4
  ]!;

describe('privacy guard of the assistant', () => {
  it('cuts NIRs out, with or without spaces, Corsican ones included', () => {
    for (const nir of [
      '1 85 05 78 006 084 36',
      '185057800608436',
      '1850578006084',
      '2 90 02 2A 004 012 57',
      '290022B00401270',
    ]) {
      const guarded = guardQuestion(`mon salarié ${nir} n'apparaît pas`);
      expect(guarded.found).toEqual(['nir']);
      expect(guarded.text).not.toMatch(/\d{3}/);
      expect(guarded.text).toContain("n'apparaît pas");
    }
  });

  it('cuts IBANs out, grouped by four, compact or lower case', () => {
    for (const iban of [
      'FR76 3000 6000 0112 3456 7890 189',
      'FR7630006000011234567890189',
      'fr76 3000 6000 0112 3456 7890 189',
    ]) {
      const guarded = guardQuestion(`voici mon IBAN : ${iban} merci`);
      expect(guarded.found).toContain('iban');
      expect(guarded.text).not.toMatch(/\d/);
      expect(guarded.text).toContain('merci');
    }
  });

  it('cuts card and account numbers out', () => {
    expect(guardQuestion('carte 4970 1012 3456 7890 exp 12/27').found).toEqual(['card']);
    expect(guardQuestion('compte 30006 00001 12345678901 89').found).toEqual(['bankAccount']);
  });

  it('leaves ordinary numbers alone, and quietly removes a SIRET without a warning', () => {
    for (const question of [
      'portabilité de 12 mois pour la fin de CDD',
      'appeler le 01 44 20 80 63',
      'de 12 mois pour la',
      '4 pièces jointes de 3 Mo',
    ]) {
      expect(guardQuestion(question)).toEqual({ text: question, found: [] });
    }
    const withSiret = guardQuestion('mon siret 881 609 325 00017 est refusé');
    expect(withSiret.found).toEqual([]);
    expect(withSiret.text).not.toMatch(/\d{3}/);
  });

  it('never echoes a NIR or an IBAN, and answers as if it had not been typed', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          nirArbitrary.map((nir) => ({ kind: 'nir', value: nir, grouping: formatNir })),
          ibanArbitrary.map((iban) => ({ kind: 'iban', value: iban, grouping: groupsOf4 })),
        ),
        fc.nat(),
        fc.constantFrom(
          "j'ai pas reçu le code sms",
          'comment radier ce salarié',
          'son affiliation est bloquée',
          '',
        ),
        fc.boolean(),
        ({ value, grouping }, style, words, signedIn) => {
          const number = written(value, style, grouping);
          const { response, outcome } = ask(`${words} ${number}`.trim(), signedIn);
          const serialized = JSON.stringify(response);
          expect(serialized).not.toContain(value);
          expect(serialized).not.toContain(number);
          // No fragment of it either (any 6 consecutive characters of the compact number).
          for (let start = 0; start + 6 <= value.length; start++)
            expect(serialized).not.toContain(value.slice(start, start + 6));
          expect(response.warning).toBe(SENSITIVE_DATA_WARNING);
          expect(outcome.sensitiveData.length).toBeGreaterThan(0);
          const without = ask(words || ' ', signedIn).response;
          expect({ ...response, warning: null }).toEqual(words ? without : { ...response, warning: null });
        },
      ),
      { numRuns: 150 },
    );
    expect(isValidIban(frenchIban('30006000011234567890189'))).toBe(true);
  });

  it('repeats no part of any question: every word of the reply comes from the knowledge base', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z]{3,8}$/).map((word) => `zq${word}x`),
        fc.constantFrom('comment activer mon espace avec', 'je veux radier', 'où est le document', ''),
        (marker, words) => {
          const { response } = ask(`${words} ${marker}`.trim());
          expect(JSON.stringify(response)).not.toContain(marker);
        },
      ),
      { numRuns: 100 },
    );
  });
});
