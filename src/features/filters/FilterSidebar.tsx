// The facets of the list, each sent to the server as a documented query parameter (see viewQuery.ts).
import { useId } from 'react';
import {
  DISK_FORMATS,
  IMAGE_STATUSES,
  OS_BITS,
  OS_TYPES,
  PLATFORMS,
  VIRTUAL_ENV_TYPES,
} from '../../api/imageTypes';
import { parseCount, type ImageFilters, type ViewState } from '../catalogue/viewState';
import { withFilters } from './activeFilters';
import { CommitField } from './CommitField';
import { DateConditionField } from './DateConditionField';
import { ENV_TYPE_LABELS, osBitLabel } from './filterLabels';
import { SelectField } from './SelectField';
import { SupportFieldset } from './SupportFieldset';
import { TagsField } from './TagsField';
import './filters.css';

interface FilterSidebarProps {
  view: ViewState;
  onChange: (next: ViewState) => void;
}

/** The URL form keeps at most nine digits, so a larger number would not survive a reload. */
function countError(text: string): string | undefined {
  return text === '' || parseCount(text) !== undefined
    ? undefined
    : 'Enter a whole number from 0 to 999,999,999.';
}

/** Controlled: shows what `view` says, and reports every change as the next view. */
export function FilterSidebar({ view, onChange }: FilterSidebarProps) {
  const { filters } = view;
  const datesHintId = useId();
  const update = (patch: Partial<ImageFilters>) => onChange(withFilters(view, patch));

  return (
    <form
      role="search"
      aria-label="Filters"
      className="filter-sidebar"
      onSubmit={(event) => event.preventDefault()}
    >
      <fieldset className="filter-group">
        <legend>Operating system</legend>
        <SelectField
          label="Platform"
          value={filters.platform}
          options={PLATFORMS}
          onChange={(platform) => update({ platform })}
        />
        <SelectField
          label="OS type"
          value={filters.osType}
          options={OS_TYPES}
          onChange={(osType) => update({ osType })}
        />
        <SelectField
          label="OS bit"
          value={filters.osBit}
          options={OS_BITS}
          optionLabel={osBitLabel}
          onChange={(osBit) => update({ osBit })}
        />
      </fieldset>

      <SupportFieldset filters={filters} onChange={update} />

      <fieldset className="filter-group">
        <legend>Image</legend>
        <SelectField
          label="Status"
          value={filters.status}
          options={IMAGE_STATUSES}
          onChange={(status) => update({ status })}
        />
        <SelectField
          label="Disk format"
          value={filters.diskFormat}
          options={DISK_FORMATS}
          onChange={(diskFormat) => update({ diskFormat })}
        />
        <CommitField
          label="Container format"
          value={filters.containerFormat ?? ''}
          placeholder="bare"
          onCommit={(text) => update({ containerFormat: text || undefined })}
        />
        <SelectField
          label="Environment"
          value={filters.envType}
          options={VIRTUAL_ENV_TYPES}
          optionLabel={(envType) => ENV_TYPE_LABELS[envType]}
          onChange={(envType) => update({ envType })}
        />
      </fieldset>

      <TagsField tags={filters.tags} onChange={(tags) => update({ tags })} />

      <fieldset className="filter-group">
        <legend>Name and owner</legend>
        <CommitField
          label="Exact name"
          value={filters.name ?? ''}
          hint="The whole name, as written."
          onCommit={(text) => update({ name: text || undefined })}
        />
        <CommitField
          label="Owner (project ID)"
          value={filters.owner ?? ''}
          onCommit={(text) => update({ owner: text || undefined })}
        />
      </fieldset>

      <fieldset className="filter-group">
        <legend>Minimum requirements</legend>
        <CommitField
          label="Min RAM (MB)"
          numeric
          value={filters.minRam?.toString() ?? ''}
          validate={countError}
          onCommit={(text) => update({ minRam: parseCount(text) })}
        />
        <CommitField
          label="Min disk (GB)"
          numeric
          value={filters.minDisk?.toString() ?? ''}
          validate={countError}
          onCommit={(text) => update({ minDisk: parseCount(text) })}
        />
      </fieldset>

      <fieldset className="filter-group" aria-describedby={datesHintId}>
        <legend>Dates</legend>
        <p id={datesHintId} className="filter-hint">
          Days start at 00:00 UTC.
        </p>
        <DateConditionField
          label="Created"
          value={filters.created}
          onChange={(created) => update({ created })}
        />
        <DateConditionField
          label="Updated"
          value={filters.updated}
          onChange={(updated) => update({ updated })}
        />
      </fieldset>
    </form>
  );
}
