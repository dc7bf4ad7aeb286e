// The header's account of where the catalogue is connected, the way into the settings, and the prompt for
// a new token when the endpoint refuses the one it had.
import { lazy, useRef, useState } from 'react';
import { LazyPart } from '../common/LazyPart';
import { useConnection } from './connectionContext';

// Its own chunk: most visits never open the settings.
const SettingsDialog = lazy(() => import('./SettingsDialog'));

/** The endpoint as a person recognises it: its host, or this site when the API is on the same origin. */
function endpointLabel(endpoint: string): string {
  if (!endpoint) return 'this site';
  try {
    return new URL(endpoint).host;
  } catch {
    return endpoint;
  }
}

const PROBLEMS = {
  missing: 'The endpoint needs an IAM token.',
  refused: 'The endpoint refused the IAM token (HTTP 401): it has expired or is wrong, so it was forgotten.',
} as const;

export function ConnectionStatus() {
  const { state, running } = useConnection();
  const [open, setOpen] = useState<'settings' | 'token' | undefined>();
  const settingsButton = useRef<HTMLButtonElement>(null);
  const { settings, tokenProblem } = state;
  return (
    <>
      <span className={`backend-badge backend-${running}`}>
        {running === 'demo' ? 'Demo backend' : `Live endpoint · ${endpointLabel(settings.endpoint)}`}
      </span>
      <button
        ref={settingsButton}
        type="button"
        className="connection-button"
        aria-haspopup="dialog"
        onClick={() => setOpen('settings')}
      >
        Connection settings
      </button>
      {tokenProblem && running === 'live' ? (
        <div className="notice notice-error token-prompt">
          <p role="alert">{PROBLEMS[tokenProblem]}</p>
          <button type="button" aria-haspopup="dialog" onClick={() => setOpen('token')}>
            Enter a new token
          </button>
        </div>
      ) : null}
      {open ? (
        <LazyPart name="The connection settings">
          <SettingsDialog
            focusToken={open === 'token'}
            onClose={() => setOpen(undefined)}
            fallbackFocus={() => settingsButton.current}
          />
        </LazyPart>
      ) : null}
    </>
  );
}
