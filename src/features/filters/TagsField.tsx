import { useId, useRef, useState } from 'react';
import { onEnter } from './onEnter';

interface TagsFieldProps {
  tags: readonly string[];
  onChange: (tags: string[]) => void;
}

/** Tags to match, all of them: one is added on Enter, and each can be removed. */
export function TagsField({ tags, onChange }: TagsFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState('');

  const add = () => {
    const tag = draft.trim();
    if (!tag) return;
    setDraft('');
    if (!tags.includes(tag)) onChange([...tags, tag]);
  };
  const remove = (tag: string) => {
    onChange(tags.filter((kept) => kept !== tag));
    // The button goes away with its tag; the input is the natural place to continue.
    input.current?.focus();
  };

  return (
    <fieldset className="filter-group">
      <legend>Tags</legend>
      <div className="filter-field">
        <label htmlFor={id}>Add a tag</label>
        <div className="filter-inline">
          <input
            ref={input}
            id={id}
            value={draft}
            placeholder="key=value"
            aria-describedby={`${id}-hint`}
            onChange={(event) => setDraft(event.target.value)}
            onKeyDown={onEnter(add)}
          />
          <button type="button" className="filter-button" onClick={add}>
            Add
          </button>
        </div>
        <p id={`${id}-hint`} className="filter-hint">
          Press Enter to add; images must carry every tag. Write tags as key=value: an older tag shown as a.b
          is found with a=b.
        </p>
      </div>
      {tags.length > 0 ? (
        <ul role="list" className="filter-tags" aria-label="Selected tags">
          {tags.map((tag) => (
            <li key={tag} className="filter-tag">
              <span>{tag}</span>
              <button
                type="button"
                className="filter-remove"
                aria-label={`Remove tag ${tag}`}
                onClick={() => remove(tag)}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
    </fieldset>
  );
}
