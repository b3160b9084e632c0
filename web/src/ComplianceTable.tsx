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

/** "4.15 % (2024, SIPRI)" on two lines, the figure above its year and source: the panel is narrow. */
function burdenCell(text: string): JSX.Element | string {
  const cut = text.indexOf(' (');
  if (cut < 0) return text;
  return (
    <>
      {text.slice(0, cut)} <span class="burden-source">{text.slice(cut + 1)}</span>
    </>
  );
}

/**
 * Compliance of single allies: each row holds the share of its gap to the pledge an ally closes,
 * blank for the global lever's value.
 */
export function ComplianceTable({ values, allies, onChange }: Props): JSX.Element {
  // The rows are drawn only while the table is open: 32 inputs less to update on every move.
  const [open, setOpen] = useState(false);
  /** Why the last value typed was refused, naming the ally; empty when none was. */
  const [refused, setRefused] = useState('');
  const byAlly = values.complianceByAlly;
  const set = Object.keys(byAlly).length;
  const { min, max } = ALLY_COMPLIANCE_RANGE;
  const update = (ally: AllyInfo, input: HTMLInputElement | undefined, raw: string) => {
    const next = { ...byAlly };
    const value = Number(raw);
    // A number input holds '' for text that is not a number: refused, not taken for a blank.
    if (input?.validity.badInput === true) {
      setRefused(`${ally.name}: what was typed is not a number; enter one from ${min} to ${max}, or leave it blank.`);
      input.value = byAlly[ally.iso3] === undefined ? '' : String(byAlly[ally.iso3]);
      return;
    }
    if (raw.trim() !== '' && !(Number.isFinite(value) && value >= min && value <= max)) {
      setRefused(
        `${ally.name}: ${raw.trim()} is outside the range ${min} to ${max}; ${ally.name}'s compliance stays ${
          byAlly[ally.iso3] === undefined ? `at the global value (${values.compliance.toFixed(2)})` : byAlly[ally.iso3]
        }.`,
      );
      // The field shows the value in force again.
      if (input !== undefined) input.value = byAlly[ally.iso3] === undefined ? '' : String(byAlly[ally.iso3]);
      return;
    }
    setRefused('');
    if (raw.trim() === '') delete next[ally.iso3];
    else next[ally.iso3] = value;
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
                      {burdenCell(latestBurdenText(a))}
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
                        onChange={(e) => update(a, e.currentTarget, e.currentTarget.value)}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        class="reset"
                        disabled={own === undefined}
                        aria-label={`Reset ${a.name}'s compliance to the global value`}
                        onClick={() => update(a, undefined, '')}
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
      {refused === '' ? null : (
        <p class="error" role="alert" data-testid="compliance-refused">
          {refused}
        </p>
      )}
      <p class="lever-note">
        Share of the gap to the pledge each ally closes, 0–1; blank takes the global compliance. Burdens on SIPRI's
        definition.
      </p>
    </details>
  );
}
