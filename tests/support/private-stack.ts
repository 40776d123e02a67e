import { createServer } from 'node:net';
import type { CompanySummary } from '../../bin/local/demo-data';
import type { LocalStack, LocalStackOptions } from '../../bin/local/stack';
import { callApiAt, type ApiResponse, type SentMessages } from './api';
import {
  STRONG_PASSWORD,
  e164,
  uniqueEmail,
  uniqueMobile,
  type ActivatedAdmin,
  type Browser,
} from './auth-flow';
import { CookieJar } from './cookie-jar';
import type { ImportFile } from './company-import';

/**
 * A whole portal stack of a test file's own, in the test worker's process — for what the
 * shared stack (in vitest's main process) cannot give: its handlers' log output, or SDK
 * faults that must hit this file's requests and never a concurrently running file's.
 */
export interface PrivateStack {
  readonly stack: LocalStack;
  readonly url: string;
  /** A simulated browser (cookies, IP via X-Forwarded-For) on this stack. */
  browser(ip: string, jar?: CookieJar): Browser;
  /** What this stack sent, once its outbox dispatcher has caught up. */
  messages(): Promise<SentMessages>;
  importFile: ImportFile;
  /** Activation + e-mail confirmation of a company's administrator, as a person would. */
  activateAndConfirm(
    company: CompanySummary,
    who: Browser,
    overrides?: Partial<ActivationFields>,
  ): Promise<ActivatedAdmin>;
  /** Full login through the SMS code when asked; answers the login cookies' browser. */
  logIn(
    who: Browser,
    admin: Pick<ActivatedAdmin, 'email' | 'password' | 'mobile'>,
  ): Promise<'with-code' | 'without-code'>;
  linkToken(to: string, page: string): Promise<string>;
  latestCode(e164Number: string): Promise<string>;
  stop(): Promise<void>;
}

export interface ActivationFields {
  civilite: 'M' | 'MME';
  lastName: string;
  firstName: string;
  email: string;
  mobile: string;
  password: string;
}

/** A port nobody listens on now: the origin (CSRF check) must be known before the stack starts. */
export const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

export async function startPrivateStack(
  options: Pick<LocalStackOptions, 'verboseHandlers' | 'log' | 'web'> = {},
): Promise<PrivateStack> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // Imported late: the handlers read their configuration (and the log level) when first loaded.
  const { startLocalStack } = await import('../../bin/local/stack');
  const stack = await startLocalStack({
    stage: 'test',
    port: await freePort(),
    host: '127.0.0.1',
    seedDemoData: false,
    runJobTimers: false,
    ...options,
  });

  const browser = (ip: string, jar = new CookieJar()): Browser => ({
    jar,
    ip,
    async call<T>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>> {
      const response = await callApiAt<T>(stack.url, method, path, {
        body: body ?? (method === 'GET' ? undefined : {}),
        cookies: jar.header(),
        headers: {
          'x-forwarded-for': ip,
          'user-agent': 'Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36',
        },
      });
      jar.store(response.cookies);
      return response;
    },
  });

  const messages = async (): Promise<SentMessages> => {
    await stack.drainStream();
    return (await callApiAt<SentMessages>(stack.url, 'GET', '/_dev/messages')).body;
  };

  const linkToken = async (to: string, page: string): Promise<string> => {
    const mail = (await messages()).emails.find(
      (email) => email.to.includes(to) && email.text.includes(page),
    );
    const token = mail?.text.match(new RegExp(`${page}#jeton=([A-Za-z0-9_-]+)`))?.[1];
    if (!token) throw new Error(`no ${page} link mailed to ${to}`);
    return token;
  };

  const latestCode = async (e164Number: string): Promise<string> => {
    const code = (await messages()).sms.find((sms) => sms.to === e164Number)?.text.match(/\b(\d{6})\b/)?.[1];
    if (!code) throw new Error(`no code sent to ${e164Number}`);
    return code;
  };

  const expectStatus = (response: ApiResponse, status: number, what: string) => {
    if (response.status !== status) {
      throw new Error(`${what}: ${response.status} ${JSON.stringify(response.body)}`);
    }
  };

  return {
    stack,
    url: stack.url,
    browser,
    messages,
    importFile: (key, body) => stack.importFile(key, body),
    linkToken,
    latestCode,
    async activateAndConfirm(company, who, overrides = {}) {
      const fields: ActivationFields = {
        civilite: 'MME',
        lastName: 'Lefèvre',
        firstName: 'Élodie',
        email: uniqueEmail('admin'),
        mobile: uniqueMobile(),
        password: STRONG_PASSWORD,
        ...overrides,
      };
      const activation = await who.call('POST', '/auth/activation', {
        siret: company.mainSiret,
        companyNumber: company.companyNumber,
        ...fields,
        cguVersion: '2026-11',
        cguAccepted: true,
      });
      expectStatus(activation, 201, 'activation');
      const token = await linkToken(fields.email, '/confirmation-email');
      expectStatus(await who.call('POST', '/auth/email-confirmation', { token }), 200, 'confirmation');
      return { email: fields.email, mobile: fields.mobile, password: fields.password, company };
    },
    async logIn(who, admin) {
      const login = await who.call<{ status: string; phoneEditable?: boolean }>('POST', '/auth/login', {
        email: admin.email,
        password: admin.password,
      });
      expectStatus(login, 200, 'login');
      if (login.body.status === 'authenticated') return 'without-code';
      const send = await who.call(
        'POST',
        '/auth/login/code',
        login.body.phoneEditable ? { mobile: admin.mobile } : {},
      );
      expectStatus(send, 200, 'code');
      const verify = await who.call('POST', '/auth/login/verify', {
        code: await latestCode(e164(admin.mobile)),
      });
      expectStatus(verify, 200, 'verify');
      return 'with-code';
    },
    stop: () => stack.stop(),
  };
}
