import type { JSX } from 'preact';
import { ComplianceTable } from './ComplianceTable.js';
import { CheckLever, RangeLever } from './LeverControls.js';
import {
  CANDIDATES,
  type FittedResponses,
  LEVER_GROUPS,
  LEVERS,
  type LeverGroup,
  type LeverRow,
  type LeverValues,
} from './levers.js';
import type { AllyInfo } from './protocol.js';

interface Props {
  readonly values: LeverValues;
  readonly defaults: Readonly<LeverValues>;
  readonly fitted: FittedResponses | undefined;
  readonly allies: readonly AllyInfo[];
  readonly onChange: (patch: Partial<LeverValues>) => void;
  readonly onResetAll: () => void;
}

const rowsOf = (group: LeverGroup) => LEVERS.filter((row) => row.group === group);

/** Every lever of the scenario, grouped: the rows of `LEVERS`. */
export function Levers({ values, defaults, fitted, allies, onChange, onResetAll }: Props): JSX.Element {
  const common = { values, defaults, onChange };
  const control = (row: LeverRow): JSX.Element => {
    switch (row.kind) {
      case 'range':
        return (
          <RangeLever
            {...common}
            key={row.key}
            name={row.key}
            label={row.label}
            range={row.range}
            format={row.format}
            disabled={row.enabledBy === undefined ? false : !values[row.enabledBy]}
            hint={row.hint?.(fitted)}
          />
        );
      case 'check':
        return <CheckLever {...common} key={row.key} name={row.key} label={row.label} />;
      case 'allies':
        return <ComplianceTable key={row.key} values={values} allies={allies} onChange={onChange} />;
    }
  };
  return (
    <form class="levers" aria-label="Scenario levers" onSubmit={(e) => e.preventDefault()}>
      {LEVER_GROUPS.map((group) => (
        <fieldset key={group}>
          <legend>{group}</legend>
          {group === 'Enlargement'
            ? // Each candidate's checkbox and year side by side.
              CANDIDATES.map((c) => (
                <div class="candidate" key={c}>
                  {rowsOf(group)
                    .filter((row) => row.key.endsWith(c))
                    .map(control)}
                </div>
              ))
            : rowsOf(group).map(control)}
        </fieldset>
      ))}
      <button type="button" class="reset-all" onClick={onResetAll}>
        Reset all levers
      </button>
    </form>
  );
}
