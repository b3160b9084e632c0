import { describe, expect, it } from 'vitest';
import { loadDataset } from '../../../src/core/data/load-dataset.js';
import type { ActorResponse } from '../../../src/core/fit/fit-demand.js';
import { projectionStability, STABILITY_BASELINES } from '../../../src/core/validate/projection-stability.js';

const dataset = loadDataset();
const codes = ['RUS', 'BLR', 'UKR', 'POL', 'USA', 'DEU', 'FRA', 'GBR', 'FIN', 'EST', 'LVA', 'LTU'];
const all = (r: (iso3: string) => ActorResponse): Record<string, ActorResponse> =>
  Object.fromEntries([...new Set([...codes, ...dataset.data.accessions.map((a) => a.iso3)])].map((c) => [c, r(c)]));

describe('projectionStability', () => {
  it('gives the closed form without responses: the margin is max(−λ, −δ) in every year', () => {
    // With ε = η = 0 the burden block of the Jacobian is −λ on the diagonal and the capability
    // block −δ (δ = 0.1), so the largest eigenvalue is −min(λ, δ) whatever the path.
    const slow = projectionStability(
      dataset,
      all(() => ({ elasticity: 0, spill_in: 0, speed: 0.05 })),
    );
    expect(slow.stable).toBe(true);
    expect(slow.worst.margin).toBeCloseTo(-0.05, 6);
    const fast = projectionStability(
      dataset,
      all(() => ({ elasticity: 0, spill_in: 0, speed: 0.3 })),
    );
    expect(fast.worst.margin).toBeCloseTo(-0.1, 6);
    expect(fast.worst.mode).toBe('stable');
  });

  it('finds the race when both blocs answer each other strongly', () => {
    const r = projectionStability(
      dataset,
      all(() => ({ elasticity: 3, spill_in: 0, speed: 0.5 })),
    );
    expect(r.stable).toBe(false);
    expect(r.worst.margin).toBeGreaterThan(0);
    expect(STABILITY_BASELINES.map((b) => b.id)).toContain(r.worst.scenario);
  });
});
