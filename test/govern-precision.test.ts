// The linter on real public catalogs it was not written for (test/fixtures/real-catalogs/):
// every finding judged, precision held at 90% per rule and overall, the table published.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  type Measurement,
  measurePrecision,
  precisionTable,
  publishedTable,
} from '../scripts/lint-precision.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const measured: Promise<Measurement> = measurePrecision();

describe('lint precision on real catalogs', () => {
  it('lints at least five real catalogs', async () => {
    expect((await measured).catalogs.length).toBeGreaterThanOrEqual(5);
  });

  it('has a judgment for every finding, and no judgment of a finding that is gone', async () => {
    const m = await measured;
    expect(m.unjudged).toEqual([]);
    expect(m.stale).toEqual([]);
  });

  it('is right at least 9 times in 10 for every rule with findings, and overall', async () => {
    const m = await measured;
    const below = m.rules
      .filter((r) => r.precision !== undefined && r.precision < 0.9)
      .map((r) => `${r.rule}: ${r.truePositives}/${r.findings}`);
    expect(below).toEqual([]);
    expect(m.overall.precision).toBeGreaterThanOrEqual(0.9);
  });

  it('computes precision and recall from the judgments', async () => {
    const m = await measured;
    for (const r of [...m.rules, m.overall]) {
      expect(r.truePositives + r.falsePositives).toBe(r.findings);
      if (r.findings > 0) expect(r.precision).toBeCloseTo(r.truePositives / r.findings, 10);
      if (r.truePositives + r.missed > 0)
        expect(r.recall).toBeCloseTo(r.truePositives / (r.truePositives + r.missed), 10);
    }
    expect(m.overall.findings).toBe(m.rules.reduce((n, r) => n + r.findings, 0));
    expect(m.overall.missed).toBe(m.rules.reduce((n, r) => n + r.missed, 0));
  });

  it('publishes in docs/governance.md the table it computes', async () => {
    const guide = readFileSync(join(REPO, 'docs', 'governance.md'), 'utf8');
    expect(publishedTable(guide)).toBe(precisionTable(await measured));
  });
});
