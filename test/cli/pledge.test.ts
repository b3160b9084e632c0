import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { runCli } from './run-cli.js';

describe('armsrace pledge (child process)', () => {
  it('prints the 2014 report: 3 of 27 reporting allies at 2 %, 28 allies', async () => {
    const r = await runCli(['pledge', '--year', '2014']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('NATO allies at 2 % of GDP in 2014');
    expect(r.stdout).toContain(
      "3 of 27 allies reported in NATO's table meet 2 % (27 of 27 allies reported; 28 allies in 2014)",
    );
    expect(r.stdout).toMatch(/burden \(% GDP\)/);
    expect(r.stdout).toContain('No figure: ISL');
    expect(r.stderr).toBe('');
  });

  it('counts 17 allies in 2024 by the 2026 edition, 18 by the 2025 edition and 23 by the 2024 edition', async () => {
    const a = await runCli(['pledge', '--year', '2024']);
    expect(a.stdout).toContain("17 of 31 allies reported in NATO's table meet 2 %");
    const b = await runCli(['pledge', '--year', '2024', '--edition', '2025']);
    expect(b.stdout).toContain("18 of 31 allies reported in NATO's table meet 2 %");
    const c = await runCli(['pledge', '--year', '2024', '--edition', '2024']);
    expect(c.stdout).toContain("23 of 31 allies reported in NATO's table meet 2 %");
  });

  it("defaults to the 2026 edition's latest year and names its basis", async () => {
    const r = await runCli(['pledge']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('in 2026');
    expect(r.stdout).toContain('(NATO edition 2026; basis: core defence expenditure, the Hague definition');
    expect(r.stdout).toContain(
      "30 of 31 allies reported in NATO's table meet 2 % (31 of 31 allies reported; 32 allies in 2026)",
    );
  });

  it("shows the 2025 edition's press-quoted figures flagged with a URL, on request", async () => {
    const r = await runCli(['pledge', '--edition', '2025']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(
      "4 of 4 allies reported in NATO's table meet 2 % (4 of 31 allies reported; 32 allies in 2025)",
    );
    expect(r.stdout).toMatch(/Quoted by the press only \(flag s, not in NATO's table\): 13 of 13/);
    expect(r.stdout).toMatch(/\[s\] Norway: https:\/\//);
    const noPress = await runCli(['pledge', '--edition', '2025', '--no-press']);
    expect(noPress.stdout).not.toContain('[s]');
  });

  it('writes CSV for machines, one row per ally', async () => {
    const r = await runCli(['pledge', '--year', '2014', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(rows).toHaveLength(28);
    expect(rows.filter((x) => x.meets === 'true')).toHaveLength(3);
    expect(Object.keys(rows[0] ?? {})).toEqual(
      expect.arrayContaining(['iso3', 'burden_pct_gdp', 'gap_usd_m_current', 'rank', 'source']),
    );
  });

  it("counts SIPRI's Sweden in 2024 (1.9977 %, shown 2.00) as meeting 2 %, as armsrace run does", async () => {
    const r = await runCli(['pledge', '--source', 'sipri', '--year', '2024']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Sweden\s+2\.00\s+yes\s/);
    const help = await runCli(['pledge', '--help']);
    expect(help.stdout).toContain('rounded to two decimals of a percent');
    expect(help.stdout).toContain('1.994 % (shown 1.99) does not');
  });

  it('writes CSV numbers to their stated precision, without float noise', async () => {
    const r = await runCli(['pledge', '--year', '2025', '--threshold', '3.5%', '--format', 'csv']);
    expect(r.code).toBe(0);
    const rows = parse(r.stdout, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((x) => x.threshold_pct_gdp))).toEqual(new Set(['3.5']));
    for (const x of rows) {
      if (x.burden_pct_gdp === '') continue;
      expect(x.burden_pct_gdp).toMatch(/^\d+(\.\d{1,4})?$/);
      expect(x.gap_pp).toMatch(/^-?\d+(\.\d{1,4})?$/);
      if (x.gap_usd_m_current !== '') expect(x.gap_usd_m_current).toMatch(/^-?\d+(\.\d)?$/);
    }
  });

  it('writes JSON with the counts and a threshold from a percentage', async () => {
    const r = await runCli(['pledge', '--year', '2024', '--threshold', '3.5%', '--format', 'json']);
    const json = JSON.parse(r.stdout);
    expect(json.threshold).toBeCloseTo(0.035, 15);
    expect(json.counts.members).toBe(32);
    expect(json.counts.meets).toBe(
      json.rows.filter((x: { burdenPct: number | null }) => (x.burdenPct ?? 0) >= 3.5).length,
    );
  });

  it('prints the Hague path with its cost', async () => {
    const r = await runCli(['pledge', '--path', 'hague']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Linear paths to 3.5 % of GDP by 2035 (and 5 % for reference)');
    expect(r.stdout).toMatch(/Poland\s+2026e\s+4\.68\s+4\.68\s+0\.0\s+0\.0/);
    expect(r.stdout).toContain('reviews the trajectory and balance of the spending in 2029');
    expect(r.stdout).toMatch(/All allies, cumulative extra spending to 2035: USD [\d,.]+ bn at 3\.5 %/);
    const csv = parse((await runCli(['pledge', '--path', 'hague', '--format', 'csv'])).stdout, {
      columns: true,
    }) as Record<string, string>[];
    expect(csv.find((x) => x.iso3 === 'ITA' && x.year === '2035')?.path_pct_gdp).toMatch(/^3\.5/);
  });

  it.each([
    [['pledge', '--year', '2013'], /year: 2013 is not covered by NATO edition 2026; use a year from 2014 to 2026/],
    [['pledge', '--year', '20x4'], /--year: "20x4" is not a year/],
    [['pledge', '--threshold', '150%'], /--threshold: 150% is out of range/],
    [['pledge', '--threshold', '2'], /--threshold: 2 is ambiguous; write a percentage such as 2%/],
    [['pledge', '--source', 'imf'], /argument 'imf' is invalid. Allowed choices are nato, sipri/],
    [['pledge', '--edition', '2019'], /edition: "2019" of nato is not in the dataset; available: 2026, 2025, 2024/],
    [['pledge', '--format', 'xml'], /Allowed choices are table, csv, json/],
    [['pledge', '--bogus'], /unknown option '--bogus'/],
    [['nonsense'], /unknown command 'nonsense'/],
  ])('exits 2 on bad usage %j', async (args, message) => {
    const r = await runCli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('prints help with examples and exits 0', async () => {
    const r = await runCli(['pledge', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Examples:');
    expect(r.stdout).toContain('--threshold <share>');
    const top = await runCli(['--help']);
    expect(top.stdout).toContain('Exit status: 0 success, 1 failure, 2 bad usage or bad input.');
  });
});
