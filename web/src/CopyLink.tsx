import type { JSX } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

/** How long the confirmation stays, ms. */
const SHOWN_MS = 4000;

/** Copy `text` with the Clipboard API, or, where the browser refuses it, through a selected text field. */
async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    return;
  } catch {
    // No permission or no secure context: the older way below.
  }
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.className = 'visually-hidden';
  document.body.append(field);
  field.select();
  const copied = document.execCommand('copy');
  field.remove();
  if (!copied) throw new Error('the browser does not allow copying');
}

/**
 * A button that copies the link of the scenario (the page's address, whose hash holds the levers
 * or the preset) and says so for a few seconds.
 */
export function CopyLink({ link }: { readonly link: () => string }): JSX.Element {
  const [status, setStatus] = useState<{ readonly ok: boolean; readonly text: string } | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  const copy = async () => {
    const href = link();
    clearTimeout(timer.current);
    try {
      await copyText(href);
      setStatus({ ok: true, text: 'Link copied: it opens this scenario' });
    } catch (error) {
      setStatus({
        ok: false,
        text: `The link cannot be copied (${error instanceof Error ? error.message : String(error)}); copy the page's address instead`,
      });
    }
    timer.current = setTimeout(() => setStatus(undefined), SHOWN_MS);
  };
  return (
    <div class="copy-link">
      <button type="button" onClick={() => void copy()} data-testid="copy-link">
        Copy link
      </button>
      <p class={`copy-status${status?.ok === false ? ' copy-failed' : ''}`} role="status" data-testid="copy-status">
        {status?.text ?? ''}
      </p>
    </div>
  );
}
