import type { DevMessagesResponse } from '../../contracts/platform';

interface CapturedEmail {
  destination?: { to?: string[] };
  subject?: string;
  body?: { text?: string; html?: string };
  at?: number;
}

interface CapturedSms {
  to: string;
  text: string;
  at: string;
}

/** Reads the mailbox of aws-ses-v2-local and the SMS captured by our SNS stand-in. */
export async function listSentMessages(endpoints: {
  sesEndpoint: string;
  snsEndpoint: string;
}): Promise<DevMessagesResponse> {
  const [store, sms] = await Promise.all([
    getJson<{ emails?: CapturedEmail[] }>(new URL('/store', endpoints.sesEndpoint)),
    getJson<CapturedSms[]>(new URL('/_messages', endpoints.snsEndpoint)),
  ]);
  // The emulators keep arrival order but stamp mails by the second: reversing before the
  // stable sort keeps same-second messages newest first.
  const emails = [...(store.emails ?? [])]
    .reverse()
    .map((email) => ({
      to: email.destination?.to ?? [],
      subject: email.subject ?? '',
      text: email.body?.text ?? '',
      html: email.body?.html ?? '',
      // The emulator stamps mails in epoch seconds.
      at: new Date((email.at ?? 0) * 1000).toISOString(),
    }))
    .sort((a, b) => b.at.localeCompare(a.at));
  // The SMS capture already answers newest first, with millisecond stamps.
  return { emails, sms: [...sms].sort((a, b) => b.at.localeCompare(a.at)) };
}

async function getJson<T>(url: URL): Promise<T> {
  const response = await fetch(url, { signal: AbortSignal.timeout(3_000) });
  if (!response.ok) throw new Error(`${url.pathname} answered ${response.status}`);
  return (await response.json()) as T;
}
