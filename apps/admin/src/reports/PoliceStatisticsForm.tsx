import { useEffect, useState } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { DEFAULT_CRIME_CATEGORIES, type PoliceStatistics } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { touchTarget } from './touch.js';

const totals = ['handelserapporter', 'arenden', 'brott'] as const;

const nonNegative = (text: string) => Math.max(0, Math.floor(Number(text) || 0));

/** The police's weekly numbers: totals and counts per crime category (the seed's "Polisens statistik"). */
export function PoliceStatisticsForm({
  statistics,
  disabled,
  onSave,
}: {
  statistics: PoliceStatistics | null;
  disabled: boolean;
  onSave: (statistics: PoliceStatistics) => void;
}) {
  const translate = useTranslate();
  const [values, setValues] = useState<PoliceStatistics>(
    statistics ?? { handelserapporter: 0, arenden: 0, brott: 0, categories: [] },
  );
  useEffect(() => {
    if (statistics) setValues(statistics);
  }, [statistics]);

  const rowOf = (category: string) => values.categories.find((row) => row.category === category);
  /** A row is kept while it has a count or a note; an empty one is left out of the report. */
  const setRow = (category: string, change: { count?: number; note?: string }) => {
    const before = rowOf(category) ?? { category, count: 0 };
    const row = { ...before, ...change };
    const others = values.categories.filter((r) => r.category !== category);
    const keep = row.count > 0 || Boolean(row.note?.trim());
    setValues({ ...values, categories: keep ? [...others, row] : others });
  };

  return (
    <Box component="section" aria-labelledby="statistics-heading">
      <Typography id="statistics-heading" component="h2" variant="h6" gutterBottom>
        {translate('laget.report.statistics')}
      </Typography>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ mb: 2 }}>
        {totals.map((key) => (
          <TextField
            key={key}
            id={`statistics-${key}`}
            type="number"
            label={translate(`laget.statistics.${key}`)}
            value={values[key]}
            disabled={disabled}
            slotProps={{ htmlInput: { min: 0, inputMode: 'numeric' } }}
            onChange={(e) => setValues({ ...values, [key]: nonNegative(e.target.value) })}
          />
        ))}
      </Stack>
      <Typography id="statistics-categories" component="h3" variant="subtitle1" sx={{ fontWeight: 600 }}>
        {translate('laget.statistics.categories')}
      </Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('laget.statistics.categories_help')}
      </Typography>
      {/* Each row has its own note, as the seed writes "3 Försök till bedrägeri (postnord, resebolag,
          klarna)"; the note field shows once the row has a count, so 14 empty notes do not fill a phone. */}
      <Stack spacing={1.5} sx={{ mb: 2 }} role="group" aria-labelledby="statistics-categories">
        {DEFAULT_CRIME_CATEGORIES.map(({ key, label }) => {
          const row = rowOf(key);
          const noted = Boolean(row && (row.count > 0 || row.note));
          return (
            <Box
              key={key}
              sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr', sm: '14rem 1fr' }, gap: 1 }}
            >
              <TextField
                id={`statistics-category-${key}`}
                type="number"
                label={label}
                value={row?.count ?? 0}
                disabled={disabled}
                slotProps={{ htmlInput: { min: 0, inputMode: 'numeric' } }}
                onChange={(e) => setRow(key, { count: nonNegative(e.target.value) })}
              />
              {noted && (
                <TextField
                  id={`statistics-note-${key}`}
                  label={translate('laget.statistics.note')}
                  value={row?.note ?? ''}
                  disabled={disabled}
                  slotProps={{
                    htmlInput: {
                      maxLength: 500,
                      'aria-label': translate('laget.statistics.row_note', { category: label }),
                    },
                  }}
                  onChange={(e) => setRow(key, { note: e.target.value })}
                />
              )}
            </Box>
          );
        })}
      </Stack>
      <TextField
        id="statistics-note"
        label={translate('laget.statistics.note')}
        value={values.note ?? ''}
        disabled={disabled}
        multiline
        minRows={2}
        fullWidth
        onChange={(e) => setValues({ ...values, note: e.target.value })}
        sx={{ mb: 1 }}
      />
      {!disabled && (
        <Button variant="outlined" onClick={() => onSave(values)} sx={touchTarget}>
          {translate('laget.statistics.save')}
        </Button>
      )}
    </Box>
  );
}
