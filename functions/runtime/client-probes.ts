import type { MiddlewareStack } from '@smithy/types';

/**
 * Observation and fault hooks on the AWS SDK clients, installed only in the local and test
 * stages: the benchmark counts DynamoDB round trips and consumed capacity per request, and
 * the fault-injection tests make a chosen call fail. In AWS nothing is installed.
 */
export interface SdkCall {
  service: string;
  operation: string;
  readCapacity: number;
  writeCapacity: number;
}

export type FaultKind = 'throttle' | 'timeout' | 'server-error';

export interface FaultRule {
  service: string;
  /** Command name without the "Command" suffix (e.g. "TransactWriteItems"); absent = any. */
  operation?: string;
  kind: FaultKind;
  /** How many matching calls fail before the rule wears off. */
  times: number;
}

const recorders = new Set<(call: SdkCall) => void>();
let faults: FaultRule[] = [];

export function recordSdkCalls(recorder: (call: SdkCall) => void): () => void {
  recorders.add(recorder);
  return () => recorders.delete(recorder);
}

export function injectFault(rule: FaultRule): void {
  faults.push({ ...rule });
}

export function clearFaults(): void {
  faults = [];
}

const CAPACITY_OPERATIONS = new Set([
  'GetItem',
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'Query',
  'Scan',
  'BatchGetItem',
  'BatchWriteItem',
  'TransactWriteItems',
  'TransactGetItems',
]);

const FAULT_ERRORS: Record<FaultKind, () => Error> = {
  throttle: () =>
    Object.assign(new Error('Rate exceeded (injected)'), {
      name: 'ThrottlingException',
      $fault: 'client',
      $metadata: { httpStatusCode: 400 },
      // The SDK must not retry it away: the test wants to see the failure handled.
      $retryable: undefined,
    }),
  timeout: () =>
    Object.assign(new Error('Request timed out (injected)'), { name: 'TimeoutError', $metadata: {} }),
  'server-error': () =>
    Object.assign(new Error('Internal failure (injected)'), {
      name: 'InternalFailure',
      $fault: 'server',
      $metadata: { httpStatusCode: 500 },
    }),
};

type Capacity = { ReadCapacityUnits?: number; WriteCapacityUnits?: number; CapacityUnits?: number };

const READ_OPERATIONS = new Set(['GetItem', 'Query', 'Scan', 'BatchGetItem', 'TransactGetItems']);

/**
 * DynamoDB Local (and AWS for some operations) answers only the total `CapacityUnits`, without
 * the read/write split: the operation then says which kind of capacity it was.
 */
const sumCapacity = (operation: string, consumed: unknown): { read: number; write: number } => {
  const list = (Array.isArray(consumed) ? consumed : consumed ? [consumed] : []) as Capacity[];
  const isRead = READ_OPERATIONS.has(operation);
  return list.reduce(
    (total, entry) => {
      const split = entry.ReadCapacityUnits !== undefined || entry.WriteCapacityUnits !== undefined;
      const units = entry.CapacityUnits ?? 0;
      return {
        read: total.read + (split ? (entry.ReadCapacityUnits ?? 0) : isRead ? units : 0),
        write: total.write + (split ? (entry.WriteCapacityUnits ?? 0) : isRead ? 0 : units),
      };
    },
    { read: 0, write: 0 },
  );
};

/** Adds the probe to a client's middleware stack (before retries, so a fault is final). */
export function instrumentClient(service: string, stack: MiddlewareStack<object, object>): void {
  stack.add(
    (next, context) => async (args) => {
      const operation = String((context as { commandName?: string }).commandName ?? '').replace(
        /Command$/,
        '',
      );
      const rule = faults.find(
        (fault) => fault.service === service && (!fault.operation || fault.operation === operation),
      );
      if (rule) {
        rule.times -= 1;
        if (rule.times <= 0) faults = faults.filter((fault) => fault !== rule);
        throw FAULT_ERRORS[rule.kind]();
      }
      if (recorders.size === 0) return next(args);
      const input = (args as { input: Record<string, unknown> }).input;
      if (service === 'dynamodb' && CAPACITY_OPERATIONS.has(operation))
        input.ReturnConsumedCapacity ??= 'TOTAL';
      const result = await next(args);
      const output = (result as { output?: { ConsumedCapacity?: unknown } }).output;
      const { read, write } = sumCapacity(operation, output?.ConsumedCapacity);
      for (const recorder of recorders)
        recorder({ service, operation, readCapacity: read, writeCapacity: write });
      return result;
    },
    { step: 'initialize', name: 'eesClientProbe', priority: 'high' },
  );
}
