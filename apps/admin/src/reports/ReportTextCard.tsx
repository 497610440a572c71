import {
  Card,
  CardContent,
  FormControl,
  FormControlLabel,
  FormLabel,
  Radio,
  RadioGroup,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { ATTENDANCES, type Attendance, type ReportView } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import { touchTarget } from './touch.js';

/** The report's own words: this week's attendance and the narrative ("Skolans rapport"). */
export function ReportTextCard({
  report,
  editable,
  narrative,
  onNarrative,
  onNarrativeDone,
  onAttendance,
}: {
  report: ReportView;
  editable: boolean;
  narrative: string;
  onNarrative: (text: string) => void;
  onNarrativeDone: () => void;
  onAttendance: (attendance: Attendance) => void;
}) {
  const translate = useTranslate();
  return (
    <Card sx={{ my: 2 }}>
      <CardContent>
        {editable ? (
          <Stack spacing={2}>
            <FormControl>
              <FormLabel id="attendance-label">{translate('laget.report.attendance')}</FormLabel>
              {/* A column on a phone: three answers side by side do not fit 360 px. */}
              <RadioGroup
                aria-labelledby="attendance-label"
                value={report.attendance}
                onChange={(e) => onAttendance(e.target.value as Attendance)}
                sx={{ flexDirection: { xs: 'column', sm: 'row' } }}
              >
                {ATTENDANCES.map((attendance) => (
                  <FormControlLabel
                    key={attendance}
                    value={attendance}
                    control={<Radio />}
                    label={translate(`laget.attendance.${attendance}`)}
                    sx={touchTarget}
                  />
                ))}
              </RadioGroup>
            </FormControl>
            <TextField
              id="narrative"
              label={translate('resources.reports.fields.narrative')}
              helperText={translate('laget.report.narrative_help')}
              value={narrative}
              onChange={(e) => onNarrative(e.target.value)}
              onBlur={onNarrativeDone}
              multiline
              minRows={4}
              fullWidth
            />
          </Stack>
        ) : (
          // Read as text, not as greyed-out inputs: a submitted report must stay easy to read.
          <Stack spacing={1}>
            <Typography>
              <strong>{translate('laget.report.attendance')}:</strong>{' '}
              {translate(`laget.attendance.${report.attendance}`)}
            </Typography>
            <Typography component="h2" variant="subtitle1" sx={{ fontWeight: 600 }}>
              {translate('resources.reports.fields.narrative')}
            </Typography>
            <Typography sx={{ whiteSpace: 'pre-wrap' }}>{report.narrative || '–'}</Typography>
          </Stack>
        )}
      </CardContent>
    </Card>
  );
}
