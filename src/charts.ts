/**
 * The chart specifications of armsrace (`import … from 'armsrace/charts'`): each chart of a run, an
 * ensemble, a claim or the map as Observable Plot options or a standalone SVG element, built the
 * same way by the command line, the server and the page.
 *
 * @example import { CHARTS } from 'armsrace/charts'; CHARTS.map((c) => c.id)
 */
export * from './core/charts/index.js';
