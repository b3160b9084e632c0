import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import {
  ApiError,
  deleteScenario,
  getScenario,
  listScenarios,
  renameScenario,
  type SavedSummary,
  saveScenario,
} from './api.js';
import { fileStem, download as saveFile } from './export.js';

interface Props {
  /** The YAML text of the current scenario, named `name` when given. */
  readonly yaml: (name?: string) => string | undefined;
  /** Apply a saved scenario's YAML text to the levers. */
  readonly onLoad: (yaml: string, name: string) => void;
  /** Told the name a scenario was saved or renamed under. */
  readonly onSaved: (name: string) => void;
}

const describe = (error: unknown) =>
  error instanceof ApiError
    ? `${error.message} (${error.code})`
    : error instanceof Error
      ? error.message
      : String(error);

const LIST_FAILED = 'Saved scenarios cannot be listed:';

/** Save the current scenario on the server, list, load and delete saved ones, and download YAML. */
export function SavedScenarios({ yaml, onLoad, onSaved }: Props): JSX.Element {
  const [name, setName] = useState('');
  const [list, setList] = useState<readonly SavedSummary[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<{ id: string; name: string } | undefined>(undefined);

  const refresh = useCallback(async () => {
    try {
      setList(await listScenarios());
      // A list that loads again ends an earlier failure to list.
      setError((e) => (e.startsWith(LIST_FAILED) ? '' : e));
    } catch (e) {
      setError(`${LIST_FAILED} ${describe(e)}`);
    }
  }, []);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  const run = async (action: () => Promise<string>) => {
    setBusy(true);
    setError('');
    setStatus('');
    try {
      setStatus(await action());
    } catch (e) {
      setError(describe(e));
    } finally {
      setBusy(false);
    }
  };

  /** Show the outcome of the latest action alone: a new error or message replaces the last one. */
  const fail = (message: string) => {
    setStatus('');
    setError(message);
  };

  const save = (event: Event) => {
    event.preventDefault();
    const text = yaml(name);
    if (text === undefined) {
      fail('The scenario does not validate; fix it before saving.');
      return;
    }
    void run(async () => {
      const saved = await saveScenario(name.trim(), text);
      await refresh();
      onSaved(saved.name);
      return `Saved "${saved.name}".`;
    });
  };

  const load = (s: SavedSummary) =>
    run(async () => {
      const full = await getScenario(s.id);
      onLoad(full.yaml, full.name);
      return `Loaded "${full.name}".`;
    });

  const rename = (event: Event) => {
    event.preventDefault();
    if (renaming === undefined) return;
    const { id, name: next } = renaming;
    void run(async () => {
      const saved = await renameScenario(id, next.trim());
      setRenaming(undefined);
      await refresh();
      onSaved(saved.name);
      return `Renamed to "${saved.name}".`;
    });
  };

  const remove = (s: SavedSummary) =>
    run(async () => {
      await deleteScenario(s.id);
      await refresh();
      return `Deleted "${s.name}".`;
    });

  const download = () => {
    const text = yaml(name);
    if (text === undefined) {
      fail('The scenario does not validate; fix it before downloading.');
      return;
    }
    const file = `${fileStem(name)}.yaml`;
    saveFile(file, new Blob([text], { type: 'application/yaml' }));
    setError('');
    setStatus(`Downloaded ${file}.`);
  };

  return (
    <section class="saved" aria-labelledby="saved-title">
      <h2 id="saved-title">Saved scenarios</h2>
      <form class="save-form" onSubmit={save}>
        <label for="scenario-name">Name</label>
        <input
          id="scenario-name"
          type="text"
          maxLength={200}
          required
          value={name}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <button type="submit" disabled={busy}>
          Save
        </button>
        <button type="button" onClick={download}>
          Download YAML
        </button>
      </form>
      {error === '' ? null : (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <p class="status" aria-live="polite">
        {status}
      </p>
      {list.length === 0 ? (
        <p class="empty">No saved scenarios yet.</p>
      ) : (
        <ul class="saved-list">
          {list.map((s) => (
            <li key={s.id}>
              {renaming?.id === s.id ? (
                <form class="rename-form" onSubmit={rename}>
                  <label for={`rename-${s.id}`} class="visually-hidden">
                    New name of {s.name}
                  </label>
                  <input
                    id={`rename-${s.id}`}
                    type="text"
                    maxLength={200}
                    required
                    value={renaming.name}
                    onInput={(e) => setRenaming({ id: s.id, name: e.currentTarget.value })}
                  />
                  <button type="submit" disabled={busy}>
                    OK
                  </button>
                  <button type="button" onClick={() => setRenaming(undefined)}>
                    Cancel
                  </button>
                </form>
              ) : (
                <span class="saved-name">{s.name}</span>
              )}
              <button type="button" disabled={busy} onClick={() => void load(s)} aria-label={`Load ${s.name}`}>
                Load
              </button>
              <button
                type="button"
                disabled={busy}
                onClick={() => setRenaming({ id: s.id, name: s.name })}
                aria-label={`Rename ${s.name}`}
              >
                Rename
              </button>
              <button type="button" disabled={busy} onClick={() => void remove(s)} aria-label={`Delete ${s.name}`}>
                Delete
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
