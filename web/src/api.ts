/** A saved scenario as listed by the server. */
export interface SavedSummary {
  readonly id: string;
  readonly name: string;
  readonly created: string;
  readonly updated: string;
}

export interface SavedScenario extends SavedSummary {
  readonly yaml: string;
}

/** An error answered by the API: its `{ code, message }` body, or what went wrong on the way. */
export class ApiError extends Error {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.code = code;
  }
}

async function request<T>(path: string, init?: RequestInit): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch (error) {
    throw new ApiError('network', `The server cannot be reached (${error instanceof Error ? error.message : error}).`);
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const b = (body ?? {}) as { code?: unknown; message?: unknown };
    const code = typeof b.code === 'string' ? b.code : `http-${response.status}`;
    const message = typeof b.message === 'string' ? b.message : `The server answered ${response.status}.`;
    throw new ApiError(code, message);
  }
  if (body === undefined) throw new ApiError('bad-response', 'The server answered something that is not JSON.');
  return body as T;
}

const json = (body: unknown): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export const listScenarios = () => request<{ scenarios: SavedSummary[] }>('/api/scenarios').then((r) => r.scenarios);

export const getScenario = (id: string) => request<SavedScenario>(`/api/scenarios/${encodeURIComponent(id)}`);

export const saveScenario = (name: string, yaml: string) =>
  request<SavedScenario>('/api/scenarios', json({ name, yaml }));

export const deleteScenario = (id: string) =>
  request<void>(`/api/scenarios/${encodeURIComponent(id)}`, { method: 'DELETE' });

export const renameScenario = (id: string, name: string) =>
  request<SavedScenario>(`/api/scenarios/${encodeURIComponent(id)}`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name }),
  });
