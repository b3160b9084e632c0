import type { JSX, TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';

/** What a phone shows: the levers or the charts (with everything below them). */
export type View = 'levers' | 'charts';

const TABS: readonly { readonly view: View; readonly label: string; readonly panel: string }[] = [
  { view: 'levers', label: 'Levers', panel: 'levers-panel' },
  { view: 'charts', label: 'Charts', panel: 'charts' },
];

/**
 * Two tabs for a page of one column, so that the charts are one tap away rather than below every
 * lever. The arrow keys, Home and End move between them (the WAI-ARIA tabs pattern).
 */
export function ViewTabs({
  view,
  onChange,
}: {
  readonly view: View;
  readonly onChange: (v: View) => void;
}): JSX.Element {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLButtonElement>, k: number) => {
    const to =
      event.key === 'ArrowRight'
        ? (k + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (k + TABS.length - 1) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : undefined;
    if (to === undefined) return;
    event.preventDefault();
    onChange((TABS[to] as (typeof TABS)[number]).view);
    tabs.current[to]?.focus();
  };
  return (
    <div class="view-tabs" role="tablist" aria-label="Show">
      {TABS.map((t, k) => (
        <button
          key={t.view}
          type="button"
          role="tab"
          id={`tab-${t.view}`}
          aria-selected={view === t.view}
          aria-controls={t.panel}
          tabIndex={view === t.view ? 0 : -1}
          ref={(el) => {
            tabs.current[k] = el;
          }}
          onClick={() => onChange(t.view)}
          onKeyDown={(e) => onKeyDown(e, k)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
