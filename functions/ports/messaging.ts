export interface EmailMessage {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  readonly html: string;
  readonly replyTo?: readonly string[];
}

export interface SmsMessage {
  /** E.164 phone number. */
  readonly to: string;
  readonly text: string;
}

export interface Mailer {
  send(message: EmailMessage): Promise<void>;
}

export interface SmsSender {
  send(message: SmsMessage): Promise<void>;
}

/** A failure that retrying will not fix (bad address, rejected content…). */
export class PermanentDeliveryError extends Error {
  override name = 'PermanentDeliveryError';
}
