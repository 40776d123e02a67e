/**
 * Architecture rules, enforced by `npm run lint`:
 * - functions/domain: pure rules, imports nothing that does I/O;
 * - functions/contracts: zod schemas shared with the SPA — no node: or AWS modules;
 * - web/: imports only functions/contracts from the back end;
 * - handlers are the edge: nothing imports them (the route table names them by path).
 */
const IO_MODULES =
  '^(node:)?(fs|fs/promises|net|http|https|http2|dgram|dns|child_process|cluster|worker_threads|tls|readline)$|^@aws-sdk/|^aws-cdk-lib|^@middy/|^@aws-lambda-powertools/';

module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'functions/domain holds pure rules: no I/O, no AWS, no runtime/adapters.',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: {
        pathNot: '^functions/domain/',
        path: `${IO_MODULES}|^functions/(runtime|adapters|handlers|use-cases|ports|jobs|triggers)/`,
      },
    },
    {
      name: 'domain-imports-only-domain',
      severity: 'error',
      from: { path: '^functions/domain/' },
      to: { path: '^functions/', pathNot: '^functions/domain/' },
    },
    {
      name: 'contracts-are-portable',
      comment: 'Contracts are imported by the browser: no node: built-ins, no AWS, no back-end internals.',
      severity: 'error',
      from: { path: '^functions/contracts/' },
      to: {
        path: `^node:|${IO_MODULES}|^functions/(runtime|adapters|handlers|use-cases|ports|jobs|triggers)/`,
      },
    },
    {
      name: 'contracts-no-node-core',
      severity: 'error',
      from: { path: '^functions/(contracts|domain)/' },
      to: { dependencyTypes: ['core'], pathNot: '^(node:)?crypto$' },
    },
    {
      name: 'web-uses-only-contracts',
      comment:
        'The SPA may import only functions/contracts from the back end (contracts may use pure domain rules).',
      severity: 'error',
      from: { path: '^web/src/' },
      to: { path: '^(functions|lib|bin)/', pathNot: '^functions/contracts/' },
    },
    {
      name: 'nothing-imports-handlers',
      severity: 'error',
      from: { pathNot: '^tests/' },
      to: { path: '^functions/(handlers|jobs|triggers)/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
    },
    exclude: { path: '^(node_modules|cdk.out|web/dist|\\.local)' },
  },
};
