import { useState } from 'react';
import { Combobox, ComboboxOption } from '@strapi/design-system';
import { useCandidateTags } from '../../../api/candidates';
import { useTranslate } from '../../../utils/useTranslate';
import { useDebounced } from './useDebounced';

type Props = {
  /** Called with the tag chosen or typed. */
  onPick: (tag: string) => void;
  exclude?: string[];
  /** Offer the typed text as a new tag. */
  creatable?: boolean;
  placeholder?: string;
  label?: string;
};

/** A tag from those in use (most used first), or a new one. */
export const TagPicker = ({ onPick, exclude = [], creatable = true, placeholder, label }: Props) => {
  const t = useTranslate();
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 200);
  const tags = useCandidateTags(search);
  const options = (tags.data ?? []).filter((entry) => !exclude.includes(entry.tag));
  const pick = (value?: string) => {
    const tag = value?.trim();
    if (tag && !exclude.includes(tag)) onPick(tag);
    // The combobox writes the chosen option's text back after this call; clear it after that.
    setTimeout(() => setText(''), 0);
  };
  return (
    <Combobox
      aria-label={label ?? t('candidates.tags.pick', 'Add a tag')}
      placeholder={placeholder ?? t('candidates.tags.placeholder', 'Type or choose a tag')}
      value=""
      textValue={text}
      onTextValueChange={setText}
      onChange={(value) => pick(value)}
      creatable={creatable ? 'visible' : false}
      createMessage={(value) => t('candidates.tags.create', 'Add tag "{value}"', { value })}
      onCreateOption={(value) => pick(value)}
      loading={tags.isFetching}
      autocomplete={{ type: 'list', filter: 'contains' }}
    >
      {options.map((entry) => (
        <ComboboxOption key={entry.tag} value={entry.tag}>
          {entry.tag}
        </ComboboxOption>
      ))}
    </Combobox>
  );
};
