import { useId } from 'react';
import type { DateFilter, DateOperator } from '../../api/imageTypes';
import { parseDateCondition } from '../catalogue/viewState';
import { DATE_OPERATOR_CHOICES, DATE_OPERATOR_LABELS } from './filterLabels';
import { onEnter } from './onEnter';
import { useDraft } from './useDraft';

/** "On or after" a day is what a bare day means most often, and it is exact at midnight UTC. */
const DEFAULT_OPERATOR: DateOperator = 'gte';

interface DateConditionFieldProps {
  label: string;
  value: DateFilter | undefined;
  onChange: (value: DateFilter | undefined) => void;
}

/**
 * A `created_at`/`updated_at` condition: an operator and a day. The day is applied on Enter or blur, as
 * typing into a date input changes its value once per digit; the operator at once when a day is set.
 */
export function DateConditionField({ label, value, onChange }: DateConditionFieldProps) {
  const timeId = useId();
  const [operator, setOperator] = useDraft<DateOperator>(value?.op ?? DEFAULT_OPERATOR);
  const appliedDay = value?.value.slice(0, 10) ?? '';
  const [day, setDay] = useDraft(appliedDay);
  // A link may carry a time; the date input cannot show it, so it is said beside it.
  const time = value?.value.slice(11, 19);
  const timeNote = time && time !== '00:00:00' ? `at ${time} UTC` : undefined;

  const changeOperator = (selected: string) => {
    const next = DATE_OPERATOR_CHOICES.find((choice) => choice === selected) ?? DEFAULT_OPERATOR;
    setOperator(next);
    if (value) onChange({ ...value, op: next });
  };
  const commitDay = () => {
    if (day === appliedDay) return;
    const condition = day === '' ? undefined : parseDateCondition(`${operator}:${day}`);
    if (day === '' || condition) onChange(condition);
  };

  return (
    <fieldset className="filter-date">
      <legend>{label}</legend>
      <div className="filter-inline">
        <select
          aria-label={`${label} condition`}
          value={operator}
          onChange={(event) => changeOperator(event.target.value)}
        >
          {DATE_OPERATOR_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {DATE_OPERATOR_LABELS[choice]}
            </option>
          ))}
        </select>
        <input
          type="date"
          aria-label={`${label} date`}
          aria-describedby={timeNote ? timeId : undefined}
          value={day}
          onChange={(event) => setDay(event.target.value)}
          onBlur={commitDay}
          onKeyDown={onEnter(commitDay)}
        />
      </div>
      {timeNote ? (
        <p id={timeId} className="filter-hint">
          {timeNote}
        </p>
      ) : null}
    </fieldset>
  );
}
