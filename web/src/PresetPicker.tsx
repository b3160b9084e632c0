import type { JSX } from 'preact';
import { PRESET_SCENARIOS } from '../../src/core/scenario/presets.js';
import type { ScenarioInput } from '../../src/core/scenario/schema.js';

interface Props {
  /** Set the levers from a preset's scenario. */
  readonly choose: (id: string, input: ScenarioInput) => void;
  /** The preset the levers were last set from, if they still match it. */
  readonly current: string | undefined;
}

/**
 * The preset scenarios of `scenarios/`, one click each, with their one-line descriptions: a preset
 * sets every lever as its file does, so `armsrace run <preset>` gives the same numbers.
 */
export function PresetPicker({ choose, current }: Props): JSX.Element {
  return (
    <fieldset class="presets">
      <legend>Start from a preset</legend>
      <ul>
        {PRESET_SCENARIOS.map((p) => (
          <li key={p.id}>
            <button
              type="button"
              data-testid={`preset-${p.id}`}
              aria-pressed={current === p.id}
              onClick={() => choose(p.id, p.input)}
            >
              {p.input.name ?? p.id}
            </button>
            <span class="preset-description">{p.input.description}</span>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
