/**
 * Defaults of the scenario fields (docs/model.md §2). Each is a visible, documented assumption; see
 * `docs/model.md` for the sources.
 */
export const DEFAULTS = {
  model: 'demand',
  start: 2025,
  end: 2050,
  stepYears: 1 / 12,
  solver: 'rk4',
  /** The Russian bloc. */
  russianBloc: ['RUS', 'BLR'],
  /** Partners of NATO that Russia counts as adversaries without being allies. */
  partners: ['UKR'],
  /** Actors besides the allies. */
  otherActors: ['RUS', 'BLR', 'UKR'],
  pledge: { name: 'Hague core', target: 0.035, by: 2035 },
  compliance: 0.8,
  elasticity: 0.3,
  elasticityByActor: { RUS: 1.0 } as Record<string, number>,
  spillIn: 0,
  speed: 0.4,
  /** War terms from data: the burden rise from the pre-war year to the last year of data. */
  warActors: ['RUS', 'UKR'],
  warBaseYear: 2021,
  warFadeYears: 3,
  decayKm: 1500,
  floorByActor: { USA: 0.25 } as Record<string, number>,
  depreciation: 0.1,
  buildShare: 1,
  minShare: 0.001,
  maxShare: 0.15,
  /** s_max is raised to this multiple of the start burden where that is higher. */
  maxShareMultiple: 1.25,
  /** Burdens come from SIPRI: one definition for both blocs. */
  burdenSource: 'sipri',
} as const;
