import { logger } from '../runtime/logger';
import { config, isLocalStage } from '../runtime/config';
import { fixedClock } from '../adapters/affiliation-ports';
import { dispensePorts } from '../adapters/dispense-ports';
import { remindEndingDispenses } from '../use-cases/dispenses/ending-reminders';

/**
 * What a run may be told. EventBridge sends neither; the local test stack sets them to run
 * the job "as at J−30" (`now`) and only on its own company's dispenses (`companyId`).
 */
export interface EndingDispensesEvent {
  now?: string;
  companyId?: string;
}

/** Scheduled (daily): reminds the employer 30 days before a dispense ends; notes the ended ones. */
export const handler = async (event: EndingDispensesEvent = {}) => {
  const testing = isLocalStage(config().STAGE);
  const base = dispensePorts();
  const ports = testing && event.now ? { ...base, clock: fixedClock(event.now) } : base;
  const outcome = await remindEndingDispenses(ports)({ companyId: testing ? event.companyId : undefined });
  if (outcome.reminded > 0 || outcome.ended > 0) logger.info('Ending dispenses pass', { outcome });
  return outcome;
};
