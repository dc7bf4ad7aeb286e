import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, EMPTY_FILTERS, type ViewState } from '../../../src/features/catalogue/viewState';
import { FilterChips } from '../../../src/features/filters/FilterChips';
import { renderDriven } from './renderDriven';

const VIEW: ViewState = {
  ...DEFAULT_VIEW,
  scope: 'public',
  filters: { ...EMPTY_FILTERS, platform: 'CentOS', flags: ['__support_kvm'], tags: ['env=prod'] },
  sort: { key: 'name', dir: 'asc' },
  image: 'img-1',
};

const chipLabels = () =>
  within(screen.getByRole('list', { name: 'Active filters' }))
    .getAllByRole('listitem')
    .map((chip) => chip.textContent?.replace('×', ''));

describe('FilterChips', () => {
  it('renders nothing when no filter is active', () => {
    const { container } = render(<FilterChips view={DEFAULT_VIEW} onChange={() => undefined} />);
    expect(container).toBeEmptyDOMElement();
  });

  it('shows a chip per active filter, each with a remove button named after it', () => {
    renderDriven(FilterChips, VIEW);
    expect(chipLabels()).toEqual(['Scope: Public', 'Platform: CentOS', 'Support: KVM', 'Tag: env=prod']);
    expect(screen.getByRole('button', { name: 'Remove filter Platform: CentOS' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Remove filter Tag: env=prod' })).toBeInTheDocument();
  });

  it('removes one filter and moves the focus to the chip that takes its place', async () => {
    const { user, changes } = renderDriven(FilterChips, VIEW);
    await user.click(screen.getByRole('button', { name: 'Remove filter Platform: CentOS' }));
    expect(changes).toEqual([
      { ...VIEW, filters: { ...VIEW.filters, platform: undefined }, image: undefined },
    ]);
    expect(chipLabels()).toEqual(['Scope: Public', 'Support: KVM', 'Tag: env=prod']);
    expect(screen.getByRole('button', { name: 'Remove filter Support: KVM' })).toHaveFocus();

    await user.click(screen.getByRole('button', { name: 'Remove filter Tag: env=prod' }));
    expect(screen.getByRole('button', { name: 'Remove filter Support: KVM' })).toHaveFocus();
  });

  it('clears all filters but keeps the scope, then offers no clearing', async () => {
    const { user, changes } = renderDriven(FilterChips, VIEW);
    await user.click(screen.getByRole('button', { name: 'Clear all' }));
    expect(changes).toEqual([{ ...VIEW, filters: EMPTY_FILTERS, image: undefined }]);
    expect(chipLabels()).toEqual(['Scope: Public']);
    expect(screen.queryByRole('button', { name: 'Clear all' })).not.toBeInTheDocument();
  });

  it('disappears when the last filter is removed', async () => {
    const { user, container } = renderDriven(FilterChips, {
      ...DEFAULT_VIEW,
      filters: { ...EMPTY_FILTERS, minRam: 1024 },
    });
    await user.click(screen.getByRole('button', { name: 'Remove filter Min RAM: 1,024 MB' }));
    expect(container).toBeEmptyDOMElement();
  });

  it('renders labels as text', () => {
    const name = '<img src=x onerror=alert(1)>';
    renderDriven(FilterChips, { ...DEFAULT_VIEW, filters: { ...EMPTY_FILTERS, name } });
    expect(chipLabels()).toEqual([`Name: ${name}`]);
    expect(document.querySelector('img')).toBeNull();
  });
});
