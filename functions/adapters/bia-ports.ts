import { biaRepository } from './dynamodb/bia-repository';
import { employeesRepository } from './dynamodb/employees-repository';
import { keyedDigest } from './system/keyed-digest';
import { sharedAffiliationPorts } from './affiliation-wiring';
import { config } from '../runtime/config';
import type { BiaPorts } from '../use-cases/affiliation/bia';

let ports: BiaPorts | undefined;

/** The production wiring of the employee's BIA and of the paper BIA of the back office. */
export function biaPorts(): BiaPorts {
  ports ??= {
    ...sharedAffiliationPorts(),
    bia: biaRepository(),
    employees: employeesRepository(),
    // The same digest as the back-office import's lookups, so both find the same person.
    nirDigest: (nir) => keyedDigest('nir', nir),
    uploadsBucket: config().UPLOADS_BUCKET,
  };
  return ports;
}
