import type { JSX } from 'preact';
import { useState } from 'preact/hooks';
import { latestBurdenText } from './ally-burdens.js';
import { ALLY_COMPLIANCE_RANGE, type LeverValues } from './levers.js';
import type { AllyInfo } from './protocol.js';

interface Props {
  readonly values: LeverValues;
  readonly allies: readonly AllyInfo[];
  readonly onChange: (patch: Partial<LeverValues>) => void;
}

/**
 * Compliance of single allies: each row holds the share of its gap to the pledge an ally closes,
 * blank for the global lever's value.
 */
export function ComplianceTable({ values, allies, onChange }: Props): JSX.Element {
  // The rows are drawn only while the table is open: 32 inputs less to update on every move.
  const [open, setOpen] = useState(false);
  const byAlly = values.complianceByAlly;
  const set = Object.keys(byAlly).length;
  const update = (iso3: string, raw: string) => {
    const next = { ...byAlly };
    const value = Number(raw);
    if (raw.trim() === '' || !Number.isFinite(value)) delete next[iso3];
    else next[iso3] = Math.min(ALLY_COMPLIANCE_RANGE.max, Math.max(ALLY_COMPLIANCE_RANGE.min, value));
    onChange({ complianceByAlly: next });
  };
  return (
    <details
      class="compliance-table"
      data-testid="compliance-table"
      onToggle={(e) => setOpen((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        Compliance of each ally{' '}
        <span class="lever-note">
          ({set === 0 ? 'all at the global value' : `${set} set, the others at ${values.compliance.toFixed(2)}`})
        </span>
      </summary>
      {open ? (
        <div class="table-wrap">
          <table>
            <caption class="visually-hidden">Compliance of each ally, 0 to 1; blank takes the global value</caption>
            <thead>
              <tr>
                <th scope="col">Ally</th>
                <th scope="col" class="num">
                  Latest burden
                </th>
                <th scope="col" class="num">
                  Compliance
                </th>
                <th scope="col">
                  <span class="visually-hidden">Reset</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {allies.map((a) => {
                const own = byAlly[a.iso3];
                const id = `compliance-${a.iso3}`;
                return (
                  <tr key={a.iso3}>
                    <th scope="row">
                      <label for={id}>{a.name}</label>
                    </th>
                    <td class="num" data-testid={`burden-${a.iso3}`}>
                      {latestBurdenText(a)}
                    </td>
                    <td class="num">
                      <input
                        type="number"
                        id={id}
                        min={ALLY_COMPLIANCE_RANGE.min}
                        max={ALLY_COMPLIANCE_RANGE.max}
                        step={ALLY_COMPLIANCE_RANGE.step}
                        placeholder={values.compliance.toFixed(2)}
                        value={own === undefined ? '' : own}
                        onChange={(e) => update(a.iso3, e.currentTarget.value)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="reset"
                        disabled={own === undefined}
                        aria-label={`Reset ${a.name}'s compliance to the global value`}
                        onClick={() => update(a.iso3, '')}
                      >
                        Reset
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
      <p class="lever-note">
        Share of the gap to the pledge each ally closes, 0–1; blank takes the global compliance. Burdens on SIPRI's
        definition.
      </p>
    </details>
  );
}
