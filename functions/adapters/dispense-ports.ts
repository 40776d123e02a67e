import { dispensesRepository } from './dynamodb/dispenses-repository';
import { configuredReminderPolicy, sharedAffiliationPorts } from './affiliation-wiring';
import { config } from '../runtime/config';
import type { DispensePorts } from '../use-cases/dispenses/ports';

let ports: DispensePorts | undefined;

/** The production wiring of the employer's dispenses and of the job reminding their end. */
export function dispensePorts(): DispensePorts {
  ports ??= {
    ...sharedAffiliationPorts(),
    dispenses: dispensesRepository(),
    // The same schedule as every affiliation journey (a refusal reopens one).
    policy: configuredReminderPolicy(),
    uploadsBucket: config().UPLOADS_BUCKET,
  };
  return ports;
}
