// Readable names of the view's values, shared by the sidebar, the scope tabs and the filter chips.
import type { DateOperator, MemberStatus, VirtualEnvType } from '../../api/imageTypes';
import type { Scope } from '../catalogue/viewState';

export const SCOPE_LABELS: Readonly<Record<Scope, string>> = {
  all: 'All',
  public: 'Public',
  private: 'Private',
  shared: 'Shared with me',
  market: 'Marketplace',
};

export const MEMBER_STATUS_LABELS: Readonly<Record<MemberStatus, string>> = {
  accepted: 'Accepted',
  pending: 'Pending',
  rejected: 'Rejected',
};

/** What each `virtual_env_type` is for, in the console's words. */
export const ENV_TYPE_LABELS: Readonly<Record<VirtualEnvType, string>> = {
  FusionCompute: 'ECS system disk',
  Ironic: 'BMS',
  DataImage: 'Data disk',
  IsoImage: 'ISO',
};

export const DATE_OPERATOR_LABELS: Readonly<Record<DateOperator, string>> = {
  lt: 'before',
  lte: 'on or before',
  gt: 'after',
  gte: 'on or after',
  eq: 'on',
  neq: 'not on',
};

/** The operators in reading order: before, on or before, after, on or after, on, not on. */
export const DATE_OPERATOR_CHOICES = [
  'lt',
  'lte',
  'gt',
  'gte',
  'eq',
  'neq',
] as const satisfies readonly DateOperator[];

export function osBitLabel(bit: string): string {
  return `${bit}-bit`;
}
