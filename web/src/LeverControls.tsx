import type { JSX } from 'preact';
import { type BooleanKey, type LeverValues, type NumberKey, type Range, resetLabel } from './levers.js';

interface Common {
  readonly values: LeverValues;
  /** The levers' defaults, marked on each and restored by its reset. */
  readonly defaults: Readonly<LeverValues>;
  readonly onChange: (patch: Partial<LeverValues>) => void;
}

interface RangeProps extends Common {
  readonly name: NumberKey;
  readonly label: string;
  readonly range: Range;
  /** Text of a value with its unit, e.g. `3.5 % of GDP`. */
  readonly format: (value: number) => string;
  readonly disabled?: boolean;
  readonly hint?: string;
}

/** A range input with its label, value and unit, the default marked, and a reset button. */
export function RangeLever({
  name,
  label,
  range,
  format,
  values,
  defaults,
  onChange,
  disabled = false,
  hint,
}: RangeProps): JSX.Element {
  const value = values[name];
  const fallback = defaults[name];
  const id = `lever-${name}`;
  return (
    <div class={`lever${disabled ? ' lever-disabled' : ''}`}>
      <div class="lever-head">
        <label for={id}>{label}</label>
        <output for={id} id={`${id}-value`}>
          {format(value)}
        </output>
      </div>
      <div class="lever-row">
        <input
          type="range"
          id={id}
          name={name}
          min={range.min}
          max={range.max}
          step={range.step}
          value={value}
          disabled={disabled}
          list={`${id}-default`}
          aria-valuetext={format(value)}
          aria-describedby={`${id}-note`}
          onInput={(e) => onChange({ [name]: Number(e.currentTarget.value) })}
        />
        <datalist id={`${id}-default`}>
          <option value={fallback} />
        </datalist>
        <button
          type="button"
          class="reset"
          disabled={value === fallback}
          aria-label={resetLabel(label, format(fallback))}
          onClick={() => onChange({ [name]: fallback })}
        >
          Reset
        </button>
      </div>
      <p class="lever-note" id={`${id}-note`}>
        {format(range.min)} – {format(range.max)}; default <strong>{format(fallback)}</strong>
        {hint === undefined ? '' : `. ${hint}`}
      </p>
    </div>
  );
}

interface CheckProps extends Common {
  readonly name: BooleanKey;
  readonly label: string;
}

/** A checkbox with its label, the default named, and a reset button. */
export function CheckLever({ name, label, values, defaults, onChange }: CheckProps): JSX.Element {
  const id = `lever-${name}`;
  const fallback = defaults[name];
  return (
    <div class="lever lever-check">
      <input
        type="checkbox"
        id={id}
        name={name}
        checked={values[name]}
        onChange={(e) => onChange({ [name]: e.currentTarget.checked })}
      />
      <label for={id}>{label}</label>
      <span class="lever-note">(default {fallback ? 'on' : 'off'})</span>
      <button
        type="button"
        class="reset"
        disabled={values[name] === fallback}
        aria-label={resetLabel(label, fallback ? 'on' : 'off')}
        onClick={() => onChange({ [name]: fallback })}
      >
        Reset
      </button>
    </div>
  );
}
