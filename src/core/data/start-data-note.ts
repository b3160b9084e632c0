/**
 * Return where a run's start data come from, naming the burden edition the scenario read.
 *
 * @param burdenSource The edition of the burdens (`ResolvedScenario.burdenSource`), e.g. `sipri-2026`.
 * @example startDataNote('sipri-2026') // 'start data SIPRI Milex 2026 (earlier years from the releases marked in the data), World Bank WDI, IMF WEO Oct 2025'
 */
export function startDataNote(burdenSource: string): string {
  const edition = burdenSource.replace(/^sipri-/, 'SIPRI Milex ');
  return `start data ${edition} (earlier years from the releases marked in the data), World Bank WDI, IMF WEO Oct 2025`;
}
