const MANTISSAS = [[1], [1, 3], [1, 2, 5], [1, 2, 3, 5], [1, 1.5, 2, 3, 4, 5, 6, 7, 8, 9]] as const;

/**
 * Return tick values for a log scale: the densest 1–2–5 style series with at most `maxTicks` values
 * in the domain (at least two when the domain allows).
 *
 * @param domain The scale's domain, both ends positive, either order.
 * @param maxTicks Largest number of ticks, default 8.
 * @throws {RangeError} when an end of the domain is not positive and finite.
 * @example logTicks([1.6, 45]) // [2, 3, 5, 10, 20, 30]
 */
export function logTicks(domain: readonly [number, number], maxTicks = 8): number[] {
  const lo = Math.min(domain[0], domain[1]);
  const hi = Math.max(domain[0], domain[1]);
  if (!(lo > 0 && Number.isFinite(hi))) {
    throw new RangeError(`logTicks: domain [${domain[0]}, ${domain[1]}] is not positive; use ends above zero`);
  }
  const series = MANTISSAS.map((mantissas) => {
    const ticks: number[] = [];
    for (let e = Math.floor(Math.log10(lo)) - 1; e <= Math.ceil(Math.log10(hi)); e++) {
      for (const m of mantissas) {
        const v = Number((m * 10 ** e).toPrecision(12));
        if (v >= lo && v <= hi) ticks.push(v);
      }
    }
    return ticks;
  });
  const fitting = series.filter((t) => t.length <= maxTicks);
  const best = fitting[fitting.length - 1] ?? series[0] ?? [];
  return best.length >= 2 || fitting.length === series.length ? best : (series[series.length - 1] ?? best);
}
