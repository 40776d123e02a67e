/** `npm run reset`: forget every local datum (tables, files, users, captured messages). */
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';

const dataDir = resolve(import.meta.dirname, '../.local');
await rm(dataDir, { recursive: true, force: true });
console.log(
  'Données locales effacées (.local/). Le prochain « npm start » repart des données de démonstration.',
);
