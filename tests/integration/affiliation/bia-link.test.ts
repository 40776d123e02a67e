import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { keyedDigest } from '../../../functions/adapters/system/keyed-digest';
import { documentClient } from '../../../functions/runtime/clients';
import { config, resetConfigCache } from '../../../functions/runtime/config';
import { callApi } from '../../support/api';
import {
  biaTokenIn,
  emailsTo,
  employeeWith,
  freshEmployer,
  preAffiliate,
  runAffiliationJob,
  type AffiliationSummary,
  type Employer,
} from '../../support/affiliation';
import type { ErrorAnswer } from '../../support/error-shape';

const LINK_INVALID = {
  code: 'BIA_LINK_INVALID',
  message:
    'Ce lien d’affiliation n’est plus valable (expiré, remplacé par un nouveau lien, ou demande close). Contactez votre employeur pour en recevoir un nouveau.',
};

describe('the personal link of the BIA', () => {
  let employer: Employer;

  beforeAll(async () => {
    Object.assign(process.env, inject('stackEnv'));
    resetConfigCache();
    employer = await freshEmployer();
  });

  it('is required, in its header: none, a malformed one or an unknown one opens nothing', async () => {
    const none = await callApi<ErrorAnswer>('GET', '/bia');
    expect(none.status).toBe(401);
    expect(none.body).toEqual(LINK_INVALID);
    for (const token of ['abc', `${'A'.repeat(42)}=`, 'A'.repeat(43)]) {
      const refused = await employeeWith(token)<ErrorAnswer>('GET', '/bia');
      expect(refused.status, token).toBe(401);
      expect(refused.body.code).toBe('BIA_LINK_INVALID');
    }
    // In the URL (as a server would log it) it is not a credential either.
    const request = await preAffiliate(employer);
    const inQuery = await callApi<ErrorAnswer>('GET', `/bia?token=${request.token}`);
    expect(inQuery.status).toBe(401);
  });

  it('stops working once expired', async () => {
    const request = await preAffiliate(employer);
    const employee = employeeWith(request.token!);
    expect((await employee('GET', '/bia')).status).toBe(200);
    await documentClient().send(
      new UpdateCommand({
        TableName: config().TABLE_NAME,
        Key: keys.linkToken(keyedDigest('link', request.token!)),
        UpdateExpression: 'SET expiresAt = :past',
        ExpressionAttributeValues: { ':past': Math.floor(Date.now() / 1000) - 1 },
      }),
    );
    for (const [method, path, body] of [
      ['GET', '/bia', undefined],
      ['PUT', '/bia/draft', { draft: {}, version: 1 }],
      [
        'POST',
        '/bia/uploads',
        { kind: 'rib', fileName: 'rib.pdf', contentType: 'application/pdf', size: 10 },
      ],
      ['POST', '/bia/finalization', { draft: {}, version: 1 }],
    ] as const) {
      const refused = await employee<ErrorAnswer>(method, path, body);
      expect(refused.status, `${method} ${path}`).toBe(401);
      expect(refused.body).toEqual(LINK_INVALID);
    }
  });

  it('opens nothing once the request is abandoned, and a new journey’s link replaces it', async () => {
    const request = await preAffiliate(employer, { lastName: 'Abandon' });
    const oldLink = employeeWith(request.token!);
    expect((await oldLink('PUT', '/bia/draft', { draft: { situation: 'veuf' }, version: 1 })).status).toBe(
      200,
    );

    // The job, run as at J+31, sends the due reminders and abandons the request.
    const later = new Date(Date.now() + 31 * 86_400_000).toISOString();
    let status: string | undefined;
    for (let run = 0; run < 4 && status !== 'abandoned'; run++) {
      await runAffiliationJob(later, employer.companyId);
      const list = await employer.call<{ items: AffiliationSummary[] }>(
        'GET',
        `${employer.base}/affiliation-requests`,
      );
      status = list.body.items.find((item) => item.requestId === request.requestId)?.status;
    }
    expect(status).toBe('abandoned');
    const refused = await oldLink<ErrorAnswer>('GET', '/bia');
    expect(refused.status).toBe(401);
    expect(refused.body).toEqual(LINK_INVALID);

    const restarted = await employer.call(
      'POST',
      `${employer.base}/affiliation-requests/${request.requestId}/restart`,
    );
    expect(restarted.status, JSON.stringify(restarted.body)).toBe(200);
    const newToken = (await emailsTo(request.email)).map((mail) => biaTokenIn(mail.text)).find(Boolean)!;
    expect(newToken).not.toBe(request.token);
    expect((await oldLink('GET', '/bia')).status).toBe(401);
    const fresh = await employeeWith(newToken)<{ status: string; draft: { situation?: string } }>(
      'GET',
      '/bia',
    );
    expect(fresh.status).toBe(200);
    expect(fresh.body.status).toBe('sent');
    expect(fresh.body.draft.situation).toBeUndefined();
  });
});
