import { PublishCommand } from '@aws-sdk/client-sns';
import { snsClient } from '../../runtime/clients';
import { PermanentDeliveryError, type SmsMessage, type SmsSender } from '../../ports/messaging';

const PERMANENT_SNS_ERRORS = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'OptedOutException',
]);

export const snsSmsSender = (): SmsSender => ({
  async send(message: SmsMessage) {
    try {
      await snsClient().send(
        new PublishCommand({
          PhoneNumber: message.to,
          Message: message.text,
          MessageAttributes: {
            // Login codes must not wait behind marketing traffic.
            'AWS.SNS.SMS.SMSType': { DataType: 'String', StringValue: 'Transactional' },
            'AWS.SNS.SMS.SenderID': { DataType: 'String', StringValue: 'HCRBienEtre' },
          },
        }),
      );
    } catch (error) {
      if (error instanceof Error && PERMANENT_SNS_ERRORS.has(error.name)) {
        throw new PermanentDeliveryError(error.name);
      }
      throw error;
    }
  },
});
