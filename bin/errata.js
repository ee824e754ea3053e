#!/usr/bin/env node
// Runs the built CLI when present (installed package), else the TypeScript source (this repository).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dist = new URL('../dist/cli/run.js', import.meta.url);
if (existsSync(fileURLToPath(dist))) {
  await import(dist.href);
} else {
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url);
  await jiti.import('../src/cli/run.ts');
}
