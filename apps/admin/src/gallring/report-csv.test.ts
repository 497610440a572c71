import { describe, expect, it } from 'vitest';
import { reportFileName } from './report-csv.js';

describe('the report file', () => {
  it('is named after the day it was taken out', () => {
    expect(reportFileName(new Date('2026-12-03T16:00:00Z'))).toBe('gallring-2026-12-03.csv');
  });
});
