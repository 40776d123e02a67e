import { anomalySummary, type AnomalySummary } from '../../../../functions/contracts/anomalies';

/** An anomaly as the API sends it (checked against the contract), with the fields a test changes. */
export function anomaly(overrides: Partial<AnomalySummary> = {}): AnomalySummary {
  return anomalySummary.parse({
    anomalyId: '01JD0000000000000000000001',
    type: 'not_affiliated',
    state: 'open',
    siret: '73282932000074',
    establishmentName: 'Brasserie du Port',
    firstName: 'Camille',
    lastName: 'Martin',
    maskedNir: '2 91 ** ** *** *** 37',
    detail: 'Déclarée en DSN (janvier 2026) comme non cadre, sans affiliation ni demande en cours.',
    affiliationDate: null,
    dsnMonth: '2026-01',
    detectedAt: '2026-02-05T08:00:00Z',
    dsn: { contractStartDate: '2026-01-12', statut: 'non_cadre', endDate: null, radiationReason: null },
    employeeId: null,
    resolution: null,
    version: 1,
    ...overrides,
  });
}
