import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { tabAfterKey } from '../../lib/tabKeys';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
}

export function tabId(prefix: string, id: string): string {
  return `${prefix}-tab-${id}`;
}

export function tabPanelId(prefix: string, id: string): string {
  return `${prefix}-panel-${id}`;
}

interface TabsProps<Id extends string> {
  /** Unique per page (useId), so several tab sets never share element ids. */
  idPrefix: string;
  label: string;
  tabs: readonly TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
}

/** A WAI-ARIA tab list: one tab stop, arrow keys (and Home/End) move and select. */
export function Tabs<Id extends string>({ idPrefix, label, tabs, selected, onSelect }: TabsProps<Id>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent) => {
    const current = tabs.findIndex((tab) => tab.id === selected);
    const next = tabAfterKey(event.key, current, tabs.length, 'horizontal');
    const tab = next === undefined ? undefined : tabs[next];
    if (next === undefined || !tab) return;
    event.preventDefault();
    onSelect(tab.id);
    buttons.current[next]?.focus();
  };

  return (
    <div role="tablist" aria-label={label} className="drawer-tabs" onKeyDown={onKeyDown}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === selected}
          aria-controls={tabPanelId(idPrefix, tab.id)}
          tabIndex={tab.id === selected ? 0 : -1}
          className="drawer-tab"
          onClick={() => onSelect(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ idPrefix, id, children }: { idPrefix: string; id: string; children: ReactNode }) {
  return (
    <div
      role="tabpanel"
      id={tabPanelId(idPrefix, id)}
      aria-labelledby={tabId(idPrefix, id)}
      tabIndex={0}
      className="drawer-panel"
    >
      {children}
    </div>
  );
}
