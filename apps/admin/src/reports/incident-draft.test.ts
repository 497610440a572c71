import { describe, expect, it } from 'vitest';
import { missingFields } from './IncidentDialog.js';

const draft = {
  problem: 'Klotter på idrottshallen',
  location: '',
  placeId: null,
  occurredAt: '',
  frequency: '',
  severity: null,
  scope: null,
  comment: '',
};

describe('a new incident', () => {
  it('starts with the assessment unanswered, so saving asks for severity and scope', () => {
    expect(missingFields(draft)).toEqual(['severity', 'scope']);
    expect(missingFields({ ...draft, problem: ' ' })).toEqual(['problem', 'severity', 'scope']);
  });

  it('may be saved once the reporter has judged it', () => {
    expect(missingFields({ ...draft, severity: 1, scope: 'A' })).toEqual([]);
  });
});
