import { describe, expect, it } from 'vitest';
import {
  actionsFor,
  forceAffiliationExplanation,
  radiationDefaults,
  rankDispenses,
  resolutionSummary,
} from '../../../../web/src/features/anomalies/lib/actions';
import { formatDsnMonth } from '../../../../web/src/features/anomalies/lib/month';
import { anomaly } from './fixtures';

describe('the actions offered on an anomaly', () => {
  it('offers forced affiliation or a dispense to an employee declared but not affiliated', () => {
    expect(actionsFor(anomaly({ type: 'not_affiliated' }))).toEqual(['forceAffiliation', 'dispensed']);
  });

  it('offers forced radiation for a contract ended but still covered', () => {
    expect(actionsFor(anomaly({ type: 'ended_still_affiliated' }))).toEqual(['forceRadiation']);
  });

  it('offers forced affiliation (a correction) for identity, statut and établissement gaps', () => {
    for (const type of ['identity_mismatch', 'statut_mismatch', 'establishment_mismatch'] as const) {
      expect(actionsFor(anomaly({ type }))).toEqual(['forceAffiliation']);
    }
  });

  it('offers nothing once resolved', () => {
    expect(
      actionsFor(
        anomaly({
          state: 'resolved',
          resolution: {
            how: 'dispensed',
            at: '2026-02-10T09:00:00Z',
            by: 'Élodie Bernard',
            dispenseId: null,
          },
        }),
      ),
    ).toEqual([]);
  });
});

describe("what 'Forcer l'affiliation' says before confirming", () => {
  it('creates the affiliation on the declared contract, at the declared start, then the espace assuré and a BIA', () => {
    const explanation = forceAffiliationExplanation(anomaly());
    expect(explanation.creates).toBe(true);
    expect(explanation.paragraphs[0]).toBe(
      "L'affiliation de Camille Martin est créée immédiatement sur le contrat non cadre de l'établissement Brasserie du Port (SIRET 732 829 320 00074), comme déclaré en DSN, à la date de début du contrat de travail déclarée (12/01/2026).",
    );
    expect(explanation.paragraphs[1]).toMatch(/espace assuré/);
    expect(explanation.paragraphs[1]).toMatch(/bénéficiaires .*\(BIA\)\.$/);
  });

  it('stays truthful when the DSN gave no statut or start date', () => {
    const [first] = forceAffiliationExplanation(
      anomaly({ dsn: { contractStartDate: null, statut: null, endDate: null, radiationReason: null } }),
    ).paragraphs;
    expect(first).toContain('au statut déclarés en DSN');
    expect(first).toContain('à la date de début du contrat de travail déclarée en DSN');
  });

  it('corrects rather than creates for an identity gap', () => {
    const explanation = forceAffiliationExplanation(anomaly({ type: 'identity_mismatch' }));
    expect(explanation.creates).toBe(false);
    expect(explanation.paragraphs[0]).toMatch(/^L'affiliation existante de Camille Martin est corrigée/);
  });

  it('moves the affiliation to the declared contract for a statut gap', () => {
    const explanation = forceAffiliationExplanation(
      anomaly({
        type: 'statut_mismatch',
        dsn: { contractStartDate: '2025-09-01', statut: 'cadre', endDate: null, radiationReason: null },
      }),
    );
    expect(explanation.creates).toBe(false);
    expect(explanation.paragraphs[0]).toBe(
      "L'affiliation de Camille Martin est corrigée immédiatement : elle est rattachée au contrat cadre de l'établissement Brasserie du Port (SIRET 732 829 320 00074), comme déclaré en DSN ; sa date d'effet ne change pas.",
    );
  });

  it('moves the affiliation to the declared establishment, contract and date kept, for an établissement gap', () => {
    const [first] = forceAffiliationExplanation(anomaly({ type: 'establishment_mismatch' })).paragraphs;
    expect(first).toBe(
      "L'affiliation de Camille Martin est corrigée immédiatement : elle est rattachée à l'établissement Brasserie du Port (SIRET 732 829 320 00074), comme déclaré en DSN ; son contrat et sa date d'effet ne changent pas.",
    );
  });
});

describe('forced radiation', () => {
  it('starts from the end date and reason the DSN declared', () => {
    expect(
      radiationDefaults(
        anomaly({
          type: 'ended_still_affiliated',
          dsn: {
            contractStartDate: '2024-03-01',
            statut: 'cadre',
            endDate: '2026-01-31',
            radiationReason: 'fin_cdd',
          },
        }),
      ),
    ).toEqual({ endDate: '2026-01-31', reason: 'fin_cdd' });
  });

  it('leaves the fields empty when the DSN said nothing', () => {
    expect(radiationDefaults(anomaly())).toEqual({ endDate: '', reason: '' });
  });
});

describe('resolved anomalies say how, when and by whom', () => {
  it('in Paris time', () => {
    expect(
      resolutionSummary(
        anomaly({
          state: 'resolved',
          resolution: {
            how: 'forced_affiliation',
            at: '2026-03-12T09:05:00Z',
            by: 'Élodie Bernard',
            dispenseId: null,
          },
        }),
      ),
    ).toBe('Affiliation forcée le 12/03/2026 à 10:05 par Élodie Bernard');
  });

  it('without "par" when nobody did it (a later DSN)', () => {
    expect(
      resolutionSummary(
        anomaly({
          state: 'resolved',
          resolution: { how: 'corrected_by_dsn', at: '2026-03-05T07:00:00Z', by: '', dispenseId: null },
        }),
      ),
    ).toBe('Corrigée par une DSN suivante le 05/03/2026 à 08:00');
    expect(resolutionSummary(anomaly())).toBeNull();
  });
});

describe('choosing the dispense to link', () => {
  it("lists the employee's own dispenses first, names compared without accents, case or hyphens", () => {
    const others = { firstName: 'Jean', lastName: 'Dupont' };
    const own = { firstName: 'CAMILLE', lastName: 'martin' };
    const ownAccented = { firstName: 'Camille', lastName: 'Martín' };
    const ranked = rankDispenses(anomaly(), [others, own, ownAccented]);
    expect(ranked).toEqual([
      { dispense: own, sameEmployee: true },
      { dispense: ownAccented, sameEmployee: true },
      { dispense: others, sameEmployee: false },
    ]);
    expect(
      rankDispenses(anomaly({ firstName: 'Jean-Luc', lastName: 'Le Goff' }), [
        { firstName: 'jean luc', lastName: 'LE-GOFF' },
      ])[0]?.sameEmployee,
    ).toBe(true);
  });
});

describe('DSN months', () => {
  it('reads YYYY-MM as a French month', () => {
    expect(formatDsnMonth('2026-01')).toBe('janvier 2026');
    expect(formatDsnMonth('2025-12')).toBe('décembre 2025');
    expect(formatDsnMonth('2026-13')).toBe('2026-13');
    expect(formatDsnMonth('janvier')).toBe('janvier');
  });
});
