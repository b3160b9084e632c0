import type { JSX } from 'preact';
import { CheckLever, RangeLever } from './LeverControls.js';
import { CANDIDATES, type LeverValues } from './levers.js';

interface Props {
  readonly values: LeverValues;
  readonly onChange: (patch: Partial<LeverValues>) => void;
  readonly onResetAll: () => void;
}

const pct = (v: number) => `${v.toFixed(1)} % of GDP`;
const year = (v: number) => String(v);
const years = (v: number) => `${v} ${v === 1 ? 'year' : 'years'}`;
const fraction = (v: number) => v.toFixed(2);
const perYear = (v: number) => `${v.toFixed(2)} /year`;
const km = (v: number) => `${v.toLocaleString('en')} km`;
const NAMES: Record<(typeof CANDIDATES)[number], string> = { UKR: 'Ukraine', GEO: 'Georgia', MDA: 'Moldova' };

/** Every lever of the scenario, grouped. */
export function Levers({ values, onChange, onResetAll }: Props): JSX.Element {
  const common = { values, onChange };
  return (
    <form class="levers" aria-label="Scenario levers" onSubmit={(e) => e.preventDefault()}>
      <fieldset>
        <legend>NATO pledge</legend>
        <RangeLever {...common} name="pledgeTarget" label="Pledge target" format={pct} />
        <RangeLever {...common} name="pledgeBy" label="Pledge due year" format={year} />
        <RangeLever
          {...common}
          name="compliance"
          label="Compliance"
          format={fraction}
          hint="Share of the gap to the target the allies close"
        />
      </fieldset>
      <fieldset>
        <legend>Responses to threat</legend>
        <RangeLever {...common} name="rusElasticity" label="Russia's threat elasticity" format={fraction} />
        <RangeLever {...common} name="rusSpeed" label="Russia's adjustment speed" format={perYear} />
        <RangeLever {...common} name="alliesElasticity" label="Allies' threat elasticity" format={fraction} />
      </fieldset>
      <fieldset>
        <legend>War in Ukraine</legend>
        <CheckLever {...common} name="warEnds" label="Russia's war burden ends (otherwise ongoing)" />
        <RangeLever {...common} name="warUntil" label="War end year" format={year} disabled={!values.warEnds} />
        <RangeLever {...common} name="warFadeYears" label="Fade-out" format={years} />
      </fieldset>
      <fieldset>
        <legend>Enlargement</legend>
        {CANDIDATES.map((c) => (
          <div class="candidate" key={c}>
            <CheckLever {...common} name={`join${c}`} label={`${NAMES[c]} joins NATO`} />
            <RangeLever
              {...common}
              name={`year${c}`}
              label={`${NAMES[c]}'s accession year`}
              format={year}
              disabled={!values[`join${c}`]}
            />
          </div>
        ))}
      </fieldset>
      <fieldset>
        <legend>Geography</legend>
        <RangeLever
          {...common}
          name="decayKm"
          label="Proximity decay length"
          format={km}
          hint="Distance over which an adversary's capability counts less"
        />
        <RangeLever
          {...common}
          name="usFloor"
          label="US projection floor"
          format={fraction}
          hint="Share of US capability counted in Europe at any distance"
        />
      </fieldset>
      <button type="button" class="reset-all" onClick={onResetAll}>
        Reset all levers
      </button>
    </form>
  );
}
