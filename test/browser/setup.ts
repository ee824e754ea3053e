/**
 * Makes sure Debian's Chromium is present for the browser tests. Used as a
 * vitest `globalSetup` and from the browser tests' `beforeAll`: when the
 * browser is missing and we are root, installs it with apt-get (bounded in
 * time); otherwise fails with the command to run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROMIUM = process.env.ERRATA_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that keep Chromium quiet and offline apart from what the page itself asks for. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let checked = false;

export function ensureChromium(): string {
  if (checked || existsSync(CHROMIUM)) {
    checked = true;
    return CHROMIUM;
  }
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. The browser tests need it: run "sudo apt-get install -y chromium" (Debian), then run the tests again.`,
    );
  }
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, {
      stdio: 'inherit',
      timeout: 10 * 60_000,
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
    if (r.status !== 0)
      throw new Error(`"${cmd} ${args.join(' ')}" failed (${r.error?.message ?? `exit ${r.status}`})`);
  };
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', '--no-install-recommends', 'chromium']);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} does not exist`);
  checked = true;
  return CHROMIUM;
}

/** vitest globalSetup entry. */
export default function setup(): void {
  ensureChromium();
}
