import { useId, useState } from 'react';
import { onEnter } from './onEnter';
import { useDraft } from './useDraft';

interface CommitFieldProps {
  label: string;
  /** The applied value; '' when the facet is not filtered on. */
  value: string;
  /** Called with the trimmed text ('' clears the facet), only when it is valid and differs from `value`. */
  onCommit: (text: string) => void;
  /** Why the trimmed text cannot be applied, or undefined when it can. */
  validate?: (text: string) => string | undefined;
  /** Whole numbers: a numeric keyboard on touch screens. */
  numeric?: boolean;
  placeholder?: string;
  hint?: string;
  /** Values offered in a datalist; any other text is accepted too. */
  suggestions?: readonly string[];
  /** Set when the field conflicts with another filter: the field is disabled and this is shown. */
  disabledReason?: string | undefined;
}

/**
 * A text facet applied on Enter or blur, never on each keystroke: every applied change is a history entry
 * and a request. Trimmed, as the URL form trims what it reads.
 */
export function CommitField({
  label,
  value,
  onCommit,
  validate,
  numeric = false,
  placeholder,
  hint,
  suggestions,
  disabledReason,
}: CommitFieldProps) {
  const id = useId();
  const [draft, setDraft] = useDraft(value);
  const [attempted, setAttempted] = useState(false);
  const error = attempted ? validate?.(draft.trim()) : undefined;
  const hintId = `${id}-hint`;
  const conflictId = `${id}-conflict`;
  const errorId = `${id}-error`;
  const describedBy = [hint && hintId, disabledReason && conflictId, error && errorId]
    .filter(Boolean)
    .join(' ');

  const commit = () => {
    const text = draft.trim();
    setAttempted(true);
    if (!validate?.(text) && text !== value) onCommit(text);
  };

  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        // Text, not type=number: a number input hides what it cannot parse (its value is ''), which
        // would clear the filter instead of showing the error.
        type="text"
        inputMode={numeric ? 'numeric' : undefined}
        value={draft}
        placeholder={placeholder}
        list={suggestions ? `${id}-suggestions` : undefined}
        disabled={Boolean(disabledReason)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => {
          setDraft(event.target.value);
          setAttempted(false);
        }}
        onBlur={commit}
        onKeyDown={onEnter(commit)}
      />
      {suggestions ? (
        <datalist id={`${id}-suggestions`}>
          {suggestions.map((suggestion) => (
            <option key={suggestion} value={suggestion} />
          ))}
        </datalist>
      ) : null}
      {hint ? (
        <p id={hintId} className="filter-hint">
          {hint}
        </p>
      ) : null}
      {disabledReason ? (
        <p id={conflictId} className="filter-conflict">
          {disabledReason}
        </p>
      ) : null}
      {error ? (
        <p id={errorId} className="filter-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
