import { render } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState, type ReactNode } from 'react';
import { DEFAULT_VIEW, type ViewState } from '../../../src/features/catalogue/viewState';

interface ViewProps {
  view: ViewState;
  onChange: (next: ViewState) => void;
}

/**
 * Renders a view component the way the page drives it: each reported view becomes the next `view`.
 * `changes` records every reported view, so a test can also assert that nothing was reported.
 */
export function renderDriven(Component: (props: ViewProps) => ReactNode, initial: ViewState = DEFAULT_VIEW) {
  const changes: ViewState[] = [];
  function Page() {
    const [view, setView] = useState(initial);
    return (
      <Component
        view={view}
        onChange={(next) => {
          changes.push(next);
          setView(next);
        }}
      />
    );
  }
  const user = userEvent.setup();
  return { user, changes, ...render(<Page />) };
}
