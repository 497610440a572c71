import { useState } from 'react';
import { Autocomplete, Chip, TextField } from '@mui/material';
import { MAX_INCIDENT_TAGS, MAX_TAG_LENGTH } from '@laget/contracts';
import { useTranslate } from 'react-admin';

/**
 * An incident's free tags (issue 18): words the reporter adds so the incident is found again
 * ("busskur", "helg"). Typed and taken with Enter, a comma or by leaving the field; each is
 * trimmed, said once, and kept within the contract's limits before the server is asked.
 */
export function TagsInput({ value, onChange }: { value: string[]; onChange: (tags: string[]) => void }) {
  const translate = useTranslate();
  const [typed, setTyped] = useState('');
  const tooLong = typed.trim().length > MAX_TAG_LENGTH;
  const full = value.length >= MAX_INCIDENT_TAGS;

  const take = (tags: readonly string[]) => {
    const kept: string[] = [];
    for (const tag of tags.map((t) => t.trim()).filter((t) => t !== '' && t.length <= MAX_TAG_LENGTH))
      if (!kept.some((k) => k.toLocaleLowerCase('sv') === tag.toLocaleLowerCase('sv'))) kept.push(tag);
    onChange(kept.slice(0, MAX_INCIDENT_TAGS));
  };

  return (
    <Autocomplete
      id="incident-tags"
      multiple
      freeSolo
      autoSelect
      options={[]}
      value={value}
      inputValue={typed}
      onInputChange={(_event, next) => {
        // A comma ends a tag, as in most tag fields.
        if (next.includes(',')) {
          take([...value, ...next.split(',')]);
          setTyped('');
        } else setTyped(next);
      }}
      onChange={(_event, next) => {
        take(next as string[]);
        setTyped('');
      }}
      renderValue={(tags, getItemProps) =>
        tags.map((tag, index) => {
          const { key, ...itemProps } = getItemProps({ index });
          return <Chip key={key} size="small" label={tag} {...itemProps} />;
        })
      }
      renderInput={(params) => (
        <TextField
          {...params}
          label={translate('laget.incident.tags')}
          error={tooLong}
          helperText={
            tooLong
              ? translate('laget.incident.tags_too_long', { max: MAX_TAG_LENGTH })
              : full
                ? translate('laget.incident.tags_full', { max: MAX_INCIDENT_TAGS })
                : translate('laget.incident.tags_help')
          }
        />
      )}
    />
  );
}
