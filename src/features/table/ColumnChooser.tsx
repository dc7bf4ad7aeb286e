import { COLUMN_IDS, type ColumnId } from '../catalogue/viewState';
import { COLUMN_SPECS } from './columns';

interface ColumnChooserProps {
  columns: readonly ColumnId[];
  defaults: readonly ColumnId[];
  /** undefined: back to the scope's defaults. */
  onChange: (columns: ColumnId[] | undefined) => void;
}

/** Show or hide columns; the choice lives in the URL like the rest of the view. */
export function ColumnChooser({ columns, defaults, onChange }: ColumnChooserProps) {
  const toggle = (id: ColumnId, shown: boolean) => {
    const next = COLUMN_IDS.filter((column) => (column === id ? shown : columns.includes(column)));
    const isDefault =
      next.length === defaults.length && next.every((column, index) => column === defaults[index]);
    onChange(isDefault ? undefined : next);
  };
  return (
    <details className="column-chooser">
      <summary>Columns</summary>
      <fieldset>
        <legend className="visually-hidden">Visible columns</legend>
        {COLUMN_IDS.map((id) => (
          <label key={id}>
            <input
              type="checkbox"
              checked={columns.includes(id)}
              // The name is what identifies a row: it is always shown.
              disabled={id === 'name'}
              onChange={(event) => toggle(id, event.target.checked)}
            />
            {COLUMN_SPECS[id].label}
          </label>
        ))}
        <button type="button" className="link-button" onClick={() => onChange(undefined)}>
          Default columns
        </button>
      </fieldset>
    </details>
  );
}
