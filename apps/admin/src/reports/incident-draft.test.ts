import { describe, expect, it } from 'vitest';
import { emptyIncident, missingFields } from './IncidentDialog.js';

const draft = { ...emptyIncident, problem: 'Klotter på idrottshallen', category: 'klotter' };

describe('a new incident', () => {
  it('starts with the assessment unanswered, so saving asks for severity and scope', () => {
    expect(missingFields(draft)).toEqual(['severity', 'scope']);
    expect(missingFields({ ...draft, problem: ' ' })).toEqual(['problem', 'severity', 'scope']);
  });

  it('starts with no category chosen, so saving asks for one', () => {
    expect(missingFields({ ...emptyIncident, problem: 'Klotter', severity: 1, scope: 'A' })).toEqual([
      'category',
    ]);
  });

  it('may be saved once the reporter has judged it', () => {
    expect(missingFields({ ...draft, severity: 1, scope: 'A' })).toEqual([]);
  });
});
