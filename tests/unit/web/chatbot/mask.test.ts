import { describe, expect, it } from 'vitest';
import { MASKED_NUMBER, maskSensitiveNumbers } from '../../../../web/src/features/chatbot/lib/mask';

describe('what the assistant shows back of a question', () => {
  it('masks a numéro de sécurité sociale however it is written', () => {
    for (const nir of [
      '185057800608491',
      '1 85 05 78 006 084 91',
      '1.85.05.78.006.084.91',
      '2 85 05 2A 006 084 91',
    ]) {
      const shown = maskSensitiveNumbers(`mon salarié ${nir} n’apparaît pas`);
      expect(shown).toEqual({ text: `mon salarié ${MASKED_NUMBER} n’apparaît pas`, masked: true });
    }
  });

  it('masks a NIR without its key, and a mistyped one', () => {
    expect(maskSensitiveNumbers('1850578006084').masked).toBe(true);
    expect(maskSensitiveNumbers('18505780060849').masked).toBe(true);
  });

  it('masks an IBAN, grouped or not, and a card number', () => {
    expect(maskSensitiveNumbers('IBAN FR76 3000 6000 0112 3456 7890 189 merci').text).toBe(
      `IBAN ${MASKED_NUMBER} merci`,
    );
    expect(maskSensitiveNumbers('fr7630006000011234567890189').text).toBe(MASKED_NUMBER);
    expect(maskSensitiveNumbers('carte 4970 1012 3456 7890').text).toBe(`carte ${MASKED_NUMBER}`);
  });

  it('leaves ordinary questions, dates, phone numbers and short numbers as typed', () => {
    for (const question of [
      'j’ai pas reçu le code sms',
      'code 123456 refusé',
      'radiation au 31/03/2026',
      'appeler le 01 44 20 80 63',
      'de 12 mois pour la portabilité',
    ]) {
      expect(maskSensitiveNumbers(question)).toEqual({ text: question, masked: false });
    }
  });
});
