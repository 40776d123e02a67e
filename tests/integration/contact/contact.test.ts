import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { control, sentMessages } from '../../support/api';
import { freshCompany } from '../../support/fixtures';
import {
  activateAndConfirm,
  browser,
  logIn,
  type ActivatedAdmin,
  type Browser,
} from '../../support/auth-flow';

const PDF = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(500, 1),
]);

interface UploadGrant {
  uploadId: string;
  url: string;
  fields: Record<string, string>;
}

describe('Nous contacter', () => {
  let admin: ActivatedAdmin;
  let who: Browser;
  let base: string;

  beforeAll(async () => {
    admin = await activateAndConfirm(await freshCompany());
    who = browser('203.0.113.120');
    await logIn(who, admin);
    const me = await who.call<{ companies: { companyId: string }[] }>('GET', '/me');
    base = `/companies/${me.body.companies[0]!.companyId}/contact`;
  });

  /** The browser's part: ask for a presigned POST, then send the file straight to S3. */
  async function upload(
    fileName: string,
    contentType: string,
    bytes: Buffer,
    declaredSize = bytes.length,
  ): Promise<string> {
    const grant = await who.call<UploadGrant>('POST', `${base}/uploads`, {
      fileName,
      contentType,
      size: declaredSize,
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(201);
    const form = new FormData();
    for (const [name, value] of Object.entries(grant.body.fields)) form.append(name, value);
    form.append('file', new Blob([new Uint8Array(bytes)], { type: contentType }), fileName);
    const stored = await fetch(grant.body.url, { method: 'POST', body: form });
    expect(stored.status).toBeLessThan(300);
    return grant.body.uploadId;
  }

  const message = (attachments: string[], requestId = randomUUID()) => ({
    requestId,
    motif: 'salaries_documents',
    subject: 'Documents pour Paul Durand',
    message: 'Bonjour, voici le RIB et l’attestation de droits de notre salarié. Merci.',
    attachments,
  });

  it('sends a message with two attachments: the team gets links, the sender an acknowledgement, Mes messages lists it', async () => {
    const attachments = [
      await upload('rib.pdf', 'application/pdf', PDF),
      await upload('attestation.png', 'image/png', PNG),
    ];
    const sent = await who.call<{ reference: string; attachments: { fileName: string }[] }>(
      'POST',
      `${base}/messages`,
      message(attachments),
    );
    expect(sent.status, JSON.stringify(sent.body)).toBe(201);
    expect(sent.body.reference).toMatch(/^CT-\d{4}-/);
    const mails = await sentMessages();
    const toTeam = mails.emails.find(
      (mail) => mail.subject.includes(sent.body.reference) && mail.to.some((to) => to.startsWith('equipe')),
    );
    const ack = mails.emails.find(
      (mail) => mail.to.includes(admin.email) && mail.subject.includes(sent.body.reference),
    );
    expect(toTeam).toBeDefined();
    expect(ack).toBeDefined();
    const links = [
      ...toTeam!.text.matchAll(/https?:\/\/\S+\/api\/contact-attachments\/([A-Za-z0-9_-]{43})/g),
    ].map((m) => m[0]);
    expect(links).toHaveLength(2);
    const redirect = await fetch(links[0]!, { redirect: 'manual' });
    expect(redirect.status).toBe(302);
    const file = Buffer.from(await (await fetch(redirect.headers.get('location')!)).arrayBuffer());
    expect(file.equals(PDF)).toBe(true);
    const list = await who.call<{ items: { reference: string; status: string; attachments: unknown[] }[] }>(
      'GET',
      `${base}/messages`,
    );
    expect(list.body.items[0]).toMatchObject({ reference: sent.body.reference, status: 'sent' });
    expect(list.body.items[0]!.attachments).toHaveLength(2);
  });

  it('sends a retried request once (same request id → same message)', async () => {
    const body = message([]);
    const first = await who.call<{ messageId: string }>('POST', `${base}/messages`, body);
    const second = await who.call<{ messageId: string }>('POST', `${base}/messages`, body);
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.body.messageId).toBe(first.body.messageId);
  });

  it('refuses a disguised file, an oversized upload and a fifth attachment with clear messages', async () => {
    const disguised = await upload(
      'rib.pdf',
      'application/pdf',
      Buffer.from('MZ this is an executable, not a PDF'),
    );
    const refused = await who.call<{ code: string; fields: Record<string, string> }>(
      'POST',
      `${base}/messages`,
      message([disguised]),
    );
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('ATTACHMENT_DISGUISED');
    expect(refused.body.fields['attachments.0']).toMatch(/n’est pas un vrai fichier PDF/);

    const tooBig = await who.call<{ fields: Record<string, string> }>('POST', `${base}/uploads`, {
      fileName: 'gros.pdf',
      contentType: 'application/pdf',
      size: 3 * 1024 * 1024 + 1,
    });
    expect(tooBig.status).toBe(400);
    expect(Object.values(tooBig.body.fields).join(' ')).toMatch(/3 Mo/);
    // The storage does not enforce the size range locally: the server measures the real object.
    const lying = await upload(
      'gros.pdf',
      'application/pdf',
      Buffer.concat([PDF, Buffer.alloc(3 * 1024 * 1024)]),
      1000,
    );
    const oversize = await who.call<{ code: string }>('POST', `${base}/messages`, message([lying]));
    expect(oversize.body.code).toBe('ATTACHMENT_TOO_LARGE');

    const five = await who.call<{ code: string }>(
      'POST',
      `${base}/messages`,
      message(Array.from({ length: 5 }, () => disguised)),
    );
    expect(five.status).toBe(400);
  });

  it('keeps the message when SES fails and delivers it on retry', async () => {
    await control(
      '/faults',
      JSON.stringify({ service: 'ses', operation: 'SendEmail', kind: 'server-error', times: 10 }),
    );
    const sent = await who.call<{ reference: string }>('POST', `${base}/messages`, message([]));
    expect(sent.status).toBe(201);
    await control('/drain');
    let list = await who.call<{ items: { reference: string; status: string }[] }>('GET', `${base}/messages`);
    expect(list.body.items.find((item) => item.reference === sent.body.reference)?.status).toBe('pending');
    await control('/faults/clear');
    // The retry job re-sends due messages; force the due time instead of waiting for the backoff.
    const { makeOutboxDue } = await import('../../support/outbox');
    await makeOutboxDue();
    await control('/jobs/retryOutbox');
    list = await who.call<{ items: { reference: string; status: string }[] }>('GET', `${base}/messages`);
    expect(list.body.items.find((item) => item.reference === sent.body.reference)?.status).toBe('sent');
    const mails = await sentMessages();
    expect(mails.emails.filter((mail) => mail.subject.includes(sent.body.reference))).toHaveLength(2);
  });

  it('refuses an unknown or forged attachment link', async () => {
    const response = await fetch(
      `${(await import('vitest')).inject('baseUrl')}/api/contact-attachments/${'A'.repeat(43)}`,
      {
        redirect: 'manual',
      },
    );
    expect(response.status).toBe(422);
  });
});
