// Pure operations on the filters of a view: change them, list the active ones, clear them.
import { formatCount, formatDateTime } from '../../lib/format';
import type { DateFilter } from '../../api/imageTypes';
import {
  EMPTY_FILTERS,
  FLAG_LABELS,
  normalizeView,
  type ImageFilters,
  type ViewState,
} from '../catalogue/viewState';
import {
  DATE_OPERATOR_LABELS,
  ENV_TYPE_LABELS,
  MEMBER_STATUS_LABELS,
  SCOPE_LABELS,
  osBitLabel,
} from './filterLabels';

export interface ActiveFilter {
  /** Unique among the active filters of a view. */
  key: string;
  label: string;
  remove: (view: ViewState) => ViewState;
}

/**
 * The view with `patch` applied to its filters, in canonical form; an undefined member turns that facet off
 * (the URL and the query leave it out). The open image is closed: it may not be in the new list.
 */
export function withFilters(view: ViewState, patch: Partial<ImageFilters>): ViewState {
  return normalizeView({ ...view, filters: { ...view.filters, ...patch }, image: undefined });
}

/**
 * Clears every facet, flag and tag. Scope and member status stay: they are chosen in the scope tabs, and
 * "clear" should not move the user to another list. Sort and columns are how the list is shown, not filters.
 */
export function clearFilters(view: ViewState): ViewState {
  return normalizeView({ ...view, filters: EMPTY_FILTERS, image: undefined });
}

const dayFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeZone: 'UTC' });

/** "after 1 Jan 2024"; a time other than midnight (only possible from a link) is shown too. */
function describeDate({ op, value }: DateFilter): string {
  const when = value.endsWith('T00:00:00Z') ? dayFormat.format(Date.parse(value)) : formatDateTime(value);
  return `${DATE_OPERATOR_LABELS[op]} ${when}`;
}

type FacetKey = Exclude<keyof ImageFilters, 'flags' | 'tags'>;

/** One entry per active filter, in the sidebar's order, with a label to show and a way to remove it. */
export function activeFilters(view: ViewState): ActiveFilter[] {
  const { filters } = view;
  const active: ActiveFilter[] = [];
  const facet = <K extends FacetKey>(key: K, describe: (value: NonNullable<ImageFilters[K]>) => string) => {
    const value = filters[key];
    if (value !== undefined) {
      active.push({
        key,
        label: describe(value),
        remove: (current) => withFilters(current, { [key]: undefined }),
      });
    }
  };

  if (view.scope !== 'all') {
    active.push({
      key: 'scope',
      label: `Scope: ${SCOPE_LABELS[view.scope]}`,
      remove: (current) => normalizeView({ ...current, scope: 'all', image: undefined }),
    });
  }
  if (view.memberStatus !== 'accepted') {
    active.push({
      key: 'memberStatus',
      label: `Member status: ${MEMBER_STATUS_LABELS[view.memberStatus]}`,
      remove: (current) => ({ ...current, memberStatus: 'accepted', image: undefined }),
    });
  }
  facet('platform', (platform) => `Platform: ${platform}`);
  facet('osType', (osType) => `OS type: ${osType}`);
  facet('osBit', (osBit) => `OS bit: ${osBitLabel(osBit)}`);
  for (const flag of filters.flags) {
    active.push({
      key: `flag:${flag}`,
      label: `Support: ${FLAG_LABELS[flag]}`,
      remove: (current) => withFilters(current, { flags: current.filters.flags.filter((f) => f !== flag) }),
    });
  }
  facet('arm', () => 'Architecture: Arm');
  facet('xenGpuType', (gpu) => `${FLAG_LABELS.xenGpuType}: ${gpu}`);
  facet('kvmGpuType', (gpu) => `${FLAG_LABELS.kvmGpuType}: ${gpu}`);
  facet('status', (status) => `Status: ${status}`);
  facet('diskFormat', (format) => `Disk format: ${format}`);
  facet('containerFormat', (format) => `Container format: ${format}`);
  facet('envType', (envType) => `Environment: ${ENV_TYPE_LABELS[envType]}`);
  for (const tag of filters.tags) {
    active.push({
      key: `tag:${tag}`,
      label: `Tag: ${tag}`,
      remove: (current) => withFilters(current, { tags: current.filters.tags.filter((t) => t !== tag) }),
    });
  }
  facet('name', (name) => `Name: ${name}`);
  facet('owner', (owner) => `Owner: ${owner}`);
  facet('minRam', (megabytes) => `Min RAM: ${formatCount(megabytes)} MB`);
  facet('minDisk', (gigabytes) => `Min disk: ${formatCount(gigabytes)} GB`);
  facet('created', (condition) => `Created ${describeDate(condition)}`);
  facet('updated', (condition) => `Updated ${describeDate(condition)}`);
  return active;
}
