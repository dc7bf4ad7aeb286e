import { SUPPORT_FLAGS, type SupportFlag } from '../../api/imageTypes';
import { FLAG_LABELS, flagConflict, type ImageFilters } from '../catalogue/viewState';
import { CheckField } from './CheckField';
import { CommitField } from './CommitField';

/** Common GPU types, offered as suggestions only: the server accepts any value. */
const XEN_GPU_SUGGESTIONS = ['M60_GPU', 'M60_vGPU', 'P100', 'V100_vGPU'] as const;
const KVM_GPU_SUGGESTIONS = ['A100', 'P4', 'P100', 'T4', 'V100', 'V100_vGPU'] as const;

interface SupportFieldsetProps {
  filters: ImageFilters;
  onChange: (patch: Partial<ImageFilters>) => void;
}

/** The support properties, with the reference's "cannot co-exist" rules shown as disabled choices. */
export function SupportFieldset({ filters, onChange }: SupportFieldsetProps) {
  const toggleFlag = (flag: SupportFlag, on: boolean) =>
    onChange({ flags: on ? [...filters.flags, flag] : filters.flags.filter((chosen) => chosen !== flag) });

  return (
    <fieldset className="filter-group">
      <legend>Support</legend>
      {SUPPORT_FLAGS.map((flag) => (
        <CheckField
          key={flag}
          label={FLAG_LABELS[flag]}
          checked={filters.flags.includes(flag)}
          conflict={flagConflict(filters, flag)}
          onChange={(on) => toggleFlag(flag, on)}
        />
      ))}
      <CheckField
        label="Arm only"
        checked={filters.arm === true}
        onChange={(on) => onChange({ arm: on ? true : undefined })}
      />
      <CommitField
        label={`${FLAG_LABELS.xenGpuType} type`}
        value={filters.xenGpuType ?? ''}
        suggestions={XEN_GPU_SUGGESTIONS}
        disabledReason={flagConflict(filters, 'xenGpuType')}
        onCommit={(text) => onChange({ xenGpuType: text || undefined })}
      />
      <CommitField
        label={`${FLAG_LABELS.kvmGpuType} type`}
        value={filters.kvmGpuType ?? ''}
        suggestions={KVM_GPU_SUGGESTIONS}
        disabledReason={flagConflict(filters, 'kvmGpuType')}
        onCommit={(text) => onChange({ kvmGpuType: text || undefined })}
      />
    </fieldset>
  );
}
