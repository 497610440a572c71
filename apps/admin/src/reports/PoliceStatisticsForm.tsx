import { useEffect, useState } from 'react';
import { Box, Button, Stack, TextField, Typography } from '@mui/material';
import { DEFAULT_CRIME_CATEGORIES, type PoliceStatistics } from '@laget/contracts';
import { useTranslate } from 'react-admin';

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

  const countOf = (category: string) =>
    values.categories.find((row) => row.category === category)?.count ?? 0;
  const setCount = (category: string, count: number) => {
    const others = values.categories.filter((row) => row.category !== category);
    setValues({ ...values, categories: count > 0 ? [...others, { category, count }] : others });
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
      <Box
        sx={{ display: 'grid', gridTemplateColumns: { xs: '1fr 1fr', md: 'repeat(4, 1fr)' }, gap: 2, mb: 2 }}
      >
        {DEFAULT_CRIME_CATEGORIES.map(({ key, label }) => (
          <TextField
            key={key}
            id={`statistics-category-${key}`}
            type="number"
            size="small"
            label={label}
            value={countOf(key)}
            disabled={disabled}
            slotProps={{ htmlInput: { min: 0, inputMode: 'numeric' } }}
            onChange={(e) => setCount(key, nonNegative(e.target.value))}
          />
        ))}
      </Box>
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
        <Button variant="outlined" onClick={() => onSave(values)}>
          {translate('laget.statistics.save')}
        </Button>
      )}
    </Box>
  );
}
