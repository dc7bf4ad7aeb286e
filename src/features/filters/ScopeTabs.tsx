import { useId, useRef, type KeyboardEvent } from 'react';
import { MEMBER_STATUSES, type MemberStatus } from '../../api/imageTypes';
import { tabAfterKey } from '../../lib/tabKeys';
import { normalizeView, SCOPES, type Scope, type ViewState } from '../catalogue/viewState';
import { MEMBER_STATUS_LABELS, SCOPE_LABELS } from './filterLabels';
import './filters.css';

/** The results region the scope tabs control; the page gives it this id. */
export const RESULTS_PANEL_ID = 'catalogue-results';

export function scopeTabId(scope: Scope): string {
  return `scope-tab-${scope}`;
}

interface ScopeTabsProps {
  view: ViewState;
  onChange: (next: ViewState) => void;
}

/**
 * Which images are listed. Arrow keys move the focus and Enter or Space selects (manual activation):
 * every selection is a request and a history entry, so passing over a tab must not select it.
 */
export function ScopeTabs({ view, onChange }: ScopeTabsProps) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  const select = (scope: Scope) => {
    // Filters and sort stay; the open image may not be in the other list.
    if (scope !== view.scope) onChange(normalizeView({ ...view, scope, image: undefined }));
  };
  const moveFocus = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const target = tabAfterKey(event.key, index, SCOPES.length, 'vertical');
    if (target === undefined) return;
    event.preventDefault();
    tabs.current[target]?.focus();
  };

  return (
    <div className="scope-picker">
      <div role="tablist" aria-label="Scope" aria-orientation="vertical" className="scope-tabs">
        {SCOPES.map((scope, index) => {
          const selected = scope === view.scope;
          return (
            <button
              key={scope}
              ref={(element) => {
                tabs.current[index] = element;
              }}
              type="button"
              role="tab"
              id={scopeTabId(scope)}
              aria-controls={RESULTS_PANEL_ID}
              aria-selected={selected}
              tabIndex={selected ? 0 : -1}
              className="scope-tab"
              onClick={() => select(scope)}
              onKeyDown={(event) => moveFocus(event, index)}
            >
              {SCOPE_LABELS[scope]}
            </button>
          );
        })}
      </div>
      {view.scope === 'shared' ? <MemberStatusPicker view={view} onChange={onChange} /> : null}
    </div>
  );
}

/** Toggle buttons rather than radios: arrows on radios would select, and send, each status on the way. */
function MemberStatusPicker({ view, onChange }: ScopeTabsProps) {
  const labelId = useId();
  const select = (memberStatus: MemberStatus) => {
    if (memberStatus !== view.memberStatus) onChange({ ...view, memberStatus, image: undefined });
  };
  return (
    <div role="group" aria-labelledby={labelId} className="member-status">
      <span id={labelId} className="member-status-label">
        Member status
      </span>
      <div className="member-status-options">
        {MEMBER_STATUSES.map((status) => (
          <button
            key={status}
            type="button"
            aria-pressed={status === view.memberStatus}
            className="member-status-option"
            onClick={() => select(status)}
          >
            {MEMBER_STATUS_LABELS[status]}
          </button>
        ))}
      </div>
    </div>
  );
}
