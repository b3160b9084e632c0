import * as Plot from '@observablehq/plot';
import type { ChartSpec } from '../../src/core/charts/chart-spec.js';

/** A chart's numbers as a table: a header row, then rows whose first cell names the row. */
export interface DataTable {
  /** The chart's title. */
  readonly caption: string;
  /** What the numbers are: the chart's subtitle, and the unit of values that have one. */
  readonly note: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

type Datum = Record<string, unknown>;

/** Headings of fields that no axis names. */
const FIELD_LABELS: Readonly<Record<string, string>> = { iso3: 'code', year: 'year' };

/** The values of a point of a fan: its median and the ends of its 5–95 % band. */
const FAN_LABELS: Readonly<Record<string, string>> = {
  median: 'median',
  low: '5th percentile',
  high: '95th percentile',
};

/**
 * A number as a table shows it: whole numbers as they are, at least 100 without decimals, then two
 * decimals, below 1 three significant digits.
 */
export function formatCell(value: unknown): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  if (!Number.isFinite(value)) return '—';
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  const a = Math.abs(value);
  if (a >= 100) return value.toLocaleString('en-US', { maximumFractionDigits: 0 });
  if (a >= 1) return value.toFixed(2);
  return Number(value.toPrecision(3)).toString();
}

function marksOf(markish: Plot.Markish): Plot.Markish[] {
  return Array.isArray(markish) ? markish.flatMap(marksOf) : [markish];
}

/** The data of a mark when it is an array of plain records, else undefined. */
function records(mark: Plot.Markish): Datum[] | undefined {
  const data = (mark as { data?: unknown } | null | undefined)?.data;
  if (!Array.isArray(data) || data.length === 0) return undefined;
  return data.every((d) => typeof d === 'object' && d !== null && !Array.isArray(d)) ? (data as Datum[]) : undefined;
}

const isPrimitive = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * The axis labels of the fields a mark puts on the x or y scale (`burden` → "% of GDP"), without
 * the arrows Plot's labels may carry.
 */
function axisLabels(spec: ChartSpec, mark: Plot.Markish): Map<string, string> {
  const labels = new Map<string, string>();
  const channels = (mark as { channels?: Record<string, { value?: unknown; scale?: unknown }> } | null)?.channels;
  for (const channel of Object.values(channels ?? {})) {
    if (typeof channel.value !== 'string' || (channel.scale !== 'x' && channel.scale !== 'y')) continue;
    const label = (spec.plot[channel.scale] as { label?: unknown } | undefined)?.label;
    if (typeof label === 'string') labels.set(channel.value, label.replace(/[←↑→↓]/g, '').trim());
  }
  return labels;
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * The numbers a chart shows, from its specification: the data of its tooltip (the values the
 * pointer reads), or else of its first mark drawn from records. Points over years become one row
 * per year and, when they name their series (`text`, `name`), one column per series (and per value
 * of a point, such as a fan's median and band); other records one row each. Columns are headed by
 * their axis's label where they have one. Undefined when the chart holds no records.
 */
export function specTable(spec: ChartSpec): DataTable | undefined {
  const marks = marksOf(spec.plot.marks ?? []);
  const mark = marks.find((m) => m instanceof Plot.Tip && records(m) !== undefined) ?? marks.find(records);
  const data = records(mark);
  if (data === undefined) return undefined;
  const fields = Object.keys(data[0] as Datum).filter((k) =>
    data.every((d) => d[k] === undefined || isPrimitive(d[k])),
  );
  // Every mark drawn from these records tells which axis a field is on (a bar's may be stacked away).
  const axes = new Map(marks.filter((m) => records(m) === data).flatMap((m) => [...axisLabels(spec, m)]));
  // Fields on one axis (a whisker's two ends) are told apart by their names.
  const shared = (k: string) => fields.some((f) => f !== k && axes.get(f) !== undefined && axes.get(f) === axes.get(k));
  const heading = (k: string) => {
    const label = axes.get(k) ?? FIELD_LABELS[k] ?? k;
    return capitalized(shared(k) ? `${label} (${FIELD_LABELS[k] ?? k})` : label);
  };
  const caption = spec.title;

  const texts = fields.filter((k) => data.every((d) => typeof d[k] === 'string'));
  if (data.every((d) => typeof d.year === 'number')) {
    // The name of a point's series: its `text`, its `name`, or its first text field; none for one series.
    const named = texts.includes('text') ? 'text' : texts.includes('name') ? 'name' : texts[0];
    const seriesOf = (d: Datum) => (named === undefined ? '' : String(d[named]));
    const values = fields.filter((k) => k !== 'year' && data.every((d) => typeof d[k] === 'number'));
    const series = [...new Set(data.map(seriesOf))];
    const years = [...new Set(data.map((d) => d.year as number))].sort((a, b) => a - b);
    const at = new Map(data.map((d) => [`${seriesOf(d)}\u0000${d.year}`, d]));
    const labels = values.includes('median') ? FAN_LABELS : {};
    const column = (s: string, v: string) =>
      named === undefined ? heading(v) : values.length === 1 ? s : `${s}, ${labels[v] ?? heading(v)}`;
    const unit = values.length === 1 ? axes.get(values[0] as string) : undefined;
    return {
      caption,
      note: named !== undefined && unit !== undefined ? `${spec.subtitle} Values: ${unit}.` : spec.subtitle,
      columns: [heading('year'), ...series.flatMap((s) => values.map((v) => column(s, v)))],
      rows: years.map((year) => [
        String(year),
        ...series.flatMap((s) => values.map((v) => formatCell(at.get(`${s}\u0000${year}`)?.[v]))),
      ]),
    };
  }

  // One row per record, named by its name or else its first text field.
  const head = texts.find((k) => k === 'name') ?? texts[0] ?? fields[0];
  const ordered = [...fields].sort((a, b) => Number(b === head) - Number(a === head));
  return {
    caption,
    note: spec.subtitle,
    columns: ordered.map(heading),
    rows: data.map((d) => ordered.map((k) => formatCell(d[k]))),
  };
}
