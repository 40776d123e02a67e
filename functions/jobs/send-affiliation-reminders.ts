import { logger } from '../runtime/logger';
import { config, isLocalStage } from '../runtime/config';
import { affiliationPorts, fixedClock } from '../adapters/affiliation-ports';
import { runAffiliationSchedule } from '../use-cases/affiliation/reminders';

/**
 * What a run may be told. EventBridge sends neither; the local test stack sets them to run
 * the job "as at J+7" (`now`) and only on its own company's requests (`companyId`).
 */
export interface AffiliationScheduleEvent {
  now?: string;
  companyId?: string;
}

/** Scheduled: reminders of unfinished BIAs at J+7 / J+14 and abandonment at J+30 (configurable). */
export const handler = async (event: AffiliationScheduleEvent = {}) => {
  const testing = isLocalStage(config().STAGE);
  const base = affiliationPorts();
  const ports = testing && event.now ? { ...base, clock: fixedClock(event.now) } : base;
  const outcome = await runAffiliationSchedule(ports)({ companyId: testing ? event.companyId : undefined });
  if (outcome.reminded > 0 || outcome.abandoned > 0) logger.info('Affiliation schedule pass', { outcome });
  return outcome;
};
