import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, EMPTY_FILTERS, type ViewState } from '../../../src/features/catalogue/viewState';
import { ScopeTabs } from '../../../src/features/filters/ScopeTabs';
import { renderDriven } from './renderDriven';

const FILTERED: ViewState = {
  ...DEFAULT_VIEW,
  filters: { ...EMPTY_FILTERS, platform: 'CentOS', tags: ['env=prod'] },
  sort: { key: 'name', dir: 'asc' },
  image: 'img-1',
};

const tab = (name: string) => screen.getByRole('tab', { name });

describe('ScopeTabs', () => {
  it('is a tablist with the selected scope as the one tab stop', () => {
    renderDriven(ScopeTabs, { ...DEFAULT_VIEW, scope: 'private' });
    const tabs = within(screen.getByRole('tablist', { name: 'Scope' })).getAllByRole('tab');
    expect(tabs.map((element) => element.textContent)).toEqual([
      'All',
      'Public',
      'Private',
      'Shared with me',
      'Marketplace',
    ]);
    expect(tab('Private')).toHaveAttribute('aria-selected', 'true');
    expect(tab('All')).toHaveAttribute('aria-selected', 'false');
    expect(tabs.map((element) => element.tabIndex)).toEqual([-1, -1, 0, -1, -1]);
  });

  it('changes the scope on click, keeping filters and sort and closing the open image', async () => {
    const { user, changes } = renderDriven(ScopeTabs, FILTERED);
    await user.click(tab('Public'));
    expect(changes).toEqual([{ ...FILTERED, scope: 'public', image: undefined }]);
    expect(tab('Public')).toHaveAttribute('aria-selected', 'true');
  });

  it('does not report the scope that is already selected', async () => {
    const { user, changes } = renderDriven(ScopeTabs);
    await user.click(tab('All'));
    expect(changes).toEqual([]);
  });

  it('moves the focus with arrow, Home and End keys, and selects with Enter or Space', async () => {
    const { user, changes } = renderDriven(ScopeTabs);
    await user.tab();
    expect(tab('All')).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    expect(tab('Public')).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(tab('Private')).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(tab('Public')).toHaveFocus();
    await user.keyboard('{End}');
    expect(tab('Marketplace')).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(tab('All')).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(tab('Marketplace')).toHaveFocus();
    await user.keyboard('{Home}');
    expect(tab('All')).toHaveFocus();
    // Passing over tabs selects nothing: each selection is a request and a history entry.
    expect(changes).toEqual([]);

    await user.keyboard('{ArrowDown}{Enter}');
    expect(changes.at(-1)?.scope).toBe('public');
    expect(tab('Public')).toHaveAttribute('tabindex', '0');
    await user.keyboard('{ArrowDown}[Space]');
    expect(changes.map((view) => view.scope)).toEqual(['public', 'private']);
  });

  it('shows the member status choice in the shared scope only', async () => {
    const { user, changes } = renderDriven(ScopeTabs, FILTERED);
    expect(screen.queryByRole('group', { name: 'Member status' })).not.toBeInTheDocument();

    await user.click(tab('Shared with me'));
    const group = screen.getByRole('group', { name: 'Member status' });
    expect(within(group).getByRole('button', { name: 'Accepted' })).toHaveAttribute('aria-pressed', 'true');

    await user.click(within(group).getByRole('button', { name: 'Pending' }));
    expect(changes.at(-1)).toEqual({
      ...FILTERED,
      scope: 'shared',
      memberStatus: 'pending',
      image: undefined,
    });
    expect(within(group).getByRole('button', { name: 'Pending' })).toHaveAttribute('aria-pressed', 'true');
    expect(within(group).getByRole('button', { name: 'Accepted' })).toHaveAttribute('aria-pressed', 'false');

    await user.click(within(group).getByRole('button', { name: 'Rejected' }));
    expect(changes.at(-1)?.memberStatus).toBe('rejected');
  });

  it('drops the member status when leaving the shared scope', async () => {
    const { user, changes } = renderDriven(ScopeTabs, {
      ...FILTERED,
      scope: 'shared',
      memberStatus: 'rejected',
    });
    await user.click(tab('Marketplace'));
    expect(changes).toEqual([{ ...FILTERED, scope: 'market', memberStatus: 'accepted', image: undefined }]);
    expect(screen.queryByRole('group', { name: 'Member status' })).not.toBeInTheDocument();
  });
});
