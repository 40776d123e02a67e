import { anomaliesRepository } from './dynamodb/anomalies-repository';
import { employeePorts } from './employee-ports';
import type { AnomalyPorts } from '../use-cases/anomalies/anomalies';

let ports: AnomalyPorts | undefined;

/** The production wiring of the anomaly use cases (those of Mes salariés, plus the anomalies). */
export function anomalyPorts(): AnomalyPorts {
  ports ??= { ...employeePorts(), anomalies: anomaliesRepository() };
  return ports;
}
