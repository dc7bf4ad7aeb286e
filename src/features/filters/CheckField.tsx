import { useId } from 'react';

interface CheckFieldProps {
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  /** Why it cannot be chosen with the other filters: the box is disabled and the reason shown beside it. */
  conflict?: string | undefined;
}

export function CheckField({ label, checked, onChange, conflict }: CheckFieldProps) {
  const id = useId();
  const conflictId = `${id}-conflict`;
  return (
    <div className="filter-check">
      <input
        id={id}
        type="checkbox"
        checked={checked}
        disabled={Boolean(conflict)}
        aria-describedby={conflict ? conflictId : undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
      {conflict ? (
        <span id={conflictId} className="filter-conflict">
          {conflict}
        </span>
      ) : null}
    </div>
  );
}
