import { useEffect, useRef } from 'react';
import type { ViewState } from '../catalogue/viewState';
import { activeFilters, clearFilters, type ActiveFilter } from './activeFilters';
import './filters.css';

interface FilterChipsProps {
  view: ViewState;
  onChange: (next: ViewState) => void;
}

/** The active filters at a glance, each removable; nothing at all when none is active. */
export function FilterChips({ view, onChange }: FilterChipsProps) {
  const chips = activeFilters(view);
  const list = useRef<HTMLUListElement>(null);
  // A removed chip takes its focused button with it: the focus goes to the chip that takes its place.
  const focusAfterRemoval = useRef<number | undefined>(undefined);
  const chipKeys = chips.map((chip) => chip.key).join('\n');
  useEffect(() => {
    const index = focusAfterRemoval.current;
    focusAfterRemoval.current = undefined;
    const buttons = list.current?.querySelectorAll('button');
    if (index !== undefined && buttons?.length) buttons[Math.min(index, buttons.length - 1)]?.focus();
  }, [chipKeys]);

  if (chips.length === 0) return null;
  // "Clear all" keeps the scope: offer it only when it would remove something.
  const clearable = activeFilters(clearFilters(view)).length < chips.length;
  const remove = (chip: ActiveFilter, index: number) => {
    focusAfterRemoval.current = index;
    onChange(chip.remove(view));
  };

  return (
    <div className="filter-chips">
      <ul ref={list} role="list" aria-label="Active filters" className="filter-chip-list">
        {chips.map((chip, index) => (
          <li key={chip.key} className="filter-chip">
            <span>{chip.label}</span>
            <button
              type="button"
              className="filter-remove"
              aria-label={`Remove filter ${chip.label}`}
              onClick={() => remove(chip, index)}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      {clearable ? (
        <button type="button" className="filter-clear" onClick={() => onChange(clearFilters(view))}>
          Clear all
        </button>
      ) : null}
    </div>
  );
}
