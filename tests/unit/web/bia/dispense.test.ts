import { describe, expect, it } from 'vitest';
import { biaDraft, type GetBiaResponse } from '../../../../functions/contracts/affiliation';
import {
  formValuesFromBia,
  pageOrder,
  targetOfServerField,
  toDraft,
  type BiaFormValues,
} from '../../../../web/src/features/bia/lib/bia-form';
import { REASON_OPTIONS, toDispenseDraft } from '../../../../web/src/features/bia/lib/dispense';

const prefilled: GetBiaResponse['prefilled'] = {
  civilite: 'MME',
  lastName: 'Martin',
  birthName: null,
  firstName: 'Léa',
  birthDate: '1990-04-02',
  email: 'lea.martin@exemple.fr',
  address: { line1: '3 place du Marché', postalCode: '69002', city: 'Lyon' },
};

const PROOF = '01JAAAAAAAAAAAAAAAAAAAAAAA';
const RIB = '01JBBBBBBBBBBBBBBBBBBBBBBB';

const filled = (dispense: Partial<BiaFormValues['dispense']>): BiaFormValues => {
  const values = formValuesFromBia({ prefilled, draft: biaDraft.parse({}) });
  return {
    ...values,
    situation: 'marie',
    noemie: 'oui',
    bank: { holder: 'Léa Martin', iban: 'FR76 3000 6000 0112 3456 7890 189', bic: '' },
    consent: true,
    swornStatement: true,
    dispense: { ...values.dispense, ...dispense },
  };
};

describe('asking for a dispense in the BIA form', () => {
  it('offers every legal reason, labelled as the employee reads it', () => {
    expect(REASON_OPTIONS.map((option) => option.value)).toEqual([
      'css',
      'contrat_individuel',
      'autre_couverture_collective',
      'cdd_court',
      'presence_due',
    ]);
    expect(REASON_OPTIONS[0]!.label).toBe('Je bénéficie de la Complémentaire santé solidaire (CSS)');
  });

  it('starts unticked, and comes back as saved', () => {
    expect(formValuesFromBia({ prefilled, draft: biaDraft.parse({}) }).dispense).toEqual({
      requested: false,
      reason: '',
      endDate: '',
      swornStatement: false,
    });
    const saved = biaDraft.parse({ dispense: { reason: 'cdd_court', endDate: '2026-06-30' } });
    expect(formValuesFromBia({ prefilled, draft: saved }).dispense).toEqual({
      requested: true,
      reason: 'cdd_court',
      endDate: '2026-06-30',
      swornStatement: false,
    });
  });

  it('sends the dispense and its proofs only, without the affiliation’s parts', () => {
    const values = filled({ requested: true, reason: 'css', endDate: '2026-12-31', swornStatement: true });
    const draft = biaDraft.parse(toDraft(values, { rib: [RIB], dispense_proof: [PROOF] }));
    expect(draft.dispense).toEqual({ reason: 'css', endDate: '2026-12-31', swornStatement: true });
    expect(draft.documents).toEqual({ dispense_proof: [PROOF] });
    expect(draft.identity).toMatchObject({ lastName: 'Martin' });
    for (const part of ['situation', 'noemie', 'bank', 'consent', 'swornStatement'] as const) {
      expect(draft[part]).toBeUndefined();
    }
    expect(draft.beneficiaries).toEqual([]);
  });

  it('drops an end date the chosen reason does not have', () => {
    expect(
      toDispenseDraft({
        requested: true,
        reason: 'presence_due',
        endDate: '2026-12-31',
        swornStatement: true,
      }),
    ).toEqual({ reason: 'presence_due', swornStatement: true });
    expect(toDispenseDraft({ requested: true, reason: '', endDate: '', swornStatement: false })).toEqual({
      swornStatement: false,
    });
  });

  it('sends the affiliation without the proofs of a dispense no longer asked for', () => {
    const draft = biaDraft.parse(
      toDraft(filled({ requested: false, reason: 'css' }), { rib: [RIB], dispense_proof: [PROOF] }),
    );
    expect(draft.dispense).toBeUndefined();
    expect(draft.documents).toEqual({ rib: [RIB] });
    expect(draft.bank?.holder).toBe('Léa Martin');
  });

  it('puts the API’s messages about the dispense next to its fields and its proof', () => {
    expect(targetOfServerField('draft.dispense.reason')).toEqual({ kind: 'field', name: 'dispense.reason' });
    expect(targetOfServerField('draft.dispense.endDate')).toEqual({
      kind: 'field',
      name: 'dispense.endDate',
    });
    expect(targetOfServerField('draft.dispense')).toEqual({ kind: 'field', name: 'dispense.reason' });
    expect(targetOfServerField('draft.documents.dispense_proof')).toEqual({
      kind: 'document',
      documentKind: 'dispense_proof',
    });
    expect(targetOfServerField('draft.documents.dispense_proof.1')).toEqual({
      kind: 'document',
      documentKind: 'dispense_proof',
      index: 1,
    });
    // In the page's order: after the address, before the affiliation's sections.
    expect(pageOrder('dispense.reason')).toBeGreaterThan(pageOrder('address.city'));
    expect(pageOrder('documents.dispense_proof')).toBeLessThan(pageOrder('dispense.swornStatement'));
    expect(pageOrder('dispense.swornStatement')).toBeLessThan(pageOrder('situation'));
  });
});
