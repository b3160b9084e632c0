import { Command, Option } from 'commander';
import { haguePath } from '../core/analyze/hague-path.js';
import { type PledgeReport, pledgeReport } from '../core/analyze/pledge-report.js';
import { CSV_DECIMALS, roundTo } from '../core/csv-precision.js';
import { InputError } from '../core/errors.js';
import { parseShare } from '../core/units.js';
import { datasetFor, type GlobalOptions, print } from './context.js';
import { fixed, formatTable, grouped, toCsv } from './format.js';

interface PledgeFlags {
  year?: string;
  threshold: string;
  source: string;
  edition?: string;
  format: 'table' | 'csv' | 'json';
  path?: 'hague';
  press: boolean;
}

const FLAG_LEGEND =
  "Flags: e = estimate by the source, u = highly uncertain, s = quoted by the press (not NATO's table)";

function parseYear(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d{4}$/.test(text))
    throw new InputError('bad-year', `--year: "${text}" is not a year; use four digits, e.g. 2024`, 'year');
  return Number(text);
}

/** `armsrace pledge`: who meets a spending threshold, and the path to The Hague's 3.5 %. */
export function pledgeCommand(globals: () => GlobalOptions): Command {
  return new Command('pledge')
    .description(
      "Who meets the 2 % (or any) threshold in a year, by NATO's or SIPRI's figures; or each ally's path to The Hague's 3.5 %",
    )
    .option('--year <year>', 'calendar year (default: the latest year of the edition)')
    .option('--threshold <share>', 'threshold as a percentage or a fraction', '2%')
    .addOption(new Option('--source <source>', 'whose figures').choices(['nato', 'sipri']).default('nato'))
    .option('--edition <edition>', 'edition of the source, e.g. 2024 (default: the latest)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'csv', 'json']).default('table'))
    .addOption(new Option('--path <pledge>', "each ally's linear path to a pledge and its cost").choices(['hague']))
    .option('--no-press', 'leave out figures quoted only by the press')
    .addHelpText(
      'after',
      `
An ally meets the threshold once its burden, rounded to two decimals of a percent as NATO
publishes it, reaches it: 1.995 % (shown 2.00) meets 2 %, 1.994 % (shown 1.99) does not. The same
rule counts allies in armsrace run, the claims and the dashboard. Allies without a figure are
listed apart, never counted.

CSV columns: burden_pct_gdp, threshold_pct_gdp and gap_pp to 4 decimals, gap_usd_m_current to 1.

Examples:
  armsrace pledge --year 2014                  allies at 2 % in 2014 (NATO, latest edition)
  armsrace pledge --year 2024 --edition 2024   the same year by NATO's June 2024 edition
  armsrace pledge --threshold 3.5% --format csv
  armsrace pledge --source sipri --year 2024   SIPRI's figures (a different definition)
  armsrace pledge --path hague                 each ally's path to 3.5 % by 2035 and its cost`,
    )
    .action(async (flags: PledgeFlags) => {
      const dataset = await datasetFor(globals());
      if (flags.path === 'hague') {
        printHague(
          haguePath(dataset, { source: flags.source, ...(flags.edition ? { edition: flags.edition } : {}) }),
          flags.format,
        );
        return;
      }
      const year = parseYear(flags.year);
      const report = pledgeReport(dataset, {
        ...(year !== undefined ? { year } : {}),
        threshold: parseShare(flags.threshold, '--threshold'),
        source: flags.source,
        ...(flags.edition ? { edition: flags.edition } : {}),
        includePress: flags.press,
      });
      printReport(report, flags.format);
    });
}

const pct = (share: number) => `${+(share * 100).toFixed(2)} %`;

function printReport(r: PledgeReport, format: PledgeFlags['format']) {
  if (format === 'json') return print(JSON.stringify(r, null, 2));
  if (format === 'csv') {
    return print(
      toCsv(
        r.rows.map((row) => ({
          year: r.year,
          iso3: row.iso3,
          ally: row.name,
          burden_pct_gdp: roundTo(row.burdenPct, CSV_DECIMALS.percent),
          flag: row.flag,
          threshold_pct_gdp: roundTo(r.threshold * 100, CSV_DECIMALS.percent),
          meets: row.meets,
          gap_pp: roundTo(row.gapPp, CSV_DECIMALS.percent),
          gap_usd_m_current: roundTo(row.gapUsdM, CSV_DECIMALS.money),
          rank: row.rank,
          source: row.source,
          gdp_source: row.gdpSource,
          urls: row.urls?.join(' ') ?? '',
        })),
      ),
    );
  }
  const t = pct(r.threshold);
  const lines = [
    `${r.sourceKind === 'nato' ? 'NATO allies' : 'Allies'} at ${t} of GDP in ${r.year} — ${r.citation} (${r.sourceKind.toUpperCase()} edition ${r.edition}${r.basis === undefined ? '' : `; basis: ${r.basis}`})`,
    '',
    formatTable(
      [
        { header: 'rank', align: 'right', cell: (x) => (x.rank === null ? '–' : String(x.rank)) },
        { header: 'ally', cell: (x) => x.name },
        { header: 'burden (% GDP)', align: 'right', cell: (x) => fixed(x.burdenPct, 2) },
        { header: 'flag', cell: (x) => (x.flag === null || x.flag === '.' ? '' : x.flag) },
        { header: `meets ${t}`, cell: (x) => (x.meets === null ? 'no figure' : x.meets ? 'yes' : 'no') },
        { header: 'gap (pp)', align: 'right', cell: (x) => fixed(x.gapPp, 2) },
        { header: 'gap (USD m, current)', align: 'right', cell: (x) => grouped(x.gapUsdM) },
      ],
      r.rows,
    ),
    '',
    ...r.totals.map(
      (x) =>
        `${x.name}: ${x.burdenPct === null ? 'no figure' : `${x.burdenPct.toFixed(2)} % of GDP (${x.basis}${x.flag === 'e' ? ', estimate' : ''})`}`,
    ),
    `${r.counts.meets} of ${r.counts.reported} allies reported in ${r.sourceKind.toUpperCase()}'s table meet ${t} ` +
      `(${r.counts.reported} of ${r.counts.expected} allies reported; ${r.counts.members} allies in ${r.year})`,
  ];
  if (r.counts.pressReported > 0) {
    lines.push(
      `Quoted by the press only (flag s, not in NATO's table): ${r.counts.pressMeets} of ${r.counts.pressReported} meet ${t}`,
    );
  }
  if (r.counts.missing.length > 0) lines.push(`No figure: ${r.counts.missing.join(', ')}`);
  lines.push('Gap = threshold minus burden (negative: above the line), in USD at GDP of the year.', FLAG_LEGEND);
  const press = r.rows.filter((x) => x.flag === 's');
  for (const x of press) lines.push(`  [s] ${x.name}: ${x.urls?.[0] ?? ''}`);
  print(lines.join('\n'));
}

/** The year The Hague Summit Declaration (2025) sets for reviewing the trajectory toward 5 %. */
const HAGUE_REVIEW_YEAR = 2029;

function printHague(h: ReturnType<typeof haguePath>, format: PledgeFlags['format']) {
  if (format === 'json') return print(JSON.stringify(h, null, 2));
  const years = (row: (typeof h.rows)[number]) => row.pathPct.map((_, i) => row.startYear + i);
  if (format === 'csv') {
    return print(
      toCsv(
        h.rows.flatMap((row) =>
          years(row).map((year, i) => ({
            iso3: row.iso3,
            ally: row.name,
            year,
            path_pct_gdp: roundTo(row.pathPct[i], CSV_DECIMALS.percent),
            extra_usd_m: roundTo(row.extraUsdM[i], CSV_DECIMALS.money),
            unit: h.unit,
          })),
        ),
      ),
    );
  }
  const bn = (v: number) => grouped(v / 1000, 1);
  print(
    [
      `Linear paths to ${pct(h.target)} of GDP by ${h.by} (and ${pct(h.referenceTarget)} for reference) — NATO edition ${h.edition}${h.basis === undefined ? '' : `; basis: ${h.basis}`}`,
      `Money in USD bn at constant prices (${h.unit.replace('USD_m_', '')}); GDP: ${h.gdpBasis}.`,
      '',
      formatTable(
        [
          { header: 'ally', cell: (x) => x.name },
          { header: 'from', align: 'right', cell: (x) => `${x.startYear}${x.startFlag === 'e' ? 'e' : ''}` },
          { header: 'start (% GDP)', align: 'right', cell: (x) => fixed(x.startPct, 2) },
          {
            header: `${HAGUE_REVIEW_YEAR} on the path (% GDP)`,
            align: 'right',
            cell: (x) => fixed(x.pathPct[HAGUE_REVIEW_YEAR - x.startYear] ?? null, 2),
          },
          { header: `extra in ${h.by} (USD bn)`, align: 'right', cell: (x) => bn(x.extraInDueYearUsdM) },
          { header: `cumulative to ${h.by} (USD bn)`, align: 'right', cell: (x) => bn(x.cumulativeUsdM) },
          {
            header: `at ${pct(h.referenceTarget)} (USD bn)`,
            align: 'right',
            cell: (x) => bn(x.cumulativeReferenceUsdM),
          },
        ],
        h.rows,
      ),
      '',
      `All allies, cumulative extra spending to ${h.by}: USD ${bn(h.totalCumulativeUsdM)} bn at ${pct(h.target)}; USD ${bn(h.totalCumulativeReferenceUsdM)} bn at ${pct(h.referenceTarget)}.`,
      ...(h.missing.length ? [`No figure (no path): ${h.missing.join(', ')}`] : []),
      'Extra spending = (path − start level) × real GDP, summed over the years after the start.',
      `The Hague Summit Declaration (2025) reviews the trajectory and balance of the spending in ${HAGUE_REVIEW_YEAR}: the column shows where each path stands then.`,
    ].join('\n'),
  );
}
