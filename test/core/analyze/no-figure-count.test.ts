import { describe, expect, it } from 'vitest';
import { twoPercentClaim } from '../../../src/core/analyze/claims/two-percent.js';
import { pledgeReport } from '../../../src/core/analyze/pledge-report.js';
import { Dataset } from '../../../src/core/data/dataset.js';
import { loadDataset } from '../../../src/core/data/load-dataset.js';

const full = loadDataset();

/** The dataset as it stood before NATO's 2026 edition: the 2025 edition, with its press-quoted 2025 figures, is the newest. */
const before2026 = new Dataset({
  ...full.data,
  sources: full.data.sources.filter((s) => s.id !== 'nato-2026'),
  series: full.data.series.filter((s) => s.source !== 'nato-2026'),
});

describe('allies without a figure: one count for the pledge tracker and claim 2', () => {
  it('counts Iceland, which NATO never reports, in both', () => {
    // The tracker's report (the page asks with the press figures, as here).
    const tracker = pledgeReport(before2026, { year: 2025, edition: '2025' });
    expect(tracker.counts.pressReported).toBeGreaterThan(0);
    expect(tracker.counts.missing).toContain('ISL');
    expect(tracker.counts.missing).toHaveLength(
      tracker.counts.members - tracker.counts.reported - tracker.counts.pressReported,
    );

    const claim = twoPercentClaim(before2026);
    const none = claim.numbers.find((n) => n.label === 'Allies with no 2025 figure at all');
    expect(none?.value).toBe(tracker.counts.missing.length);
    expect(claim.answer).toContain(`with ${tracker.counts.missing.length} allies without a figure`);
  });
});
