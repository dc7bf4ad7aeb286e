import { useId } from 'react';

interface SelectFieldProps<T extends string> {
  label: string;
  value: T | undefined;
  options: readonly T[];
  optionLabel?: (option: T) => string;
  /** undefined: "Any", the facet is not filtered on. */
  onChange: (value: T | undefined) => void;
}

/** A facet with a closed list of documented values, plus "Any". */
export function SelectField<T extends string>({
  label,
  value,
  options,
  optionLabel = (option) => option,
  onChange,
}: SelectFieldProps<T>) {
  const id = useId();
  return (
    <div className="filter-field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value ?? ''}
        onChange={(event) => onChange(options.find((option) => option === event.target.value))}
      >
        <option value="">Any</option>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </div>
  );
}
