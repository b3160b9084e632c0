/**
 * Countries whose series the embedded dataset carries besides the NATO allies (which come from the
 * membership timeline): the Russian bloc (Russia, Belarus), the partners that enlargement
 * scenarios name (Ukraine, Georgia, Moldova), the USSR (Russia's predecessor in SIPRI's tables)
 * and China (the other great power in the nuclear and spending tables).
 */
export const OTHER_ACTORS: readonly string[] = ['RUS', 'BLR', 'UKR', 'GEO', 'MDA', 'SUN', 'CHN'];

/** NATO's aggregates as they appear in its tables. */
export const NATO_AGGREGATES: readonly { iso3: string; name: string }[] = [
  { iso3: 'NATO_EUR_CAN', name: 'NATO Europe and Canada' },
  { iso3: 'NATO_TOTAL', name: 'NATO Total' },
];
