import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { routes as routeTable, type Access, type RouteDefinition } from '../../../functions/routes';

const routes: readonly RouteDefinition[] = routeTable;
import { eventTriggers, scheduledJobs } from '../../../functions/schedules';
import { routeContracts } from '../../../functions/contracts/route-contracts';

const functionsDir = resolve(import.meta.dirname, '../../../functions');
const accessRules: readonly Access[] = [
  'public',
  'authenticated',
  'companyMember',
  'companyAdmin',
  'loginAttempt',
  'employeeLink',
  'insurer',
];

describe('route table', () => {
  it('gives every route a unique id and a unique method + path', () => {
    expect(new Set(routes.map((route) => route.id)).size).toBe(routes.length);
    expect(new Set(routes.map((route) => `${route.method} ${route.path}`)).size).toBe(routes.length);
  });

  it.each(routes.map((route) => [route.id, route] as const))(
    '%s has a handler file, an access rule and a contract',
    (id, route) => {
      expect(existsSync(resolve(functionsDir, route.handler)), `${route.handler} exists`).toBe(true);
      expect(accessRules).toContain(route.access);
      expect(routeContracts[id as keyof typeof routeContracts]).toBeDefined();
    },
  );

  it('puts the company in the path of every company-scoped route', () => {
    for (const route of routes) {
      if (route.access === 'companyMember' || route.access === 'companyAdmin') {
        expect(route.path, route.id).toContain('{companyId}');
      }
    }
  });

  it('has one handler file per route (one Lambda per portal action)', () => {
    expect(new Set(routes.map((route) => route.handler)).size).toBe(routes.length);
  });

  it('points every job and trigger at an existing handler', () => {
    for (const entry of [...scheduledJobs, ...eventTriggers]) {
      expect(existsSync(resolve(functionsDir, entry.handler)), entry.handler).toBe(true);
    }
  });
});
