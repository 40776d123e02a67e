import { employeesRepository } from './dynamodb/employees-repository';
import { usersRepository } from './dynamodb/users-repository';
import { systemClock } from './system/system-clock';
import { ulidIds } from './system/ulid-ids';
import { keyedDigest } from './system/keyed-digest';
import { config } from '../runtime/config';
import type { EmployeePorts } from '../use-cases/employees/employees';

let ports: EmployeePorts | undefined;

/** The production wiring of the contracts and employees use cases. */
export function employeePorts(): EmployeePorts {
  ports ??= {
    employees: employeesRepository(),
    users: usersRepository(),
    clock: systemClock,
    ids: ulidIds,
    nirDigest: (nir) => keyedDigest('nir', nir),
    generatedBucket: config().GENERATED_BUCKET,
  };
  return ports;
}
