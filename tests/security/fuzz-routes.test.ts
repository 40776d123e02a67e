import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { routeContracts } from '../../functions/contracts/route-contracts';
import { healthResponse } from '../../functions/contracts/platform';
import { sirenWithKey, siretWithKey } from '../../functions/domain/siret';
import { API_BASE_PATH, routes as routeTable, type RouteDefinition } from '../../functions/routes';
import { COOKIE } from '../../functions/runtime/cookies';
import { baseUrl } from '../support/api';
import { activateAndConfirm, browser, logIn, uniqueIp } from '../support/auth-flow';
import { errorShapeProblems } from '../support/error-shape';
import { freshCompany } from '../support/fixtures';
import { biaTokenIn, emailsTo, insurerKey, newEmployee } from '../support/affiliation';
import { BIA_TOKEN_HEADER, INSURER_KEY_HEADER } from '../../functions/contracts/affiliation';

/**
 * Every route of the route table, called over HTTP with inputs generated from its zod
 * contract and with junk (wrong types, 100 KB+ bodies, hostile unicode, script, SQL and
 * NoSQL strings, prototype keys, arrays, nesting, broken JSON, wrong content types, bad
 * cookies and path parameters), as an anonymous caller, a signed-in administrator, a
 * login waiting for its SMS code, an employee holding a BIA link and the insurer's back office. Whatever comes in: never a 5xx, a 2xx answer matches the
 * route's response contract, and any other answer is exactly `{ code, message, fields? }` in
 * French with no trace of the server's insides. Each call comes from a new IP address (the
 * test stage trusts X-Forwarded-For) so the fuzzer tests validation, not the rate limiter.
 */
const routes = routeTable as readonly RouteDefinition[];
type Caller = 'anonymous' | 'signedIn' | 'loginAttempt' | 'employeeLink' | 'insurer';
const CALLERS: readonly Caller[] = ['anonymous', 'signedIn', 'loginAttempt', 'employeeLink', 'insurer'];
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const MAX_BODY_BYTES = 64 * 1024;
/** Bounded runs: the whole file stays around a minute on a loaded 2-core machine. */
const RUNS = { contract: 18, junk: 24, envelope: 15, cookies: 15 } as const;

/** Routes that end the caller's session: never fuzzed with the shared signed-in session. */
const endsSession = (route: RouteDefinition) => route.id === 'logout';

// ---------------------------------------------------------------------------------------
// Calling the API with full control over method, path, headers and bytes

interface Probe {
  caller: Caller;
  method: string;
  /** Below /api, already URL-encoded. */
  path: string;
  query?: string;
  contentType?: string;
  body?: string | Uint8Array;
  /** Replaces the caller's cookies. */
  cookie?: string;
  csrf?: 'ok' | 'missing' | 'foreign-origin';
}

interface Answer {
  status: number;
  headers: Headers;
  body: unknown;
}

let cookiesOf: Record<Caller, string>;
/** Credentials that travel in a header: the employee's BIA link, the back office's key. */
let headersOf: Record<Caller, Record<string, string>>;
let ownCompanyId: string;

async function send(probe: Probe): Promise<Answer> {
  const headers: Record<string, string> = {
    'x-forwarded-for': uniqueIp(),
    'user-agent': 'ees-fuzzer/1.0',
    ...headersOf[probe.caller],
  };
  if (STATE_CHANGING.has(probe.method) && probe.csrf !== 'missing') {
    headers['x-ees-request'] = '1';
    headers.origin = probe.csrf === 'foreign-origin' ? 'https://portail-entreprise.example.net' : baseUrl();
  }
  if (probe.contentType !== undefined) headers['content-type'] = probe.contentType;
  const cookie = probe.cookie ?? cookiesOf[probe.caller];
  if (cookie) headers.cookie = cookie;
  const response = await fetch(
    `${baseUrl()}${API_BASE_PATH}${probe.path}${probe.query ? `?${probe.query}` : ''}`,
    {
      method: probe.method,
      headers,
      // Bytes go as they are: fetch adds no content type for them.
      body: probe.body as BodyInit | undefined,
      redirect: 'manual',
    },
  );
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: the shape check reports it.
  }
  return { status: response.status, headers: response.headers, body };
}

const describeProbe = (probe: Probe) => {
  const body = typeof probe.body === 'string' ? probe.body : probe.body ? `<${probe.body.length} bytes>` : '';
  return `${probe.caller} ${probe.method} ${probe.path}${probe.query ? `?${probe.query}` : ''} [${probe.contentType ?? 'no content-type'}] ${body.slice(0, 300)}`;
};

interface Expected {
  status: number;
  code: string | readonly string[];
}

/** The route's answer must be handled: the assertions every fuzzed call goes through. */
function checkAnswer(
  route: RouteDefinition | undefined,
  probe: Probe,
  answer: Answer,
  expected?: Expected,
): void {
  const where = `${route?.id ?? 'no route'} ← ${describeProbe(probe)}`;
  const body = JSON.stringify(answer.body)?.slice(0, 600);
  // The health document is the one 503 by design (a dependency is down), in its own shape.
  const healthDown =
    route?.id === 'getHealth' && answer.status === 503 && healthResponse.safeParse(answer.body).success;
  if (answer.status >= 500 && !healthDown) throw new Error(`${where} answered ${answer.status}: ${body}`);
  if (answer.status >= 200 && answer.status < 300) {
    const contract = route ? routeContracts[route.id as keyof typeof routeContracts] : undefined;
    const parsed = contract?.response.safeParse(answer.body);
    if (parsed && !parsed.success)
      throw new Error(`${where} answered ${answer.status} off contract: ${body}`);
  } else if (!healthDown) {
    const problems = errorShapeProblems(answer);
    if (problems.length > 0)
      throw new Error(`${where} answered ${answer.status}, ${problems.join('; ')}: ${body}`);
  }
  if (expected) {
    const codes = typeof expected.code === 'string' ? [expected.code] : expected.code;
    const code = (answer.body as { code?: string } | undefined)?.code;
    if (answer.status !== expected.status || !codes.includes(code ?? '')) {
      throw new Error(
        `${where} answered ${answer.status} ${code}, expected ${expected.status} ${codes.join('|')}: ${body}`,
      );
    }
  }
}

// ---------------------------------------------------------------------------------------
// Who gets past the access rule (so the body checks are reached, and what they answer)

type AccessOutcome = 'pass' | Expected;

function accessOutcome(
  route: RouteDefinition,
  caller: Caller,
  params: Record<string, string>,
): AccessOutcome {
  switch (route.access) {
    case 'public':
      return 'pass';
    case 'authenticated':
      return caller === 'signedIn' ? 'pass' : { status: 401, code: 'UNAUTHENTICATED' };
    case 'companyMember':
    case 'companyAdmin':
      if (caller !== 'signedIn') return { status: 401, code: 'UNAUTHENTICATED' };
      return params.companyId === ownCompanyId ? 'pass' : { status: 403, code: 'FORBIDDEN' };
    case 'loginAttempt':
      return caller === 'loginAttempt' ? 'pass' : { status: 401, code: 'LOGIN_ATTEMPT_INVALID' };
    case 'employeeLink':
      return caller === 'employeeLink' ? 'pass' : { status: 401, code: 'BIA_LINK_INVALID' };
    case 'insurer':
      return caller === 'insurer' ? 'pass' : { status: 401, code: 'INSURER_KEY_INVALID' };
  }
}

/** What a body check answers once access is granted; the refusal of the access rule otherwise. */
const expectAfterAccess = (access: AccessOutcome, bodyOutcome: Expected | undefined): Expected | undefined =>
  access === 'pass' ? bodyOutcome : access;

const VALIDATION: Expected = { status: 400, code: 'VALIDATION_FAILED' };
const TOO_LARGE: Expected = { status: 413, code: 'PAYLOAD_TOO_LARGE' };
const BAD_JSON: Expected = { status: 400, code: 'INVALID_JSON' };
const MEDIA_TYPE: Expected = { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' };
const CSRF: Expected = { status: 403, code: 'CSRF_REJECTED' };

// ---------------------------------------------------------------------------------------
// Inputs generated from the zod contracts (through zod 4's JSON Schema)

type JsonSchema = {
  type?: string;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
};

const jsonSchemaOf = (schema: z.ZodType): JsonSchema =>
  z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as JsonSchema;

/** fast-check's regex generator has no \p{…}: letters and marks stand in for the classes. */
const generatablePattern = (pattern: string) =>
  new RegExp(pattern.replace(/\\p\{L\}/g, 'a-zA-ZÀ-ÖØ-öø-ÿ').replace(/\\p\{M\}/g, '\u0300-\u036f'));

const ulid = fc.stringMatching(/^[0-9A-HJKMNP-TV-Z]{26}$/);

/** Realistic values by field name, so generated inputs also reach the use cases. */
const semantic: Record<string, () => fc.Arbitrary<unknown>> = {
  siret: () =>
    fc
      .tuple(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 1, max: 9_999 }))
      .map(([siren, sequence]) => siretWithKey(sirenWithKey(String(siren).padStart(8, '0')), sequence)),
  companyNumber: () => fc.stringMatching(/^U[0-9]{9}$/),
  email: () => fc.integer({ min: 0, max: 2 ** 31 }).map((n) => `fuzz.${n.toString(36)}@example.com`),
  mobile: () => fc.stringMatching(/^0[67][0-9]{8}$/),
  password: () => fc.string({ minLength: 12, maxLength: 40 }),
  newPassword: () => fc.string({ minLength: 12, maxLength: 40 }),
  currentPassword: () => fc.string({ minLength: 1, maxLength: 40 }),
  token: () => fc.stringMatching(/^[A-Za-z0-9_-]{43}$/),
  code: () => fc.stringMatching(/^[0-9]{6}$/),
  companyId: () =>
    fc.oneof(fc.constant('own-company'), ulid).map((id) => (id === 'own-company' ? ownCompanyId : id)),
  userId: () => ulid,
};

function arbitraryFor(schema: JsonSchema, name?: string): fc.Arbitrary<unknown> {
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((alternative) => arbitraryFor(alternative, name)));
  const fromSchema = ((): fc.Arbitrary<unknown> => {
    switch (schema.type) {
      case 'object': {
        const properties = schema.properties ?? {};
        const model = Object.fromEntries(
          Object.entries(properties).map(([key, value]) => [key, arbitraryFor(value, key)]),
        );
        return fc.record(model, { requiredKeys: (schema.required ?? []).filter((key) => key in properties) });
      }
      case 'array':
        return fc.array(arbitraryFor(schema.items ?? {}), {
          minLength: schema.minItems ?? 0,
          maxLength: Math.min(schema.maxItems ?? 4, 4),
        });
      case 'string': {
        const minLength = schema.minLength ?? 0;
        const maxLength = schema.maxLength ?? 60;
        const text = schema.pattern
          ? fc.stringMatching(generatablePattern(schema.pattern))
          : fc.string({ minLength, maxLength: Math.min(maxLength, minLength + 60), unit: 'grapheme' });
        return text.filter((value) => value.length >= minLength && value.length <= maxLength);
      }
      case 'boolean':
        return fc.boolean();
      case 'integer':
        return fc.integer({
          min: Math.max(schema.minimum ?? -1e6, -1e6),
          max: Math.min(schema.maximum ?? 1e6, 1e6),
        });
      case 'number':
        return fc.double({ noNaN: true });
      default:
        return fc.jsonValue();
    }
  })();
  const realistic = name ? semantic[name] : undefined;
  return realistic ? fc.oneof(fromSchema, realistic()) : fromSchema;
}

const contractOf = (route: RouteDefinition) => routeContracts[route.id as keyof typeof routeContracts];
const paramNames = (route: RouteDefinition) =>
  [...route.path.matchAll(/\{(\w+)\}/g)].map((match) => match[1]!);
const bodyFields = (route: RouteDefinition): string[] => {
  const body = contractOf(route).body;
  return body ? Object.keys(jsonSchemaOf(body).properties ?? {}) : [];
};

const pathWith = (route: RouteDefinition, params: Record<string, string>) =>
  route.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));

/** Path parameters from the params contract (the caller's own company included). */
function contractParams(route: RouteDefinition): fc.Arbitrary<Record<string, string>> {
  const names = paramNames(route);
  if (names.length === 0) return fc.constant({});
  const schema = contractOf(route).params;
  const properties = schema ? (jsonSchemaOf(schema).properties ?? {}) : {};
  return fc.record(
    Object.fromEntries(
      names.map((name) => [name, arbitraryFor(properties[name] ?? { type: 'string' }, name)]),
    ),
  ) as fc.Arbitrary<Record<string, string>>;
}

const toQuery = (value: unknown) =>
  new URLSearchParams(
    Object.entries((value ?? {}) as Record<string, unknown>).map(([key, item]) => [key, String(item)]),
  ).toString();

// ---------------------------------------------------------------------------------------
// Junk

/** Hostile strings: direction overrides, emoji, combining marks, lone surrogates, NUL, markup, injections. */
const NASTY_STRINGS = [
  '\u202Eexe.gnp\u202C',
  'مرحبا بكم في الفضاء',
  '👩‍👩‍👧‍👦🏳️‍🌈🇫🇷',
  `e${'\u0301'.repeat(60)}`,
  'Z̷̢̛̭͙a̵̧l̸̡g̶o̷',
  '\ud800',
  '\udfff\ud800x',
  'a\u0000b',
  '\u0000',
  '\ufeff\u200b\u2028\u2029',
  '<script>alert(document.cookie)</script>',
  '"><img src=x onerror=alert(1)>',
  "javascript:alert('x')",
  '{{7*7}}${7*7}<%= 7*7 %>',
  "' OR '1'='1' --",
  '"; DROP TABLE users; --',
  "admin'--",
  '{"$ne":null}',
  "'; return true; var x='",
  '__proto__',
  'constructor.prototype',
  '../../../../etc/passwd',
  '..%2F..%2Fetc%2Fpasswd',
  '%00%0d%0aX-Injected: 1',
  '\r\nSet-Cookie: x=1',
  ' '.repeat(30),
  '',
  'A'.repeat(5_000),
  'NaN',
  'null',
] as const;

const nastyString = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NASTY_STRINGS) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 40 }) },
);

/** Values no string, enum, boolean or number field accepts. */
const structuralJunk = fc.oneof(
  fc.constant(null),
  fc.constant([]),
  fc.constant({}),
  fc.constant({ $ne: null }),
  fc.constant({ $gt: '' }),
  fc.constant({ $where: 'sleep(5000)' }),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { minLength: 1, maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 1 }), { minKeys: 1, maxKeys: 3 }),
);

interface JunkBody {
  kind: string;
  text: string;
  /** What a route with a body contract answers once access is granted; undefined = anything clean. */
  outcome: Expected | undefined;
}

const nested = (depth: number, leaf: string) => `${'['.repeat(depth)}${leaf}${']'.repeat(depth)}`;

function junkBodies(route: RouteDefinition): fc.Arbitrary<JunkBody> {
  const fields = bodyFields(route);
  const keys = fields.length > 0 ? fields : ['valeur'];
  const contract = contractOf(route).body;
  const valid = contract ? arbitraryFor(jsonSchemaOf(contract)) : fc.constant({});
  const json = (kind: string, outcome: Expected | undefined) => (value: unknown) => ({
    kind,
    text: JSON.stringify(value),
    outcome,
  });
  const sized = (kind: string, text: string): JunkBody => ({
    kind,
    text,
    outcome: Buffer.byteLength(text) > MAX_BODY_BYTES ? TOO_LARGE : VALIDATION,
  });
  return fc.oneof(
    // Wrong types in every field.
    fc
      .record(Object.fromEntries(keys.map((key) => [key, structuralJunk])))
      .map(json('wrong types', VALIDATION)),
    // Something else than an object.
    fc
      .oneof(
        fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }),
        fc.string({ maxLength: 20 }),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
      )
      .map(json('not an object', VALIDATION)),
    valid.map((value) => ({
      kind: 'array of a valid body',
      text: JSON.stringify([value]),
      outcome: VALIDATION,
    })),
    // Huge: below, around and far beyond the 64 KB edge limit, in one- and multi-byte characters.
    fc
      .tuple(
        fc.constantFrom(...keys),
        fc.constantFrom(30_000, 65_000, 65_600, 100_000, 250_000),
        fc.constantFrom('x', 'é', '😀'),
      )
      .map(([key, size, unit]) =>
        sized(
          `huge ${unit}`,
          JSON.stringify({ [key]: unit.repeat(Math.ceil(size / Buffer.byteLength(unit))) }),
        ),
      ),
    // Hostile strings where the contract expects text.
    fc
      .record(Object.fromEntries(keys.map((key) => [key, nastyString])))
      .map(json('hostile strings', undefined)),
    // Prototype pollution and unknown keys around an otherwise valid body.
    valid.chain((value) =>
      fc
        .constantFrom(
          `{"__proto__":{"isAdmin":true,"role":"admin"},`,
          `{"constructor":{"prototype":{"isAdmin":true}},`,
          `{"prototype":{"polluted":1},`,
          `{"isAdmin":true,"role":"insurer",`,
        )
        .map((prefix) => {
          const rest = JSON.stringify(value).slice(1);
          return {
            kind: 'pollution and extra keys',
            text: `${prefix}${rest === '}' ? '"x":1}' : rest}`,
            outcome: VALIDATION,
          };
        }),
    ),
    // Deep nesting, at the top and inside a field.
    fc.constantFrom(1_000, 20_000, 30_000).map((depth) => sized('deeply nested', nested(depth, '{}'))),
    fc
      .tuple(fc.constantFrom(...keys), fc.constantFrom(100, 5_000))
      .map(([key, depth]) => sized('deeply nested field', `{"${key}":${nested(depth, '"x"')}}`)),
    fc
      .constantFrom(500, 5_000)
      .map((depth) => sized('nested objects', `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`)),
  );
}

const INVALID_JSON = [
  '{',
  '{"a":',
  "{'email':'a@b.fr'}",
  '{"a":1,}',
  '{"a":1}{"b":2}',
  'undefined',
  'NaN',
  '{"a":NaN}',
  '\u0000',
  '{"a":"\\x41"}',
  '<?xml version="1.0"?><a/>',
  'email=a%40b.fr&password=x',
] as const;

interface Envelope {
  kind: string;
  contentType?: string;
  body?: string | Uint8Array;
  csrf?: Probe['csrf'];
  /** For routes with a body contract, once access is granted (CSRF comes before access). */
  outcome: Expected | undefined;
  beforeAccess?: boolean;
}

function envelopes(route: RouteDefinition): fc.Arbitrary<Envelope> {
  const contract = contractOf(route).body;
  const valid = (contract ? arbitraryFor(jsonSchemaOf(contract)) : fc.constant({})).map((value) =>
    JSON.stringify(value),
  );
  return fc.oneof(
    fc.constant<Envelope>({
      kind: 'no body, JSON type',
      contentType: 'application/json',
      outcome: VALIDATION,
    }),
    fc.constant<Envelope>({ kind: 'no body, no type', outcome: MEDIA_TYPE }),
    fc.constant<Envelope>({
      kind: 'blank body',
      contentType: 'application/json',
      body: ' \n\t ',
      outcome: VALIDATION,
    }),
    fc
      .tuple(
        valid,
        fc.constantFrom(
          undefined,
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data; boundary=----x',
          'application/jsonp',
          'text/json',
          'application/json-patch+json',
          'application/xml',
          '*/*',
        ),
      )
      .map(([body, contentType]) => ({
        kind: 'wrong content type',
        contentType,
        // Without a type, fetch labels a string body text/plain itself: send bytes to really omit it.
        body: contentType === undefined ? new TextEncoder().encode(body) : body,
        outcome: MEDIA_TYPE,
      })),
    fc
      .oneof(
        fc.constantFrom(...INVALID_JSON),
        fc.string({ maxLength: 30 }).filter((text) => {
          if (text.trim() === '') return false;
          try {
            JSON.parse(text);
            return false;
          } catch {
            return true;
          }
        }),
      )
      .map((body) => ({
        kind: 'invalid JSON',
        contentType: 'application/json; charset=utf-8',
        body,
        outcome: BAD_JSON,
      })),
    fc
      .constantFrom(
        [0xff, 0xfe, 0xfd],
        [0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xc3, 0x28, 0x22, 0x7d],
        [0xed, 0xa0, 0x80],
      )
      .map((bytes) => ({
        kind: 'invalid UTF-8',
        contentType: 'application/json',
        body: Uint8Array.from(bytes),
        outcome: undefined,
      })),
    valid.map((body) => ({
      kind: 'no CSRF header',
      contentType: 'application/json',
      body,
      csrf: 'missing' as const,
      outcome: CSRF,
      beforeAccess: true,
    })),
    valid.map((body) => ({
      kind: 'foreign origin',
      contentType: 'application/json',
      body,
      csrf: 'foreign-origin' as const,
      outcome: CSRF,
      beforeAccess: true,
    })),
  );
}

/** Session, login and device cookies that are not what the server issued. */
const JUNK_COOKIE_VALUES = [
  '',
  'x',
  '.',
  'undefined',
  `${'0'.repeat(26)}.${'A'.repeat(43)}`,
  `01ARZ3NDEKTSV4RRFFQ69G5FAV.${'b'.repeat(43)}`,
  `01arz3ndektsv4rrffq69g5fav.${'b'.repeat(43)}`,
  `01ARZ3NDEKTSV4RRFFQ69G5FAV.${'b'.repeat(42)}=`,
  '<script>alert(1)</script>',
  "' OR 1=1 --",
  '{"$ne":null}',
  '__proto__',
  '../../etc/passwd',
  '%00%00',
  'éàÿ',
  'A'.repeat(4_000),
] as const;

const junkCookieHeader = fc.oneof(
  fc
    .tuple(
      fc.constantFrom(COOKIE.session, COOKIE.login, COOKIE.device),
      fc.constantFrom(...JUNK_COOKIE_VALUES),
    )
    .map(([name, value]) => ({
      kind: `junk ${name}`,
      header: `${name}=${value}`,
      junkSession: name === COOKIE.session,
    })),
  fc.constantFrom(';;;', '=', '==x', 'noequals', 'a=b=c; ;=;', `${COOKIE.session}`).map((header) => ({
    kind: 'malformed header',
    header,
    junkSession: false,
  })),
  fc.constantFrom(...JUNK_COOKIE_VALUES).map((value) => ({
    kind: 'junk session before the real one',
    header: `${COOKIE.session}=${value}; ${cookiesOf.signedIn}`,
    junkSession: true,
  })),
);

/** Path parameters that are not ids: encoded slashes and dots, markup, NUL, too long… */
const JUNK_PARAMS = [
  '..',
  '%2e%2e',
  '..%2F..%2Fme',
  '%2F',
  '.%2F.%2F',
  '%252F',
  '%00',
  '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
  '__proto__',
  'constructor',
  '%F0%9F%98%80',
  '%E2%80%AE',
  '*',
  '0',
  'A'.repeat(26).toLowerCase(),
  'Z'.repeat(2_000),
] as const;

// ---------------------------------------------------------------------------------------

describe('fuzzing every route over HTTP', () => {
  beforeAll(async () => {
    const company = await freshCompany();
    const admin = await activateAndConfirm(company, browser(uniqueIp()));
    const signedIn = browser(uniqueIp());
    await logIn(signedIn, admin);
    const pending = browser(uniqueIp());
    const login = await pending.call<{ status: string }>('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    expect(login.body.status).toBe('mfa_required');
    cookiesOf = {
      anonymous: '',
      signedIn: signedIn.jar.header(),
      loginAttempt: pending.jar.header(),
      employeeLink: '',
      insurer: '',
    };
    const me = await signedIn.call<{ companies: { companyId: string }[] }>('GET', '/me');
    ownCompanyId = me.body.companies[0]!.companyId;
    // An employee pré-affiliated by this company: the BIA link mailed to them.
    const employee = newEmployee({ siret: company.mainSiret });
    const created = await signedIn.call('POST', `/companies/${ownCompanyId}/affiliation-requests`, employee);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const token = (await emailsTo(employee.employee.email!))
      .map((mail) => biaTokenIn(mail.text))
      .find(Boolean);
    expect(token).toBeDefined();
    headersOf = {
      anonymous: {},
      signedIn: {},
      loginAttempt: {},
      employeeLink: { [BIA_TOKEN_HEADER]: token! },
      insurer: { [INSURER_KEY_HEADER]: insurerKey() },
    };
  });

  /**
   * The callers a route is fuzzed as: anonymous and signed in always; the holder of the
   * route's own header credential (BIA link, back-office key) only on its routes, so every
   * other route keeps its share of runs.
   */
  const callersOf = (route: RouteDefinition) =>
    fc.constantFrom(
      ...CALLERS.filter(
        (caller) =>
          !(endsSession(route) && caller === 'signedIn') &&
          (caller === 'employeeLink' || caller === 'insurer' ? route.access === caller : true),
      ),
    );

  describe.each(routes.map((route) => [route.id, route] as const))('%s', (_id, route) => {
    const hasBody = STATE_CHANGING.has(route.method);
    const bodyContract = Boolean(contractOf(route).body);

    it('answers inputs generated from its contract without a 5xx, errors in the French shape', async () => {
      const contract = contractOf(route);
      const input = fc.record({
        caller: callersOf(route),
        params: contractParams(route),
        query: contract.query ? arbitraryFor(jsonSchemaOf(contract.query)) : fc.constant(undefined),
        body: contract.body
          ? arbitraryFor(jsonSchemaOf(contract.body))
          : fc.constant(hasBody ? {} : undefined),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ caller, params, query, body }) => {
          const probe: Probe = {
            caller,
            method: route.method,
            path: pathWith(route, params),
            query: toQuery(query),
            ...(body !== undefined ? { contentType: 'application/json', body: JSON.stringify(body) } : {}),
          };
          const access = accessOutcome(route, caller, params);
          checkAnswer(route, probe, await send(probe), access === 'pass' ? undefined : access);
        }),
        { numRuns: hasBody || paramNames(route).length > 0 ? RUNS.contract : Math.ceil(RUNS.contract / 2) },
      );
    });

    if (hasBody) {
      it('refuses junk bodies cleanly: wrong types, 100 KB+, hostile unicode, injections, prototype keys, nesting', async () => {
        const input = fc.record({
          caller: callersOf(route),
          params: contractParams(route),
          junk: junkBodies(route),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ caller, params, junk }) => {
            const probe: Probe = {
              caller,
              method: route.method,
              path: pathWith(route, params),
              contentType: 'application/json',
              body: junk.text,
            };
            const access = accessOutcome(route, caller, params);
            const outcome = bodyContract ? junk.outcome : undefined;
            checkAnswer(route, probe, await send(probe), expectAfterAccess(access, outcome));
          }),
          { numRuns: RUNS.junk },
        );
      });

      it('refuses a malformed request cleanly: no or blank body, wrong content type, broken JSON or UTF-8, no CSRF', async () => {
        const input = fc.record({
          caller: callersOf(route),
          params: contractParams(route),
          envelope: envelopes(route),
        });
        await fc.assert(
          fc.asyncProperty(input, async ({ caller, params, envelope }) => {
            const probe: Probe = {
              caller,
              method: route.method,
              path: pathWith(route, params),
              contentType: envelope.contentType,
              body: envelope.body,
              csrf: envelope.csrf,
            };
            const access = accessOutcome(route, caller, params);
            const expected = envelope.beforeAccess
              ? envelope.outcome
              : expectAfterAccess(access, bodyContract ? envelope.outcome : undefined);
            checkAnswer(route, probe, await send(probe), expected);
          }),
          { numRuns: RUNS.envelope },
        );
      });
    }

    it('refuses bad cookies and odd path parameters cleanly', async () => {
      const params = paramNames(route);
      const junkParams =
        params.length > 0
          ? fc.record(Object.fromEntries(params.map((name) => [name, fc.constantFrom(...JUNK_PARAMS)])))
          : fc.constant({} as Record<string, string>);
      const input = fc.record({
        cookie: fc.oneof(junkCookieHeader, fc.constant(undefined)),
        caller: callersOf(route),
        rawParams: fc.oneof(junkParams, contractParams(route)),
      });
      await fc.assert(
        fc.asyncProperty(input, async ({ cookie, caller, rawParams }) => {
          const path = route.path.replace(/\{(\w+)\}/g, (_, name: string) => {
            const value = (rawParams as Record<string, string>)[name] ?? '';
            // Junk parameters are already URL-encoded (to carry %2F, %00…); generated ones are not.
            return (JUNK_PARAMS as readonly string[]).includes(value) ? value : encodeURIComponent(value);
          });
          const probe: Probe = {
            caller,
            method: route.method,
            path,
            cookie: cookie?.header,
            ...(hasBody ? { contentType: 'application/json', body: '{}' } : {}),
          };
          // Dot segments ("..", "%2e%2e") are resolved by the URL parser: another path, maybe no route.
          const samePath =
            new URL(`${API_BASE_PATH}${path}`, 'http://x').pathname === `${API_BASE_PATH}${path}`;
          const sessionRoute = ['authenticated', 'companyMember', 'companyAdmin'].includes(route.access);
          const expected =
            samePath && cookie?.junkSession && sessionRoute
              ? { status: 401, code: 'UNAUTHENTICATED' }
              : undefined;
          checkAnswer(samePath ? route : undefined, probe, await send(probe), expected);
        }),
        { numRuns: RUNS.cookies },
      );
    });
  });

  it('answers unknown API paths with 404 and undeclared methods with 405, in the error shape', async () => {
    // The same matching as the local API Gateway: literal segments, one segment per {param}.
    const known = routes.map((route) => ({
      route,
      pattern: new RegExp(
        `^${route.path
          .split('/')
          .map((segment) =>
            /^\{\w+\}$/.test(segment) ? '[^/]+' : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
          )
          .join('/')}$`,
      ),
    }));
    const path = fc.oneof(
      fc.constantFrom(
        '/',
        '',
        '/ME',
        '/me/',
        '//me',
        '/me;jsessionid=1',
        '/me%00',
        '/me/..%2F..%2Fhealth',
        '/auth/login%2F',
        '/auth/%2e%2e/me',
        '/%2e%2e/%2e%2e/etc/passwd',
        '/_dev/messages/../../me',
        '/companies',
        '/companies//users',
        '/health.json',
        '/openapi.json.bak',
        '/.env',
        '/__proto__',
        '/constructor/prototype',
      ),
      fc
        .array(fc.stringMatching(/^[a-z0-9._~-]{1,12}$/), { minLength: 1, maxLength: 4 })
        .map((parts) => `/${parts.join('/')}`),
      fc
        .constantFrom(...routes)
        .map((route) => pathWith(route, { companyId: ownCompanyId, userId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' })),
    );
    const input = fc.record({
      caller: fc.constantFrom<Caller>('anonymous', 'loginAttempt'),
      method: fc.constantFrom('GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'),
      path,
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ caller, method, path: rawPath }) => {
        const probe: Probe = {
          caller,
          method,
          path: rawPath,
          ...(method === 'GET' ? {} : { contentType: 'application/json', body: '{}' }),
        };
        const answer = await send(probe);
        // Judge by the path the server sees once the URL is normalised (dot segments resolved).
        const seen = new URL(`${API_BASE_PATH}${rawPath}`, 'http://x').pathname;
        if (!seen.startsWith(`${API_BASE_PATH}/`) && seen !== API_BASE_PATH) {
          expect(answer.status, describeProbe(probe)).toBeLessThan(500);
          return;
        }
        const below = seen.slice(API_BASE_PATH.length);
        const matching = known.filter(({ pattern }) => pattern.test(below));
        const route = matching.find((entry) => entry.route.method === method)?.route;
        const expected =
          matching.length === 0
            ? { status: 404, code: 'ROUTE_NOT_FOUND' }
            : !route
              ? { status: 405, code: 'METHOD_NOT_ALLOWED' }
              : undefined;
        checkAnswer(route, probe, answer, expected);
      }),
      { numRuns: 40 },
    );
  });

  it('refuses a company id too long for a table key with 403 on every company route, never a 500', async () => {
    // Routes scoped by a membership; the back office's routes take any company's id (fuzzed with its key).
    const companyRoutes = routes.filter(
      (route) =>
        route.path.includes('{companyId}') &&
        !endsSession(route) &&
        (route.access === 'companyMember' || route.access === 'companyAdmin'),
    );
    expect(companyRoutes.length).toBeGreaterThan(0);
    for (const route of companyRoutes) {
      const params = { companyId: 'Z'.repeat(1_500), userId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' };
      const probe: Probe = {
        caller: 'signedIn',
        method: route.method,
        path: pathWith(route, {
          ...Object.fromEntries(paramNames(route).map((name) => [name, params.userId])),
          ...params,
        }),
        ...(STATE_CHANGING.has(route.method) ? { contentType: 'application/json', body: '{}' } : {}),
      };
      checkAnswer(route, probe, await send(probe), { status: 403, code: 'FORBIDDEN' });
    }
  });

  it('answers 429 in the error shape when a public route’s per-IP limit is reached', async () => {
    const ip = uniqueIp();
    let last: Answer | undefined;
    for (let attempt = 0; attempt < 21; attempt++) {
      const siret = siretWithKey(sirenWithKey(String(10_000_000 + attempt * 7919).slice(0, 8)), attempt + 1);
      const response = await fetch(`${baseUrl()}/api/auth/activation/check`, {
        method: 'POST',
        headers: {
          'x-forwarded-for': ip,
          'x-ees-request': '1',
          origin: baseUrl(),
          'content-type': 'application/json',
        },
        body: JSON.stringify({ siret, companyNumber: `U${String(attempt).padStart(9, '0')}` }),
      });
      last = { status: response.status, headers: response.headers, body: await response.json() };
    }
    expect(last!.status).toBe(429);
    expect(errorShapeProblems(last!)).toEqual([]);
    expect(last!.body).toMatchObject({ code: 'RATE_LIMITED' });
  });
});

describe('fuzzing the session-ending routes with the signed-in session', () => {
  it('logs out whatever junk body comes with the request, and the session is gone', async () => {
    const route = routes.find((candidate) => candidate.id === 'logout')!;
    const probe: Probe = {
      caller: 'signedIn',
      method: route.method,
      path: route.path,
      contentType: 'text/plain',
      body: '{"__proto__":{"x":1}} <script>',
    };
    checkAnswer(route, probe, await send(probe), undefined);
    const me = routes.find((candidate) => candidate.id === 'getMe')!;
    const after: Probe = { caller: 'signedIn', method: 'GET', path: me.path };
    checkAnswer(me, after, await send(after), { status: 401, code: 'UNAUTHENTICATED' });
  });
});
