import { readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError } from '../core/errors.js';
import { parseScenario, ScenarioError } from '../core/scenario/parse-scenario.js';
import type { ScenarioInput } from '../core/scenario/schema.js';

/** The folder of the preset scenarios shipped with armsrace. */
export const PRESETS_DIR = join(dirname(fileURLToPath(import.meta.url)), '../../scenarios');

/** A preset scenario: its name (file name without `.yaml`), first comment line and path. */
export interface Preset {
  readonly name: string;
  readonly title: string;
  readonly summary: string;
  readonly path: string;
}

/** List the preset scenarios, each with its title and its one-line description (else the first line of its comment). */
export function listPresets(): Preset[] {
  return readdirSync(PRESETS_DIR)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const path = join(PRESETS_DIR, f);
      const text = readFileSync(path, 'utf8');
      const described = /^description:\s*"?(.*?)"?\s*$/m.exec(text)?.[1];
      const summary = described ?? /^#\s*(.*)$/m.exec(text)?.[1] ?? '';
      const title = /^name:\s*(.*)$/m.exec(text)?.[1] ?? basename(f, '.yaml');
      return { name: basename(f, '.yaml'), title, summary, path };
    });
}

/**
 * Read a scenario from a YAML or JSON file, or a preset by name.
 *
 * @throws {InputError} `no-scenario` when neither a file nor a preset has that name;
 *   {@link ScenarioError} when the scenario is invalid (the message names the file).
 */
export function readScenario(fileOrPreset: string): { input: ScenarioInput; text: string; path: string } {
  const preset = listPresets().find((p) => p.name === fileOrPreset);
  const path = preset?.path ?? fileOrPreset;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new InputError(
      'no-scenario',
      `scenario: "${fileOrPreset}" is neither a readable file nor a preset; presets: ${listPresets()
        .map((p) => p.name)
        .join(', ')}`,
      'scenario',
    );
  }
  try {
    return { input: parseScenario(text), text, path };
  } catch (error) {
    if (error instanceof ScenarioError) throw withFile(error, path);
    throw error;
  }
}

/** The same scenario error with the file named at the start of each line. */
export function withFile(error: ScenarioError, path: string): ScenarioError {
  return new ScenarioError(error.issues.map((i) => ({ ...i, message: `${path}: ${i.message}` })));
}
