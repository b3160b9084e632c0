/**
 * Pixels of a saved PNG per px of its chart: the page draws its PNGs on a canvas at twice the
 * chart's size (`web/src/export.ts`), and the command line renders with resvg at the same scale.
 */
export const PNG_SCALE = 2;

/** The name a scenario gets when its file names none (`resolveScenario`). */
const UNNAMED = 'Unnamed scenario';

/**
 * The stem of a scenario's downloads on the page: its name in lower case with dashes, `armsrace`
 * for a scenario without a name.
 *
 * @param name The scenario's name.
 * @example fileStem('Hague pledge met') // 'hague-pledge-met'
 */
export function fileStem(name: string | undefined): string {
  const stem = (name === UNNAMED ? '' : (name ?? ''))
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return stem === '' ? 'armsrace' : stem;
}

/**
 * The file of a chart as the command line writes it into `--out`: its id and format.
 *
 * @example chartFileName('allies-burden', 'png') // 'allies-burden.png'
 */
export function chartFileName(id: string, format: 'svg' | 'png'): string {
  return `${id}.${format}`;
}

/**
 * The stem of the map's files: the year and the mode, as `armsrace map` names them.
 *
 * @example mapFileStem(2024, 'burden') // 'map-2024-burden'
 */
export function mapFileStem(year: number, mode: string): string {
  return `map-${year}-${mode}`;
}

/**
 * The name of a download on the page: the scenario's stem ({@link fileStem}), a dash, and the name
 * the command line gives the same file, so `armsrace run hague-met --out dir --chart png` writes
 * `dir/allies-burden.png` and the page saves `hague-pledge-met-allies-burden.png`.
 *
 * @param scenarioName The scenario's name.
 * @param file The command line's name of the file, e.g. `results.csv`.
 * @example downloadName('Hague pledge met', 'results.csv') // 'hague-pledge-met-results.csv'
 */
export function downloadName(scenarioName: string | undefined, file: string): string {
  return `${fileStem(scenarioName)}-${file}`;
}
