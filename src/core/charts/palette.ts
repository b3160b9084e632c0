/** Colours of the actors and blocs named in the charts (Okabe–Ito hues, distinguishable in colour blindness). */
export const ACTOR_COLORS: Readonly<Record<string, string>> = {
  USA: '#0072B2',
  POL: '#D55E00',
  DEU: '#009E73',
  FRA: '#CC79A7',
  GBR: '#E69F00',
  FIN: '#56B4E9',
  RUS: '#B2182B',
  BLR: '#8C6D31',
  UKR: '#3C5DA8',
  NATO: '#0072B2',
  NATO_EUR_CAN: '#56B4E9',
  RUS_BLOC: '#B2182B',
};

/** Grey of the context lines (all allies). */
export const CONTEXT_GREY = '#b8b8b8';

/** Colour of the median and reference lines. */
export const INK = '#222222';

/** Dash pattern of a baseline run. */
export const BASELINE_DASH = '6 4';

/**
 * Return the colour of an actor or bloc, black for one without its own.
 *
 * @param key ISO3 code or bloc id.
 * @example colorOf('POL') // '#D55E00'
 */
export function colorOf(key: string): string {
  return ACTOR_COLORS[key] ?? INK;
}
