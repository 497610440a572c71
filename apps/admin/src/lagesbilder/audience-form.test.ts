import { describe, expect, it } from 'vitest';
import { audienceNameFrom, audienceProblems, toggled } from './audience-form.js';
import type { Audience } from '@laget/contracts';

const school: Audience = {
  name: 'skolan',
  title: 'Skolan',
  organisationIds: ['o-school'],
  roles: [],
  sectionIds: ['incidents'],
  incidentIds: null,
};

describe('the name of a target-group version', () => {
  it('is made from the title in the letters the API accepts', () => {
    expect(audienceNameFrom('Skolan & fritid')).toBe('skolan-fritid');
    expect(audienceNameFrom('Räddningstjänsten Södra Dalarna')).toBe('raddningstjansten-sodra-dalarna');
    expect(audienceNameFrom('  — Café Åsen! ')).toBe('cafe-asen');
    expect(audienceNameFrom('x'.repeat(60))).toHaveLength(40);
    expect(audienceNameFrom(`${'a'.repeat(39)} b`)).toBe('a'.repeat(39));
  });
});

describe('what the API would refuse in a target-group version', () => {
  it('accepts a complete one', () => {
    expect(audienceProblems(school, { creating: true })).toEqual([]);
  });

  it('names each missing part', () => {
    expect(
      audienceProblems(
        { ...school, title: ' ', name: 'Skolan!', organisationIds: [], sectionIds: [] },
        { creating: true },
      ),
    ).toEqual(['title', 'name', 'members', 'sections']);
  });

  it('refuses a new name that is taken, but not the name of the one being edited', () => {
    expect(audienceProblems(school, { creating: true, existingNames: ['skolan'] })).toEqual(['name_taken']);
    expect(audienceProblems(school, { creating: false, existingNames: ['skolan'] })).toEqual([]);
  });

  it('wants at least one incident when only chosen incidents are shown', () => {
    expect(audienceProblems({ ...school, incidentIds: [] }, { creating: true })).toEqual(['incidents']);
    expect(audienceProblems({ ...school, incidentIds: ['i1'] }, { creating: true })).toEqual([]);
  });

  it('accepts roles instead of organisations', () => {
    expect(
      audienceProblems({ ...school, organisationIds: [], roles: ['est_member'] }, { creating: true }),
    ).toEqual([]);
  });
});

describe('choosing ids', () => {
  it('adds once and removes', () => {
    expect(toggled(['a', 'b'], 'b', true)).toEqual(['a', 'b']);
    expect(toggled(['a', 'b'], 'c', true)).toEqual(['a', 'b', 'c']);
    expect(toggled(['a', 'b'], 'a', false)).toEqual(['b']);
  });
});
