import type { JSX } from 'preact';
import { ComplianceTable } from './ComplianceTable.js';
import { CheckLever, RangeLever } from './LeverControls.js';
import { CANDIDATES, type FittedResponses, type FittedValue, type LeverValues } from './levers.js';
import type { AllyInfo } from './protocol.js';

interface Props {
  readonly values: LeverValues;
  readonly defaults: Readonly<LeverValues>;
  readonly fitted: FittedResponses | undefined;
  readonly allies: readonly AllyInfo[];
  readonly onChange: (patch: Partial<LeverValues>) => void;
  readonly onResetAll: () => void;
}

const pct = (v: number) => `${v.toFixed(1)} % of GDP`;
const year = (v: number) => String(v);
const years = (v: number) => `${v} ${v === 1 ? 'year' : 'years'}`;
const fraction = (v: number) => v.toFixed(2);
const perYear = (v: number) => `${v.toFixed(2)} /year`;
const growth = (v: number) => `${(v * 100).toFixed(2)} % a year`;
const km = (v: number) => `${v.toLocaleString('en')} km`;
const members = (v: number) => `${v} members`;
const NAMES: Record<(typeof CANDIDATES)[number], string> = { UKR: 'Ukraine', GEO: 'Georgia', MDA: 'Moldova' };

/** "Fitted 4.65 [2.17, 9.57]": the estimate of data/fitted.json and its 95 % bootstrap interval. */
const fittedHint = (what: string, v: FittedValue | undefined) =>
  v === undefined
    ? `${what}; the dataset has no fit, so the default is the model's assumption (docs/model.md)`
    : `${what}; fitted ${v.estimate.toFixed(2)}, 95 % interval [${v.lower.toFixed(2)}, ${v.upper.toFixed(2)}]`;

/** Every lever of the scenario, grouped. */
export function Levers({ values, defaults, fitted, allies, onChange, onResetAll }: Props): JSX.Element {
  const common = { values, defaults, onChange };
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
        <ComplianceTable values={values} allies={allies} onChange={onChange} />
      </fieldset>
      <fieldset>
        <legend>Responses to threat</legend>
        <RangeLever
          {...common}
          name="rusElasticity"
          label="Russia's threat elasticity"
          format={fraction}
          hint={fittedHint(
            'Per cent rise of Russia’s desired burden for 1 % more proximity-weighted NATO capability; 1 is “proportional”: NATO’s capability 10 % higher, Russia’s desired burden 10 % higher',
            fitted?.elasticity_RUS,
          )}
        />
        <RangeLever
          {...common}
          name="rusSpeed"
          label="Russia's adjustment speed"
          format={perYear}
          hint={fittedHint('Share of the gap to the desired burden closed in a year', fitted?.speed_RUS)}
        />
        <RangeLever
          {...common}
          name="alliesElasticity"
          label="Allies' threat elasticity"
          format={fraction}
          hint={fittedHint('The same for every ally', fitted?.elasticity)}
        />
        <RangeLever
          {...common}
          name="alliesSpillIn"
          label="Allies' response to one another"
          format={fraction}
          hint={fittedHint('Elasticity of an ally’s spending to its neighbours’ (spill-in)', fitted?.spill_in)}
        />
        <RangeLever
          {...common}
          name="alliesSpeed"
          label="Allies' adjustment speed"
          format={perYear}
          hint={fittedHint('Share of the gap closed in a year', fitted?.speed)}
        />
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
        <legend>GDP growth</legend>
        <CheckLever
          {...common}
          name="growthSet"
          label="Set long-run growth (otherwise each country's IMF projected trend)"
        />
        <RangeLever
          {...common}
          name="growthAllies"
          label="Allies' real GDP growth"
          format={growth}
          disabled={!values.growthSet}
          hint="After the IMF projections end (2030)"
        />
        <RangeLever
          {...common}
          name="growthRUS"
          label="Russia's real GDP growth"
          format={growth}
          disabled={!values.growthSet}
          hint="After the IMF projections end (2030)"
        />
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
      <fieldset>
        <legend>Uncertainty</legend>
        <CheckLever {...common} name="ensembleOn" label="Run an ensemble" />
        <RangeLever
          {...common}
          name="ensembleRuns"
          label="Ensemble size"
          format={members}
          disabled={!values.ensembleOn}
          hint="Each member draws the five responses around the levers' values with the fit's spread, and GDP shocks"
        />
      </fieldset>
      <button type="button" class="reset-all" onClick={onResetAll}>
        Reset all levers
      </button>
    </form>
  );
}
