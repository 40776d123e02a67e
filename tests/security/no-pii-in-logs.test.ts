import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CompanyDataset } from '../../bin/local/demo-data';
import { formatNir } from '../../functions/domain/nir';
import { isValidIban } from '../../functions/domain/iban';
import { clearFaults, injectFault } from '../../functions/runtime/client-probes';
import type { SentMessages } from '../support/api';
import { e164, uniqueEmail, uniqueIp, uniqueMobile, type Browser } from '../support/auth-flow';
import { backOfficeCsv, importCompanies, type ImportReportSummary } from '../support/company-import';
import { startPrivateStack, type PrivateStack } from '../support/private-stack';

/**
 * Handlers log through Powertools (functions/runtime/logger.ts, redaction.ts) to the stdout of
 * the process running them. The shared stack runs in vitest's main process, so this file
 * starts a stack of its own in this worker, with handler logs at INFO, and captures every
 * byte written to stdout/stderr plus the stack's own log lines while flows that carry
 * secrets run through it: back-office import (NIRs, addresses, e-mails, a rejected line),
 * activation, wrong and right logins, SMS code, password reset and change.
 */
const COOKIES = ['__Host-ees-session', '__Host-ees-device', '__Host-ees-login'];
const IBAN_SHAPED = /\b[A-Z]{2}\d{2}(?:[ -]?[A-Z0-9]{4}){2,7}(?:[ -]?[A-Z0-9]{1,4})?\b/g;
/** A valid French IBAN, planted in a free-text column of the rejected import file. */
const PLANTED_IBAN = 'FR76 3000 6000 0112 3456 7890 189';
const STRANGE_PASSWORD = 'Gîte-Bellevue-Sur-Mer-1954';

/** A 6-digit code as a token of its own (not inside a longer number, an id or a timestamp). */
const containsCode = (text: string, code: string) =>
  new RegExp(`(?<![0-9A-Za-z])${code}(?![0-9A-Za-z])`).test(text);

const validIbansIn = (text: string) =>
  [...text.matchAll(IBAN_SHAPED)].map((match) => match[0]).filter(isValidIban);

describe('no personal data or secret in logs and e-mails', () => {
  const captured: string[] = [];
  const restore: (() => void)[] = [];
  let portal: PrivateStack;
  let datasets: CompanyDataset[];
  let rejectedReport: ImportReportSummary;
  let messages: SentMessages;

  const secrets = {
    passwords: [] as string[],
    codes: [] as string[],
    tokens: {} as Record<'confirmation' | 'reset', string>,
    cookies: [] as string[],
  };
  let email: string;
  let mobile: string;

  /** The secret part of the browser's cookies (a session cookie is "<userId>.<secret>"). */
  const keepCookies = (who: Browser) => {
    for (const name of COOKIES) {
      const value = who.jar.get(name);
      if (value) secrets.cookies.push(value.split('.').at(-1)!);
    }
  };

  beforeAll(async () => {
    for (const stream of [process.stdout, process.stderr]) {
      const original = stream.write.bind(stream);
      stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
        captured.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
        return process.env.EES_TEST_LOG ? original(chunk, ...(rest as [])) : true;
      }) as typeof stream.write;
      restore.push(() => {
        stream.write = original as typeof stream.write;
      });
    }
    for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      const original = console[level];
      console[level] = (...args: unknown[]) => captured.push(args.map(String).join(' '));
      restore.push(() => {
        console[level] = original;
      });
    }
    // This worker inherited the shared stack's WARN level: the handlers here must log at INFO.
    process.env.LOG_LEVEL = 'INFO';
    portal = await startPrivateStack({ verboseHandlers: true, log: (line) => captured.push(line) });

    // Back office: a company with insured people and beneficiaries, then a file with a bad line.
    datasets = await importCompanies(portal.importFile, [{ insured: 6 }]);
    const rows = datasets[0]!.rows.assures;
    const badLines = rows.slice(0, 3).map((row, index) =>
      index === 1
        ? {
            ...row,
            nir: `${row.nir.slice(0, 13)}${String((Number(row.nir.slice(13)) % 97) + 1).padStart(2, '0')}`,
          }
        : index === 2
          ? { ...row, adresse: `IBAN ${PLANTED_IBAN}`, email: 'pas-une-adresse' }
          : row,
    );
    rejectedReport = (
      (await portal.importFile(
        `back-office/tests/${datasets[0]!.summary.companyNumber}/assures_rejet.csv`,
        backOfficeCsv('assures', badLines),
      )) as ImportReportSummary[]
    )[0]!;

    // Activation of the company's administrator, e-mail confirmation.
    const company = datasets[0]!.summary;
    email = uniqueEmail('pii');
    mobile = uniqueMobile();
    const who = portal.browser(uniqueIp());
    const password = 'Comptoir-des-Halles-1923';
    secrets.passwords.push(password);
    const activation = await who.call('POST', '/auth/activation', {
      siret: company.mainSiret,
      companyNumber: company.companyNumber,
      civilite: 'M',
      lastName: 'Dupont-Aignan',
      firstName: 'Jean-Loup',
      email,
      mobile,
      password,
      cguVersion: '2026-11',
      cguAccepted: true,
    });
    expect(activation.status).toBe(201);
    secrets.tokens.confirmation = await portal.linkToken(email, '/confirmation-email');
    expect(
      (await who.call('POST', '/auth/email-confirmation', { token: secrets.tokens.confirmation })).status,
    ).toBe(200);

    // Wrong password, then the right one with the SMS code (a wrong code first).
    secrets.passwords.push(STRANGE_PASSWORD);
    expect((await who.call('POST', '/auth/login', { email, password: STRANGE_PASSWORD })).status).toBe(401);
    const login = await who.call<{ status: string }>('POST', '/auth/login', { email, password });
    expect(login.body.status).toBe('mfa_required');
    keepCookies(who);
    expect((await who.call('POST', '/auth/login/code', { mobile })).status).toBe(200);
    const code = await portal.latestCode(e164(mobile));
    secrets.codes.push(code);
    const wrongCode = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect((await who.call('POST', '/auth/login/verify', { code: wrongCode })).status).toBe(422);
    expect((await who.call('POST', '/auth/login/verify', { code })).status).toBe(200);
    keepCookies(who);

    // Password reset by e-mail link, then a change of password from the profile.
    expect((await who.call('POST', '/auth/password-reset', { email })).status).toBe(202);
    secrets.tokens.reset = await portal.linkToken(email, '/nouveau-mot-de-passe');
    const resetTo = 'Marche-aux-Puces-Saint-Ouen-1885';
    secrets.passwords.push(resetTo);
    expect(
      (
        await who.call('POST', '/auth/password-reset/confirm', {
          token: secrets.tokens.reset,
          password: resetTo,
        })
      ).status,
    ).toBe(200);
    expect(await portal.logIn(who, { email, password: resetTo, mobile })).toBe('without-code');
    keepCookies(who);
    const changedTo = 'Quai-des-Orfevres-Trente-Six';
    secrets.passwords.push(changedTo);
    const wrongCurrent = 'Pas-le-bon-mot-de-passe-77';
    secrets.passwords.push(wrongCurrent);
    expect(
      (await who.call('POST', '/me/password', { currentPassword: wrongCurrent, newPassword: changedTo }))
        .status,
    ).toBe(422);
    expect(
      (await who.call('POST', '/me/password', { currentPassword: resetTo, newPassword: changedTo })).status,
    ).toBe(200);
    keepCookies(who);

    // A second browser on another network: a second SMS code, sent and used.
    const other = portal.browser(uniqueIp());
    expect(
      (await other.call<{ status: string }>('POST', '/auth/login', { email, password: changedTo })).body
        .status,
    ).toBe('mfa_required');
    keepCookies(other);
    expect((await other.call('POST', '/auth/login/code', {})).status).toBe(200);
    const secondCode = await portal.latestCode(e164(mobile));
    secrets.codes.push(secondCode);
    expect((await other.call('POST', '/auth/login/verify', { code: secondCode })).status).toBe(200);
    keepCookies(other);

    // Free text that carries a NIR, an IBAN and a phone number: a question to the chatbot, and a
    // message to the insurer (whose e-mail relays the sender's words, see the e-mail test).
    const [employee] = datasets[0]!.rows.assures;
    const confidences = `Mon salarié ${formatNir(employee!.nir)} (IBAN ${PLANTED_IBAN}, tél. ${mobile}) est-il affilié ?`;
    const question = await other.call<{ answer?: unknown }>('POST', '/chatbot/questions', {
      question: confidences,
    });
    expect(question.status).toBe(200);
    expect(JSON.stringify(question.body)).not.toContain(formatNir(employee!.nir));
    const me = await other.call<{ companies: { companyId: string }[] }>('GET', '/me');
    const contact = await other.call(
      'POST',
      `/companies/${me.body.companies[0]!.companyId}/contact/messages`,
      {
        requestId: randomUUID(),
        motif: 'salaries_affiliation',
        subject: 'Affiliation d’un salarié',
        message: confidences,
        attachments: [],
      },
    );
    expect(contact.status, JSON.stringify(contact.body)).toBe(201);

    // Failures log at ERROR with the exception: a Cognito outage at login, a table outage at a
    // reset request, and an SES outage when the dispatcher sends the next reset e-mail.
    await portal.messages();
    injectFault({ service: 'cognito', operation: 'InitiateAuth', kind: 'server-error', times: 1 });
    expect((await other.call('POST', '/auth/login', { email, password: changedTo })).status).toBe(500);
    injectFault({ service: 'dynamodb', operation: 'TransactWriteItems', kind: 'throttle', times: 1 });
    expect((await other.call('POST', '/auth/password-reset', { email })).status).toBe(500);
    injectFault({ service: 'ses', operation: 'SendEmail', kind: 'timeout', times: 1 });
    expect((await other.call('POST', '/auth/password-reset', { email })).status).toBe(202);

    messages = await portal.messages();
    clearFaults();
  }, 120_000);

  afterAll(async () => {
    for (const undo of restore.reverse()) undo();
    await portal?.stop();
  });

  const logText = () => captured.join('\n');
  const nirs = () =>
    datasets.flatMap((dataset) => [
      ...dataset.rows.assures.map((row) => row.nir),
      ...dataset.rows.ayants_droit.flatMap((row) => [row.nir_assure, row.nir].filter(Boolean)),
    ]);
  const nirForms = (nir: string) => [nir, nir.slice(0, 13), formatNir(nir)];
  const ourEmails = () => messages.emails.filter((mail) => mail.to.includes(email));
  const ourSms = () => messages.sms.filter((sms) => sms.to === e164(mobile));

  it('captured the handlers’ logs of every flow (or this file could not see a leak)', () => {
    const text = logText();
    expect(text).toContain('"message":"Back-office file imported"');
    expect(text).toContain('"message":"Request refused"');
    expect(text).toContain('"message":"Outbox message handled"');
    expect(text).toContain('"outcome":"retry"');
    expect(text.match(/"level":"ERROR","message":"Request failed"/g)).toHaveLength(2);
    expect(text).toMatch(/\[api\] POST \/api\/auth\/login → 401/);
    expect(text).toMatch(/\[api\] POST \/api\/auth\/password-reset\/confirm → 200/);
    expect(rejectedReport.status).toBe('rejected');
    expect(rejectedReport.rejected.map((line) => line.line)).toEqual([3, 4]);
    expect(secrets.cookies.length).toBeGreaterThanOrEqual(4);
  });

  it('logs no NIR of the imported people, nor any valid IBAN', () => {
    const text = logText();
    expect(nirs().length).toBeGreaterThan(6);
    for (const nir of nirs())
      for (const form of nirForms(nir)) expect(text, `NIR ${form}`).not.toContain(form);
    expect(validIbansIn(text)).toEqual([]);
    expect(text).not.toContain(PLANTED_IBAN.replace(/ /g, ''));
  });

  it('logs no password, SMS code, link token or cookie secret', () => {
    const text = logText();
    for (const password of secrets.passwords) expect(text, 'a password').not.toContain(password);
    for (const code of secrets.codes) expect(containsCode(text, code), `code ${code}`).toBe(false);
    for (const token of Object.values(secrets.tokens)) expect(text, 'a link token').not.toContain(token);
    for (const secret of secrets.cookies) expect(text, 'a cookie secret').not.toContain(secret);
  });

  it('logs neither the e-mail address nor the mobile number of the user', () => {
    const text = logText();
    expect(text).not.toContain(email);
    expect(text).not.toContain(mobile);
    expect(text).not.toContain(e164(mobile));
  });

  it('mails each link token only in the e-mail that carries its link, and no other secret', () => {
    const mails = ourEmails();
    expect(mails.map((mail) => mail.subject.replace(/ — référence .*$/, '')).sort()).toEqual(
      [
        'Confirmez votre adresse e-mail — Espace Entreprise Santé',
        'Votre message a bien été envoyé',
        'Nouvelle connexion à votre Espace Entreprise Santé',
        'Nouvelle connexion à votre Espace Entreprise Santé',
        'Réinitialisation de votre mot de passe — Espace Entreprise Santé',
        'Votre mot de passe a été modifié — Espace Entreprise Santé',
        'Votre mot de passe a été modifié — Espace Entreprise Santé',
      ].sort(),
    );
    const carrier = {
      confirmation: mails.find((mail) => mail.subject.startsWith('Confirmez'))!,
      reset: mails.find((mail) => mail.subject.startsWith('Réinitialisation'))!,
    };
    expect(carrier.confirmation.text).toContain(`/confirmation-email#jeton=${secrets.tokens.confirmation}`);
    expect(carrier.reset.text).toContain(`/nouveau-mot-de-passe#jeton=${secrets.tokens.reset}`);
    for (const mail of mails) {
      const content = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const [purpose, token] of Object.entries(secrets.tokens)) {
        if (mail !== carrier[purpose as keyof typeof carrier])
          expect(content, `${purpose} token`).not.toContain(token);
      }
      for (const password of secrets.passwords) expect(content, 'a password').not.toContain(password);
      for (const code of secrets.codes)
        expect(containsCode(content, code), `code in "${mail.subject}"`).toBe(false);
      for (const secret of secrets.cookies) expect(content, 'a cookie secret').not.toContain(secret);
    }
  });

  it('never puts a NIR or an IBAN in any e-mail the portal writes', () => {
    // The insurer's copy of a contact message relays the sender's own words (this file typed a
    // NIR into one on purpose): every other e-mail is the portal's own text.
    const insurer = process.env.INSURER_TEAM_EMAIL!;
    const written = messages.emails.filter((mail) => !mail.to.includes(insurer));
    expect(written.length).toBeGreaterThanOrEqual(7);
    expect(messages.emails.length - written.length).toBe(1);
    for (const mail of written) {
      const content = `${mail.subject}\n${mail.text}\n${mail.html}`;
      for (const nir of nirs())
        for (const form of nirForms(nir)) expect(content, `NIR in "${mail.subject}"`).not.toContain(form);
      expect(validIbansIn(content)).toEqual([]);
    }
  });

  it('sends each SMS code only in its own SMS, with nothing else secret', () => {
    const sms = ourSms();
    expect(sms).toHaveLength(2);
    const codesSent = sms.map((message) => message.text.match(/\b(\d{6})\b/)?.[1]).sort();
    expect(codesSent).toEqual([...secrets.codes].sort());
    for (const message of sms) {
      const own = message.text.match(/\b(\d{6})\b/)![1]!;
      for (const code of secrets.codes.filter((code) => code !== own))
        expect(containsCode(message.text, code)).toBe(false);
      for (const password of secrets.passwords) expect(message.text).not.toContain(password);
      for (const token of Object.values(secrets.tokens)) expect(message.text).not.toContain(token);
    }
  });
});
