import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keys } from '../../../functions/adapters/dynamodb/table-keys';
import { BIA_TOKEN_HEADER } from '../../../functions/contracts/affiliation';
import type { OutboxMessage } from '../../../functions/domain/outbox';
import { documentClient } from '../../../functions/runtime/clients';
import { clearFaults, injectFault } from '../../../functions/runtime/client-probes';
import { config } from '../../../functions/runtime/config';
import { callApiAt, type ApiResponse } from '../../support/api';
import { uniqueIp, type Browser } from '../../support/auth-flow';
import { biaTokenIn, completeDraft, newEmployee, PDF, PNG } from '../../support/affiliation';
import { importCompanies } from '../../support/company-import';
import { startPrivateStack, type PrivateStack } from '../../support/private-stack';

/**
 * SES down when a BIA is finalized: the finalization stands (insured created, request closed)
 * and the e-mails wait in the outbox until the retry job delivers them, once. SDK faults are
 * process-wide, so this file runs a stack of its own: its faults never touch another file's e-mails.
 */
describe('finalizing a BIA while SES fails', () => {
  let portal: PrivateStack;
  let employer: Browser;
  let employerEmail: string;
  let base: string;
  let mainSiret: string;

  beforeAll(async () => {
    portal = await startPrivateStack();
    const [dataset] = await importCompanies(portal.importFile, [{ insured: 2 }]);
    employer = portal.browser(uniqueIp());
    const admin = await portal.activateAndConfirm(dataset!.summary, employer);
    await portal.logIn(employer, admin);
    employerEmail = admin.email;
    const me = await employer.call<{ companies: { companyId: string }[] }>('GET', '/me');
    base = `/companies/${me.body.companies[0]!.companyId}`;
    mainSiret = dataset!.summary.mainSiret;
  }, 180_000);

  afterAll(async () => {
    clearFaults();
    await portal?.stop();
  });

  const employee =
    (token: string) =>
    <T = unknown>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> =>
      callApiAt<T>(portal.url, method, path, {
        body: body ?? (method === 'GET' ? undefined : {}),
        headers: { [BIA_TOKEN_HEADER]: token },
      });

  async function upload(
    call: ReturnType<typeof employee>,
    kind: string,
    name: string,
    type: string,
    bytes: Buffer,
  ) {
    const grant = await call<{ uploadId: string; url: string; fields: Record<string, string> }>(
      'POST',
      '/bia/uploads',
      {
        kind,
        fileName: name,
        contentType: type,
        size: bytes.length,
      },
    );
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
    const form = new FormData();
    for (const [field, value] of Object.entries(grant.body.fields)) form.append(field, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
    expect((await fetch(grant.body.url, { method: 'POST', body: form })).status).toBeLessThan(300);
    return grant.body.uploadId;
  }

  async function pendingTo(address: string): Promise<OutboxMessage[]> {
    const { Items = [] } = await documentClient().send(
      new QueryCommand({
        TableName: config().TABLE_NAME,
        IndexName: 'GSI1',
        KeyConditionExpression: 'GSI1PK = :pk',
        ExpressionAttributeValues: { ':pk': keys.outboxDuePartition().GSI1PK },
      }),
    );
    const messages = await Promise.all(
      Items.map(async (item) => {
        const { Item } = await documentClient().send(
          new GetCommand({
            TableName: config().TABLE_NAME,
            Key: keys.outbox(String(item.messageId)),
            ConsistentRead: true,
          }),
        );
        return Item as OutboxMessage | undefined;
      }),
    );
    return messages.filter(
      (message): message is OutboxMessage =>
        message?.payload.channel === 'email' && message.payload.to.includes(address),
    );
  }

  it('keeps the finalization and delivers the employer’s e-mail once SES is back', async () => {
    const body = newEmployee({ siret: mainSiret, lastName: 'Panne', firstName: 'Camille', sex: 2 });
    const created = await employer.call('POST', `${base}/affiliation-requests`, body);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const invitation = (await portal.messages()).emails.find((mail) =>
      mail.to.includes(body.employee.email!),
    );
    const call = employee(biaTokenIn(invitation!.text)!);
    const rib = await upload(call, 'rib', 'rib.pdf', 'application/pdf', PDF);
    const attestation = await upload(call, 'attestation', 'attestation.png', 'image/png', PNG);
    const page = await call<{ version: number }>('GET', '/bia');
    const draft = { ...completeDraft(), documents: { rib: [rib], attestation: [attestation] } };

    injectFault({ service: 'ses', operation: 'SendEmail', kind: 'server-error', times: 10 });
    const finalized = await call<{ status: string }>('POST', '/bia/finalization', {
      draft,
      version: page.body.version,
    });
    expect(finalized.status, JSON.stringify(finalized.body)).toBe(200);
    await portal.stack.drainStream();

    // The change stands: the insured is listed, the request is finalized.
    const list = await employer.call<{ items: { lastName: string }[] }>('GET', `${base}/employees?q=Panne`);
    expect(list.body.items).toHaveLength(1);
    const requests = await employer.call<{ items: { status: string; lastName: string }[] }>(
      'GET',
      `${base}/affiliation-requests`,
    );
    expect(requests.body.items.find((item) => item.lastName === 'Panne')?.status).toBe('finalized');
    // The e-mail waits in the outbox, with a retry time.
    const [pending, ...others] = await pendingTo(employerEmail);
    expect(others).toEqual([]);
    expect(pending).toMatchObject({ status: 'pending', attempts: 1, purpose: 'affiliation.finalized' });
    const mailed = (await portal.messages()).emails.filter(
      (mail) => mail.subject === 'Affiliation finalisée — Camille Panne',
    );
    expect(mailed).toEqual([]);

    clearFaults();
    // As if the backoff had elapsed: the retry job sends what is due.
    for (const message of [pending!, ...(await pendingTo(body.employee.email!))]) {
      const past = new Date(Date.now() - 60_000).toISOString();
      await documentClient().send(
        new UpdateCommand({
          TableName: config().TABLE_NAME,
          Key: keys.outbox(message.messageId),
          UpdateExpression: 'SET nextAttemptAt = :past, GSI1SK = :due, claimedUntil = :past',
          ExpressionAttributeValues: {
            ':past': past,
            ':due': keys.outboxDue(past, message.messageId).GSI1SK,
          },
        }),
      );
    }
    await portal.stack.runJob('retryOutbox');
    await portal.stack.runJob('retryOutbox');
    const messages = await portal.messages();
    expect(
      messages.emails.filter((mail) => mail.subject === 'Affiliation finalisée — Camille Panne'),
    ).toHaveLength(1);
    expect(
      messages.emails.filter(
        (mail) => mail.to.includes(body.employee.email!) && mail.subject.includes('est enregistrée'),
      ),
    ).toHaveLength(1);
    expect(await pendingTo(employerEmail)).toEqual([]);
  });

  it('answers the same when the employee clicks again while the e-mail is still pending', async () => {
    const body = newEmployee({ siret: mainSiret, lastName: 'Relance' });
    const created = await employer.call('POST', `${base}/affiliation-requests`, body);
    expect(created.status).toBe(201);
    const invitation = (await portal.messages()).emails.find((mail) =>
      mail.to.includes(body.employee.email!),
    );
    const call = employee(biaTokenIn(invitation!.text)!);
    const draft = {
      ...completeDraft(),
      documents: {
        rib: [await upload(call, 'rib', 'rib.pdf', 'application/pdf', PDF)],
        attestation: [await upload(call, 'attestation', 'a.png', 'image/png', PNG)],
      },
    };
    const version = (await call<{ version: number }>('GET', '/bia')).body.version;
    injectFault({ service: 'ses', operation: 'SendEmail', kind: 'throttle', times: 10 });
    const first = await call<{ finalizedAt: string }>('POST', '/bia/finalization', { draft, version });
    const second = await call<{ finalizedAt: string }>('POST', '/bia/finalization', { draft, version });
    await portal.stack.drainStream();
    clearFaults();
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body.finalizedAt).toBe(first.body.finalizedAt);
    // One e-mail to the employer, not two.
    expect(await pendingTo(employerEmail)).toHaveLength(1);
  });
});
