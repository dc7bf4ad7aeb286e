// Where the catalogue connects and with which token, changed at run time. The token field is uncontrolled
// and never filled in: a controlled input would copy each keystroke into the DOM's value attribute, and a
// secret once entered is only ever sent, never shown again.
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { ConnectionSettings } from '../../config/connectionStore';
import { cleanEndpoint, endpointProblem } from '../../config/endpoint';
import { useModalDialog } from '../common/useModalDialog';
import { useConnection } from './connectionContext';
import './settings.css';

interface SettingsDialogProps {
  /** Opened to enter a new token: the token field takes the focus. */
  focusToken: boolean;
  onClose: () => void;
  /** Where focus goes on close when the opener is gone (the token prompt, once a token is saved). */
  fallbackFocus: () => HTMLElement | null;
}

const API_VERSIONS = [
  { value: '', label: 'Mitaka (no X-Api-Version header)' },
  { value: 'M', label: 'Mitaka (X-Api-Version: M)' },
  { value: 'Q', label: 'Queens (X-Api-Version: Q)' },
] as const;

/** Empty is this site (a reverse proxy forwards the API paths). */
const problemOf = (value: string) => (value ? endpointProblem(value) : undefined);

export default function SettingsDialog({ focusToken, onClose, fallbackFocus }: SettingsDialogProps) {
  const { store, state, running } = useConnection();
  const titleId = useId();
  const { dialogProps, initialFocusRef } = useModalDialog<HTMLInputElement>(onClose, fallbackFocus);
  const [draft, setDraft] = useState<ConnectionSettings>(state.settings);
  const [remember, setRemember] = useState(state.remembered);
  const [submitted, setSubmitted] = useState(false);
  const [forgotten, setForgotten] = useState(false);
  const ownTokenRef = useRef<HTMLInputElement>(null);
  // Opened to enter a token, the token field is where focus starts.
  const tokenRef = focusToken ? initialFocusRef : ownTokenRef;
  const endpointRef = useRef<HTMLInputElement>(null);
  const computeRef = useRef<HTMLInputElement>(null);

  const endpoint = cleanEndpoint(draft.endpoint);
  const computeEndpoint = cleanEndpoint(draft.computeEndpoint);
  const problems = { endpoint: problemOf(endpoint), computeEndpoint: problemOf(computeEndpoint) };
  const otherHosts =
    endpoint !== state.settings.endpoint || computeEndpoint !== state.settings.computeEndpoint;
  const apiVersions = API_VERSIONS.some(({ value }) => value === draft.apiVersion)
    ? API_VERSIONS
    : [...API_VERSIONS, { value: draft.apiVersion, label: `X-Api-Version: ${draft.apiVersion}` }];
  const edit = (change: Partial<ConnectionSettings>) => setDraft((current) => ({ ...current, ...change }));

  const save = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(true);
    const invalid = problems.endpoint ? endpointRef : problems.computeEndpoint ? computeRef : undefined;
    if (invalid) return invalid.current?.focus();
    const token = tokenRef.current?.value.trim() ?? '';
    if (tokenRef.current) tokenRef.current.value = '';
    const settings = { ...draft, endpoint, computeEndpoint, projectId: draft.projectId.trim() };
    store.save({ settings, remember, ...(token ? { token } : {}) });
    // The demo backend starts (or stays out) with the page.
    if (settings.backend !== running) return window.location.reload();
    onClose();
  };

  const forgetToken = () => {
    store.save({ token: '' });
    setForgotten(true);
    tokenRef.current?.focus();
  };

  const ids = { project: useId(), token: useId(), remember: useId() };
  const tokenHint = state.hasToken
    ? `A token is set${state.remembered ? ' and remembered on this device' : ' for this tab'}. Leave this empty to keep it.`
    : `${forgotten ? 'The token is forgotten. ' : ''}Sent as X-Auth-Token with every request; kept for this tab only unless remembered.`;

  return (
    <dialog {...dialogProps} className="settings" aria-labelledby={titleId}>
      <form className="settings-frame" onSubmit={save} noValidate>
        <h2 id={titleId}>Connection settings</h2>
        <fieldset>
          <legend>Backend</legend>
          {(['live', 'demo'] as const).map((backend) => (
            <label key={backend}>
              <input
                type="radio"
                name="backend"
                checked={draft.backend === backend}
                onChange={() => edit({ backend })}
                {...(!focusToken && state.settings.backend === backend ? { ref: initialFocusRef } : {})}
              />
              {backend === 'live' ? 'A live IMS or Glance endpoint' : 'The demo backend, in this browser'}
            </label>
          ))}
          {draft.backend !== running ? (
            <p className="settings-hint">Saving reloads the page to switch the backend.</p>
          ) : null}
        </fieldset>

        <fieldset disabled={draft.backend === 'demo'}>
          <legend>Endpoint</legend>
          <EndpointField
            label="IMS endpoint"
            hint="Empty: this site, when a reverse proxy forwards the API paths."
            placeholder="https://ims.ap-southeast-1.myhuaweicloud.com"
            value={draft.endpoint}
            problem={submitted ? problems.endpoint : undefined}
            inputRef={endpointRef}
            onChange={(value) => edit({ endpoint: value })}
          />
          <EndpointField
            label="Compute endpoint (legacy views)"
            hint="Empty: this site."
            placeholder="https://ecs.ap-southeast-1.myhuaweicloud.com"
            value={draft.computeEndpoint}
            problem={submitted ? problems.computeEndpoint : undefined}
            inputRef={computeRef}
            onChange={(value) => edit({ computeEndpoint: value })}
          />

          <label htmlFor={ids.project}>Project id</label>
          <input
            id={ids.project}
            spellCheck={false}
            autoComplete="off"
            value={draft.projectId}
            aria-describedby={`${ids.project}-hint`}
            onChange={(event) => edit({ projectId: event.target.value })}
          />
          <p id={`${ids.project}-hint`} className="settings-hint">
            The project whose images the compute legacy views list.
          </p>

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
            ref={tokenRef}
            type="password"
            autoComplete="off"
            spellCheck={false}
            aria-describedby={`${ids.token}-hint`}
          />
          <p id={`${ids.token}-hint`} className="settings-hint" aria-live="polite">
            {state.hasToken && otherHosts
              ? 'Another endpoint forgets the token: enter the one for the new endpoint.'
              : tokenHint}
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

interface EndpointFieldProps {
  label: string;
  hint: string;
  placeholder: string;
  value: string;
  /** Shown, and the field marked invalid, once the user tried to save. */
  problem: string | undefined;
  inputRef: RefObject<HTMLInputElement | null>;
  onChange: (value: string) => void;
}

function EndpointField({ label, hint, placeholder, value, problem, inputRef, onChange }: EndpointFieldProps) {
  const id = useId();
  const noteId = `${id}-${problem ? 'problem' : 'hint'}`;
  return (
    <>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="url"
        inputMode="url"
        spellCheck={false}
        value={value}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={noteId}
        onChange={(event) => onChange(event.target.value)}
      />
      <p id={noteId} className={problem ? 'settings-problem' : 'settings-hint'}>
        {problem ?? hint}
      </p>
    </>
  );
}
