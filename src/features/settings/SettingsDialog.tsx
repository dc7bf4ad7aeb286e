// Where the catalogue connects and with which token, changed at run time. The token field is never
// filled in from storage: a secret once entered is only ever sent, never shown again.
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import type { ConnectionSettings } from '../../config/connectionStore';
import { endpointProblem } from '../../config/endpoint';
import { useModalDialog } from '../common/useModalDialog';
import { useConnection } from './connectionContext';
import './settings.css';

interface SettingsDialogProps {
  /** Opened to enter a new token: the token field takes the focus. */
  focusToken: boolean;
  onClose: () => void;
}

const API_VERSIONS = [
  { value: '', label: 'Mitaka (no X-Api-Version header)' },
  { value: 'M', label: 'Mitaka (X-Api-Version: M)' },
  { value: 'Q', label: 'Queens (X-Api-Version: Q)' },
] as const;

function cleanEndpoint(value: string): string {
  return value.trim().replace(/\/+$/, '');
}

export default function SettingsDialog({ focusToken, onClose }: SettingsDialogProps) {
  const { store, state, running } = useConnection();
  const queryClient = useQueryClient();
  const titleId = useId();
  const { dialogProps, initialFocusRef } = useModalDialog<HTMLInputElement>(onClose);
  const [draft, setDraft] = useState<ConnectionSettings>(state.settings);
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(state.remembered);
  const [submitted, setSubmitted] = useState(false);

  const endpoint = cleanEndpoint(draft.endpoint);
  const computeEndpoint = cleanEndpoint(draft.computeEndpoint);
  // Empty is this site.
  const problemOf = (value: string) => (value ? endpointProblem(value) : undefined);
  const problems = { endpoint: problemOf(endpoint), computeEndpoint: problemOf(computeEndpoint) };
  const apiVersions = API_VERSIONS.some(({ value }) => value === draft.apiVersion)
    ? API_VERSIONS
    : [...API_VERSIONS, { value: draft.apiVersion, label: `X-Api-Version: ${draft.apiVersion}` }];
  const edit = (change: Partial<ConnectionSettings>) => setDraft((current) => ({ ...current, ...change }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    if (problems.endpoint || problems.computeEndpoint) return;
    const settings = { ...draft, endpoint, computeEndpoint, projectId: draft.projectId.trim() };
    store.save({ settings, remember, ...(token.trim() ? { token } : {}) });
    // The demo backend starts (or stays out) with the page.
    if (settings.backend !== running) return window.location.reload();
    // Another endpoint has caches of its own; a new token retries only what failed.
    if (token.trim())
      void queryClient.refetchQueries({ predicate: (query) => query.state.status === 'error' });
    onClose();
  };

  const forgetToken = () => {
    store.save({ token: '' });
    setToken('');
  };

  const ids = { endpoint: useId(), compute: useId(), project: useId(), token: useId(), remember: useId() };
  const describedBy = (id: string, problem: string | undefined) =>
    submitted && problem ? `${id}-problem` : `${id}-hint`;

  return (
    <dialog {...dialogProps} className="settings" aria-labelledby={titleId}>
      <form className="settings-frame" onSubmit={save} noValidate>
        <h2 id={titleId}>Connection settings</h2>
        <fieldset>
          <legend>Backend</legend>
          <label>
            <input
              type="radio"
              name="backend"
              checked={draft.backend === 'live'}
              onChange={() => edit({ backend: 'live' })}
              {...(focusToken ? {} : { ref: initialFocusRef })}
            />
            A live IMS or Glance endpoint
          </label>
          <label>
            <input
              type="radio"
              name="backend"
              checked={draft.backend === 'demo'}
              onChange={() => edit({ backend: 'demo' })}
            />
            The demo backend, in this browser
          </label>
          {draft.backend !== running ? (
            <p className="settings-hint">Saving reloads the page to switch the backend.</p>
          ) : null}
        </fieldset>

        <fieldset disabled={draft.backend === 'demo'}>
          <legend>Endpoint</legend>
          <label htmlFor={ids.endpoint}>IMS endpoint</label>
          <input
            id={ids.endpoint}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={draft.endpoint}
            placeholder="https://ims.ap-southeast-1.myhuaweicloud.com"
            aria-invalid={submitted && problems.endpoint ? true : undefined}
            aria-describedby={describedBy(ids.endpoint, problems.endpoint)}
            onChange={(event) => edit({ endpoint: event.target.value })}
          />
          {submitted && problems.endpoint ? (
            <p id={`${ids.endpoint}-problem`} className="settings-problem">
              {problems.endpoint}
            </p>
          ) : (
            <p id={`${ids.endpoint}-hint`} className="settings-hint">
              Empty: this site, when a reverse proxy forwards the API paths.
            </p>
          )}

          <label htmlFor={ids.compute}>Compute endpoint (legacy views)</label>
          <input
            id={ids.compute}
            type="url"
            inputMode="url"
            spellCheck={false}
            value={draft.computeEndpoint}
            placeholder="https://ecs.ap-southeast-1.myhuaweicloud.com"
            aria-invalid={submitted && problems.computeEndpoint ? true : undefined}
            aria-describedby={describedBy(ids.compute, problems.computeEndpoint)}
            onChange={(event) => edit({ computeEndpoint: event.target.value })}
          />
          {submitted && problems.computeEndpoint ? (
            <p id={`${ids.compute}-problem`} className="settings-problem">
              {problems.computeEndpoint}
            </p>
          ) : (
            <p id={`${ids.compute}-hint`} className="settings-hint">
              Empty: this site.
            </p>
          )}

          <label htmlFor={ids.project}>Project id</label>
          <input
            id={ids.project}
            spellCheck={false}
            autoComplete="off"
            value={draft.projectId}
            onChange={(event) => edit({ projectId: event.target.value })}
          />

          <label>
            API behaviour
            <select value={draft.apiVersion} onChange={(event) => edit({ apiVersion: event.target.value })}>
              {apiVersions.map(({ value, label }) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </label>
        </fieldset>

        <fieldset disabled={draft.backend === 'demo'}>
          <legend>IAM token</legend>
          <label htmlFor={ids.token}>{state.hasToken ? 'New token' : 'Token'}</label>
          <input
            id={ids.token}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={token}
            aria-describedby={`${ids.token}-hint`}
            onChange={(event) => setToken(event.target.value)}
            {...(focusToken ? { ref: initialFocusRef } : {})}
          />
          <p id={`${ids.token}-hint`} className="settings-hint">
            {state.hasToken
              ? `A token is set${state.remembered ? ' and remembered on this device' : ' for this tab'}. Leave this empty to keep it.`
              : 'Sent as X-Auth-Token with every request; kept for this tab only unless remembered.'}
          </p>
          {state.hasToken ? (
            <button type="button" className="link-button" onClick={forgetToken}>
              Forget the token
            </button>
          ) : null}
          <label htmlFor={ids.remember} className="settings-check">
            <input
              id={ids.remember}
              type="checkbox"
              checked={remember}
              aria-describedby={`${ids.remember}-warning`}
              onChange={(event) => setRemember(event.target.checked)}
            />
            Remember the token on this device
          </label>
          <p id={`${ids.remember}-warning`} className={remember ? 'settings-warning' : 'settings-hint'}>
            Kept in this browser&apos;s local storage until forgotten: anyone using this browser profile, and
            any script running on this site, can read it. Use it on your own device only.
          </p>
        </fieldset>

        <div className="settings-actions">
          {state.customised ? (
            <button type="button" className="link-button" onClick={() => setDraft(state.deployed)}>
              Use the deployment&apos;s settings (config.json)
            </button>
          ) : null}
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary">
            Save
          </button>
        </div>
      </form>
    </dialog>
  );
}
