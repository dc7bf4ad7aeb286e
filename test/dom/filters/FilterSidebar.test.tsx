import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_VIEW,
  EMPTY_FILTERS,
  type ImageFilters,
  type ViewState,
} from '../../../src/features/catalogue/viewState';
import { FilterSidebar } from '../../../src/features/filters/FilterSidebar';
import { renderDriven } from './renderDriven';

/** A view with an open image and a sort: a filter change must close the one and keep the other. */
function viewWith(filters: Partial<ImageFilters> = {}): ViewState {
  return {
    ...DEFAULT_VIEW,
    scope: 'private',
    sort: { key: 'name', dir: 'asc' },
    image: 'img-1',
    filters: { ...EMPTY_FILTERS, ...filters },
  };
}

/** What the sidebar must report: the same view with these filters and no open image. */
function expected(filters: Partial<ImageFilters>): ViewState {
  return { ...viewWith(filters), image: undefined };
}

const field = (label: string) => screen.getByLabelText(label);
const checkbox = (name: string) => screen.getByRole('checkbox', { name });

describe('FilterSidebar', () => {
  it('is a search landmark named Filters, grouped by fieldsets', () => {
    renderDriven(FilterSidebar);
    const form = screen.getByRole('search', { name: 'Filters' });
    const groups = within(form)
      .getAllByRole('group')
      .map((group) => group.querySelector('legend')?.textContent);
    expect(groups).toEqual([
      'Operating system',
      'Support',
      'Image',
      'Tags',
      'Name and owner',
      'Minimum requirements',
      'Dates',
      'Created',
      'Updated',
    ]);
  });

  describe('selects', () => {
    it.each<[string, string, Partial<ImageFilters>, number]>([
      ['Platform', 'CentOS', { platform: 'CentOS' }, 13],
      ['OS type', 'Windows', { osType: 'Windows' }, 4],
      ['OS bit', '64-bit', { osBit: '64' }, 3],
      ['Status', 'active', { status: 'active' }, 7],
      ['Disk format', 'qcow2', { diskFormat: 'qcow2' }, 7],
      ['Environment', 'Data disk', { envType: 'DataImage' }, 5],
    ])('%s: choosing %s filters on it, Any removes it', async (label, option, filters, optionCount) => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      expect(within(field(label)).getAllByRole('option')).toHaveLength(optionCount);

      await user.selectOptions(field(label), option);
      expect(changes).toEqual([expected(filters)]);
      expect(field(label)).toHaveDisplayValue(option);

      await user.selectOptions(field(label), 'Any');
      expect(changes).toHaveLength(2);
      expect(changes[1]?.filters).toEqual(EMPTY_FILTERS);
    });

    it('labels the environments as the console does', () => {
      renderDriven(FilterSidebar);
      const options = within(field('Environment')).getAllByRole('option');
      expect(options.map((option) => [option.textContent, option.getAttribute('value')])).toEqual([
        ['Any', ''],
        ['ECS system disk', 'FusionCompute'],
        ['BMS', 'Ironic'],
        ['Data disk', 'DataImage'],
        ['ISO', 'IsoImage'],
      ]);
    });
  });

  describe('support flags', () => {
    it('adds and removes a flag, keeping the documented order', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      await user.click(checkbox('Large memory'));
      await user.click(checkbox('KVM'));
      expect(changes.at(-1)).toEqual(expected({ flags: ['__support_kvm', '__support_largememory'] }));
      expect(checkbox('KVM')).toBeChecked();

      await user.click(checkbox('Large memory'));
      expect(changes.at(-1)).toEqual(expected({ flags: ['__support_kvm'] }));
      expect(checkbox('Large memory')).not.toBeChecked();
    });

    it('disables what cannot co-exist with KVM, and says why', async () => {
      const { user } = renderDriven(FilterSidebar, viewWith());
      await user.click(checkbox('KVM'));

      for (const control of [checkbox('Xen HANA'), field('Xen GPU type'), field('KVM GPU type')]) {
        expect(control).toBeDisabled();
        expect(control).toHaveAccessibleDescription('cannot be combined with KVM');
      }
      for (const name of ['Xen', 'Large memory', 'Disk intensive', 'High performance', 'KVM InfiniBand']) {
        expect(checkbox(name)).toBeEnabled();
      }

      await user.click(checkbox('KVM'));
      expect(checkbox('Xen HANA')).toBeEnabled();
      expect(checkbox('Xen HANA')).not.toHaveAccessibleDescription();
      expect(field('KVM GPU type')).toBeEnabled();
    });

    it('disables InfiniBand with Xen', async () => {
      const { user } = renderDriven(FilterSidebar, viewWith());
      await user.click(checkbox('Xen'));
      expect(checkbox('KVM InfiniBand')).toBeDisabled();
      expect(checkbox('KVM InfiniBand')).toHaveAccessibleDescription('cannot be combined with Xen');
      expect(checkbox('KVM')).toBeEnabled();
    });

    it('applies a GPU type on Enter, offers suggestions, and then disables KVM and Xen', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      const kvmGpu = field('KVM GPU type');
      const suggestions = document.getElementById(kvmGpu.getAttribute('list') ?? '');
      expect([...(suggestions?.querySelectorAll('option') ?? [])].map((option) => option.value)).toContain(
        'T4',
      );

      await user.type(kvmGpu, 'T4');
      expect(changes).toEqual([]);
      await user.keyboard('{Enter}');
      expect(changes).toEqual([expected({ kvmGpuType: 'T4' })]);
      expect(checkbox('KVM')).toBeDisabled();
      expect(checkbox('KVM')).toHaveAccessibleDescription('cannot be combined with KVM GPU');
      expect(checkbox('Xen')).toBeDisabled();
      expect(checkbox('Xen HANA')).toBeEnabled();
    });

    it('filters on Arm images only', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      await user.click(checkbox('Arm only'));
      expect(changes).toEqual([expected({ arm: true })]);
      await user.click(checkbox('Arm only'));
      expect(changes[1]?.filters).toEqual(EMPTY_FILTERS);
    });
  });

  describe('text fields', () => {
    it.each<[string, keyof ImageFilters]>([
      ['Exact name', 'name'],
      ['Owner (project ID)', 'owner'],
      ['Container format', 'containerFormat'],
      ['Xen GPU type', 'xenGpuType'],
    ])('%s is applied trimmed on Enter, not on each keystroke', async (label, key) => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      await user.type(field(label), '  some value ');
      expect(changes).toEqual([]);
      await user.keyboard('{Enter}');
      expect(changes).toEqual([expected({ [key]: 'some value' })]);

      // Enter again with nothing changed is not a new view.
      await user.keyboard('{Enter}');
      expect(changes).toHaveLength(1);

      await user.clear(field(label));
      await user.keyboard('{Enter}');
      expect(changes).toHaveLength(2);
      expect(changes[1]?.filters).toEqual(EMPTY_FILTERS);
    });

    it('applies on blur', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      await user.type(field('Owner (project ID)'), 'abc123');
      expect(changes).toEqual([]);
      await user.tab();
      expect(changes).toEqual([expected({ owner: 'abc123' })]);
    });

    it.each<[string, keyof ImageFilters]>([
      ['Min RAM (MB)', 'minRam'],
      ['Min disk (GB)', 'minDisk'],
    ])('%s takes a whole number of 0 or more', async (label, key) => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      const input = field(label);
      await user.type(input, '-5{Enter}');
      expect(changes).toEqual([]);
      expect(input).toHaveAttribute('aria-invalid', 'true');
      expect(screen.getByRole('alert')).toHaveTextContent('Enter a whole number from 0 to 999,999,999.');
      expect(input).toHaveAccessibleDescription('Enter a whole number from 0 to 999,999,999.');

      await user.clear(input);
      for (const invalid of ['1.5', '1e3', '1234567890', 'ten']) {
        await user.clear(input);
        await user.type(input, invalid);
        await user.tab();
        expect(changes).toEqual([]);
        expect(screen.getByRole('alert')).toBeInTheDocument();
      }

      await user.clear(input);
      await user.type(input, '2048');
      expect(screen.queryByRole('alert')).not.toBeInTheDocument();
      await user.tab();
      expect(changes).toEqual([expected({ [key]: 2048 })]);
      expect(input).not.toHaveAttribute('aria-invalid');

      await user.clear(input);
      await user.type(input, '0{Enter}');
      expect(changes.at(-1)).toEqual(expected({ [key]: 0 }));
    });
  });

  describe('tags', () => {
    it('adds a tag on Enter or with Add, and removes it from its list', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      const input = field('Add a tag');
      expect(input).toHaveAccessibleDescription(/key=value/);

      await user.type(input, 'env=prod');
      expect(changes).toEqual([]);
      await user.keyboard('{Enter}');
      expect(changes).toEqual([expected({ tags: ['env=prod'] })]);
      expect(input).toHaveValue('');

      await user.type(input, ' team=a ');
      await user.click(screen.getByRole('button', { name: 'Add' }));
      expect(changes.at(-1)).toEqual(expected({ tags: ['env=prod', 'team=a'] }));
      const list = screen.getByRole('list', { name: 'Selected tags' });
      expect(
        within(list)
          .getAllByRole('listitem')
          .map((item) => item.textContent),
      ).toEqual(['env=prod×', 'team=a×']);

      await user.type(input, 'env=prod{Enter}');
      expect(changes).toHaveLength(2);

      await user.click(screen.getByRole('button', { name: 'Remove tag env=prod' }));
      expect(changes.at(-1)).toEqual(expected({ tags: ['team=a'] }));
      expect(input).toHaveFocus();
    });
  });

  describe('dates', () => {
    it('applies the day on blur with the chosen operator, and a new operator at once', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      expect(
        within(field('Created condition'))
          .getAllByRole('option')
          .map((option) => option.textContent),
      ).toEqual(['before', 'on or before', 'after', 'on or after', 'on', 'not on']);

      await user.selectOptions(field('Created condition'), 'after');
      expect(changes).toEqual([]);
      await user.type(field('Created date'), '2024-01-15');
      expect(changes).toEqual([]);
      await user.tab();
      expect(changes).toEqual([expected({ created: { op: 'gt', value: '2024-01-15T00:00:00Z' } })]);

      await user.selectOptions(field('Created condition'), 'on or before');
      expect(changes.at(-1)).toEqual(expected({ created: { op: 'lte', value: '2024-01-15T00:00:00Z' } }));

      await user.clear(field('Created date'));
      await user.tab();
      expect(changes).toHaveLength(3);
      expect(changes[2]?.filters).toEqual(EMPTY_FILTERS);
    });

    it('applies the Updated day on Enter', async () => {
      const { user, changes } = renderDriven(FilterSidebar, viewWith());
      await user.type(field('Updated date'), '2023-12-31{Enter}');
      expect(changes).toEqual([expected({ updated: { op: 'gte', value: '2023-12-31T00:00:00Z' } })]);
    });
  });

  describe('controlled by the view', () => {
    const FULL: ViewState = viewWith({
      platform: 'Oracle Linux',
      osType: 'Linux',
      osBit: '32',
      flags: ['__support_xen', '__support_largememory'],
      arm: true,
      xenGpuType: 'M60_GPU',
      status: 'queued',
      diskFormat: 'iso',
      containerFormat: 'bare',
      envType: 'IsoImage',
      tags: ['a=b'],
      name: 'My image',
      owner: 'p1',
      minRam: 512,
      minDisk: 40,
      created: { op: 'neq', value: '2024-03-01T00:00:00Z' },
      updated: { op: 'lt', value: '2018-10-28T10:00:00Z' },
    });

    it('shows every value of the view', () => {
      render(<FilterSidebar view={FULL} onChange={() => undefined} />);
      expect(field('Platform')).toHaveDisplayValue('Oracle Linux');
      expect(field('OS type')).toHaveDisplayValue('Linux');
      expect(field('OS bit')).toHaveDisplayValue('32-bit');
      expect(checkbox('Xen')).toBeChecked();
      expect(checkbox('Large memory')).toBeChecked();
      expect(checkbox('KVM')).not.toBeChecked();
      expect(checkbox('Arm only')).toBeChecked();
      expect(field('Xen GPU type')).toHaveValue('M60_GPU');
      expect(field('Status')).toHaveDisplayValue('queued');
      expect(field('Disk format')).toHaveDisplayValue('iso');
      expect(field('Container format')).toHaveValue('bare');
      expect(field('Environment')).toHaveDisplayValue('ISO');
      expect(screen.getByRole('button', { name: 'Remove tag a=b' })).toBeInTheDocument();
      expect(field('Exact name')).toHaveValue('My image');
      expect(field('Owner (project ID)')).toHaveValue('p1');
      expect(field('Min RAM (MB)')).toHaveValue('512');
      expect(field('Min disk (GB)')).toHaveValue('40');
      expect(field('Created condition')).toHaveDisplayValue('not on');
      expect(field('Created date')).toHaveValue('2024-03-01');
      expect(field('Updated condition')).toHaveDisplayValue('before');
      expect(field('Updated date')).toHaveValue('2018-10-28');
      expect(field('Updated date')).toHaveAccessibleDescription('at 10:00:00 UTC');
    });

    it('drops unapplied text when the view changes from outside (Back, a removed chip)', async () => {
      const user = userEvent.setup();
      const { rerender } = render(<FilterSidebar view={FULL} onChange={() => undefined} />);
      await user.type(field('Exact name'), ' draft');
      expect(field('Exact name')).toHaveValue('My image draft');

      rerender(<FilterSidebar view={DEFAULT_VIEW} onChange={() => undefined} />);
      expect(field('Exact name')).toHaveValue('');
      expect(field('Platform')).toHaveDisplayValue('Any');
      expect(checkbox('Xen')).not.toBeChecked();
      expect(field('Min RAM (MB)')).toHaveValue('');
      expect(field('Created date')).toHaveValue('');
      expect(field('Created condition')).toHaveDisplayValue('on or after');
      expect(screen.queryByRole('list', { name: 'Selected tags' })).not.toBeInTheDocument();
    });
  });
});
