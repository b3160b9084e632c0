import type { JSX } from 'preact';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, deleteScenario, getScenario, listScenarios, type SavedSummary, saveScenario } from './api.js';

interface Props {
  /** The YAML text of the current scenario, named `name` when given. */
  readonly yaml: (name?: string) => string | undefined;
  /** Apply a saved scenario's YAML text to the levers. */
  readonly onLoad: (yaml: string, name: string) => void;
}

const describe = (error: unknown) =>
  error instanceof ApiError
    ? `${error.message} (${error.code})`
    : error instanceof Error
      ? error.message
      : String(error);

/** Save the current scenario on the server, list, load and delete saved ones, and download YAML. */
export function SavedScenarios({ yaml, onLoad }: Props): JSX.Element {
  const [name, setName] = useState('');
  const [list, setList] = useState<readonly SavedSummary[]>([]);
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    try {
      setList(await listScenarios());
    } catch (e) {
      setError(`Saved scenarios cannot be listed: ${describe(e)}`);
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

  const save = (event: Event) => {
    event.preventDefault();
    const text = yaml(name);
    if (text === undefined) {
      setError('The scenario does not validate; fix it before saving.');
      return;
    }
    void run(async () => {
      const saved = await saveScenario(name.trim(), text);
      await refresh();
      return `Saved "${saved.name}".`;
    });
  };

  const load = (s: SavedSummary) =>
    run(async () => {
      const full = await getScenario(s.id);
      onLoad(full.yaml, full.name);
      return `Loaded "${full.name}".`;
    });

  const remove = (s: SavedSummary) =>
    run(async () => {
      await deleteScenario(s.id);
      await refresh();
      return `Deleted "${s.name}".`;
    });

  const download = () => {
    const text = yaml(name);
    if (text === undefined) {
      setError('The scenario does not validate; fix it before downloading.');
      return;
    }
    const url = URL.createObjectURL(new Blob([text], { type: 'application/yaml' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${(name.trim() || 'scenario').replace(/[^\w.-]+/g, '-')}.yaml`;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
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
              <span class="saved-name">{s.name}</span>
              <button type="button" disabled={busy} onClick={() => void load(s)} aria-label={`Load ${s.name}`}>
                Load
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
