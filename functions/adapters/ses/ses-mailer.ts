import { SendEmailCommand } from '@aws-sdk/client-ses';
import { sesClient } from '../../runtime/clients';
import { config } from '../../runtime/config';
import { PermanentDeliveryError, type EmailMessage, type Mailer } from '../../ports/messaging';

const PERMANENT_SES_ERRORS = new Set([
  'MessageRejected',
  'MailFromDomainNotVerifiedException',
  'InvalidParameterValue',
]);

export const sesMailer = (): Mailer => ({
  async send(message: EmailMessage) {
    const charset = 'UTF-8';
    try {
      await sesClient().send(
        new SendEmailCommand({
          Source: config().MAIL_FROM,
          Destination: { ToAddresses: [...message.to] },
          ReplyToAddresses: message.replyTo ? [...message.replyTo] : undefined,
          Message: {
            Subject: { Data: message.subject, Charset: charset },
            Body: {
              Text: { Data: message.text, Charset: charset },
              Html: { Data: message.html, Charset: charset },
            },
          },
        }),
      );
    } catch (error) {
      if (error instanceof Error && PERMANENT_SES_ERRORS.has(error.name)) {
        throw new PermanentDeliveryError(error.name);
      }
      throw error;
    }
  },
});
