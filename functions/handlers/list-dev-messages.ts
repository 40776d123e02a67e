import { httpRoute } from '../runtime/http';
import { config, isLocalStage } from '../runtime/config';
import { notFound } from '../domain/errors';
import { listSentMessages } from '../adapters/local/sent-messages';

/** Local stage only: what the emulators captured, so people and tests can read it. */
export const handler = httpRoute('listDevMessages', {
  run: async () => {
    const settings = config();
    if (!isLocalStage(settings.STAGE) || !settings.SES_ENDPOINT || !settings.SNS_ENDPOINT) {
      throw notFound('ROUTE_NOT_FOUND');
    }
    return listSentMessages({ sesEndpoint: settings.SES_ENDPOINT, snsEndpoint: settings.SNS_ENDPOINT });
  },
});
