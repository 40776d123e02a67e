/**
 * `npm start` (and `npm run dev` with --dev): the whole portal on this machine, on real
 * emulators, at http://localhost:3000. Ctrl-C stops every child process.
 */
import { existsSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { startLocalStack, type LocalStack } from './local/stack';
import { LocalStackError } from './local/emulators';
import { DEMO_UNACTIVATED_COMPANY } from './local/demo-data';
import { DEMO_PASSWORD, DEMO_USERS } from './local/demo-users';

// Local dev runs Node 20 with pinned SDK versions (the lock file); AWS runs the Lambdas on Node 22.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(root, '.local');
const dev = process.argv.includes('--dev');
const verbose = process.argv.includes('--verbose') || process.env.EES_VERBOSE === '1';
const port = Number(process.env.PORT ?? 3000);

const log = (line: string) => {
  if (verbose || /error|crash|rejected|failed/i.test(line)) console.log(line);
};

async function webOption() {
  if (!dev) {
    if (!existsSync(resolve(root, 'web/dist/index.html'))) {
      throw new LocalStackError(
        "L'application web n'est pas construite : lancez « npm run build:web » (npm start le fait).",
      );
    }
    return 'dist' as const;
  }
  const { createServer } = await import('vite');
  const vite = await createServer({
    configFile: resolve(root, 'web/vite.config.ts'),
    server: { middlewareMode: true },
    appType: 'spa',
    logLevel: 'warn',
  });
  return { middleware: vite.middlewares, close: () => vite.close() };
}

async function main(): Promise<void> {
  const started = performance.now();
  await mkdir(dataDir, { recursive: true });
  const web = await webOption();
  // Filled once started; Ctrl-C during start-up still stops what has started (emulators' exit hook).
  const running: { stack?: LocalStack } = {};
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nArrêt de l’Espace Entreprise Santé local…');
    await rm(resolve(dataDir, 'stack.json'), { force: true });
    await running.stack?.stop();
    if (typeof web === 'object') await web.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  const stack = await startLocalStack({
    stage: 'local',
    dataDir,
    port,
    host: '127.0.0.1',
    web: typeof web === 'object' ? { middleware: web.middleware } : web,
    seedDemoData: true,
    runJobTimers: true,
    verboseHandlers: verbose,
    log,
  });
  running.stack = stack;
  // Lets `npm run import` find the running emulators.
  await writeFile(resolve(dataDir, 'stack.json'), JSON.stringify(stack.env, null, 2));
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const publicUrl = `http://localhost:${port}`;
  console.log(
    [
      '',
      `Espace Entreprise Santé — prêt en ${seconds} s${dev ? ' (mode développement, rechargement à chaud)' : ''}`,
      `  Portail          ${publicUrl}`,
      `  API              ${publicUrl}/api  (santé : /api/health, OpenAPI : /api/openapi.json)`,
      `  Messages envoyés ${publicUrl}/api/_dev/messages   (boîte mail : ${stack.env.SES_ENDPOINT}/)`,
      '',
      'Entreprise de démonstration à activer (« Activer mon espace ») :',
      `  ${DEMO_UNACTIVATED_COMPANY.name}`,
      `  SIRET ${DEMO_UNACTIVATED_COMPANY.siret}   Identifiant entreprise ${DEMO_UNACTIVATED_COMPANY.companyNumber}`,
      `Comptes de démonstration (mot de passe ${DEMO_PASSWORD}, code SMS lisible dans les messages envoyés) :`,
      ...DEMO_USERS.map((user) => `  ${user.email.padEnd(34)} ${user.label}`),
      '',
      'Données conservées dans .local/ (npm run reset pour repartir de zéro). Ctrl-C pour arrêter.',
    ].join('\n'),
  );
}

main().catch((error: unknown) => {
  if (error instanceof LocalStackError) {
    console.error(`\n${error.message}`);
  } else {
    console.error('\nLe démarrage a échoué :', error);
  }
  process.exit(1);
});
