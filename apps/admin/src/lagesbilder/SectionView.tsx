import type { ReactNode } from 'react';
import { Box, Button, Chip, Paper, Stack, Typography } from '@mui/material';
import EditIcon from '@mui/icons-material/Edit';
import VisibilityOffIcon from '@mui/icons-material/VisibilityOff';
import type { DocumentItem, DocumentSection, IncidentItem, StatisticItem } from '@laget/contracts';
import { useTranslate } from 'react-admin';
import type { RedactionOverview } from '@laget/contracts';
import { segments, type Span } from './text-segments.js';
import { IncidentProblemButtons } from '../atgarder/IncidentProblemButtons.js';

/** Sections a coordinator writes; the rest come from the reports. */
export const coordinatorKinds = new Set(['background', 'coordinator_report', 'other', 'conclusions']);

function isIncident(item: DocumentItem): item is IncidentItem {
  return 'problem' in item;
}

interface FieldProps {
  sectionId: string;
  path: string;
  value: string;
  masks: Span[];
  /** Only the internal view can be selected for redaction. */
  selectable: boolean;
}

/** One text field. In the internal view it carries where it is, so a selection in it can become a mask. */
function FieldText({ sectionId, path, value, masks, selectable }: FieldProps) {
  const translate = useTranslate();
  const where = selectable ? { 'data-section-id': sectionId, 'data-path': path } : {};
  return (
    <span {...where} style={{ whiteSpace: 'pre-wrap' }}>
      {segments(value, masks).map((segment, index) =>
        segment.marked ? (
          <Box
            component="mark"
            key={index}
            title={translate('laget.lagesbild.masked_in_open')}
            sx={{ bgcolor: '#ffe08a', color: 'inherit', textDecoration: 'line-through' }}
          >
            {segment.text}
          </Box>
        ) : (
          <span key={index}>{segment.text}</span>
        ),
      )}
    </span>
  );
}

export function SectionView({
  section,
  selectable,
  redactions = [],
  onEdit,
  onExclude,
}: {
  section: DocumentSection;
  selectable: boolean;
  redactions?: RedactionOverview[];
  onEdit?: () => void;
  onExclude?: (path: string, label: string) => void;
}) {
  const translate = useTranslate();
  const masksAt = (path: string): Span[] =>
    redactions
      .filter((r) => r.kind === 'mask' && !r.stale && r.sectionId === section.id && r.path === path)
      .map((r) => ({ start: r.start ?? 0, end: r.end ?? 0 }));
  const excluded = (path: string) =>
    redactions.some((r) => r.kind === 'exclude' && r.sectionId === section.id && r.path === path);
  const field = (path: string, value: string) => (
    <FieldText
      sectionId={section.id}
      path={path}
      value={value}
      masks={masksAt(path)}
      selectable={selectable}
    />
  );
  const headingId = `section-${section.id}`;

  return (
    <Box component="section" aria-labelledby={headingId} sx={{ mb: 3 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center', flexWrap: 'wrap' }}>
        <Typography id={headingId} component="h2" variant="h6" sx={{ flex: 1 }}>
          {section.title}
        </Typography>
        {excluded('') && <Chip size="small" color="warning" label={translate('laget.lagesbild.excluded')} />}
        {onEdit && (
          <Button size="small" startIcon={<EditIcon />} onClick={onEdit}>
            {translate('laget.lagesbild.edit_section')}
          </Button>
        )}
      </Stack>
      {section.text !== undefined && (
        <Typography component="div" sx={{ mt: 0.5 }}>
          {field('/text', section.text)}
        </Typography>
      )}
      {section.items && section.items.length > 0 && (
        <Stack spacing={1} sx={{ mt: 1 }}>
          {section.items.map((item, index) =>
            isIncident(item) ? (
              <IncidentBlock
                key={item.id}
                item={item}
                index={index}
                field={field}
                excluded={excluded(`/items/${index}`)}
                onExclude={onExclude ? () => onExclude(`/items/${index}`, item.problem) : undefined}
              />
            ) : (
              <Typography key={item.id} component="div">
                <strong>{(item as StatisticItem).count}</strong>{' '}
                {field(`/items/${index}/label`, (item as StatisticItem).label)}
                {(item as StatisticItem).note ? (
                  <> – {field(`/items/${index}/note`, (item as StatisticItem).note ?? '')}</>
                ) : null}
              </Typography>
            ),
          )}
        </Stack>
      )}
    </Box>
  );
}

function IncidentBlock({
  item,
  index,
  field,
  excluded,
  onExclude,
}: {
  item: IncidentItem;
  index: number;
  field: (path: string, value: string) => ReactNode;
  excluded: boolean;
  onExclude?: () => void;
}) {
  const translate = useTranslate();
  const rows: [string, keyof IncidentItem][] = [
    ['laget.incident.location', 'location'],
    ['laget.incident.occurredAt', 'occurredAt'],
    ['laget.incident.frequency', 'frequency'],
    ['laget.incident.comment', 'comment'],
  ];
  return (
    <Paper variant="outlined" component="article" sx={{ p: 1.5, opacity: excluded ? 0.6 : 1 }}>
      <Stack direction="row" spacing={1} sx={{ alignItems: 'flex-start', flexWrap: 'wrap' }}>
        <Typography component="h3" variant="subtitle1" sx={{ flex: 1 }}>
          {field(`/items/${index}/problem`, item.problem)}
        </Typography>
        <Chip size="small" label={`${item.assessment.severity} ${item.assessment.scope}`} />
        {excluded && <Chip size="small" color="warning" label={translate('laget.lagesbild.excluded')} />}
        <IncidentProblemButtons incidentId={item.id} />
        {onExclude && !excluded && (
          <Button size="small" startIcon={<VisibilityOffIcon />} onClick={onExclude}>
            {translate('laget.lagesbild.exclude_item')}
          </Button>
        )}
      </Stack>
      <Typography variant="body2" color="text.secondary">
        {item.organisationName}
      </Typography>
      <Box
        component="dl"
        sx={{
          m: 0,
          mt: 0.5,
          display: 'grid',
          gridTemplateColumns: { xs: '1fr', sm: '140px 1fr' },
          gap: 0.25,
        }}
      >
        {rows
          .filter(([, key]) => item[key])
          .map(([label, key]) => (
            <Box key={key} sx={{ display: 'contents' }}>
              <Typography component="dt" variant="body2" sx={{ fontWeight: 600 }}>
                {translate(label)}
              </Typography>
              <Typography component="dd" variant="body2" sx={{ m: 0 }}>
                {field(`/items/${index}/${key}`, String(item[key]))}
              </Typography>
            </Box>
          ))}
      </Box>
    </Paper>
  );
}
