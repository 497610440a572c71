import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '@laget/contracts';
import { publicationState } from './publication-state.js';

const at = (position: number, type: string, details: Record<string, unknown> = {}): HistoryEntry => ({
  position,
  at: '2024-12-02T08:00:00Z',
  actorId: 'u',
  organisationId: null,
  type,
  details,
});

describe('what the public has of a week', () => {
  it('has nothing before the first publication is done', () => {
    expect(
      publicationState([at(1, 'LagesbildCompiled'), at(2, 'PublicationRequested', { publicationNumber: 1 })]),
    ).toEqual({ publishedBefore: false, live: null });
  });

  it('has the latest published one live, also while a correction is being prepared', () => {
    expect(
      publicationState([
        at(3, 'LagesbildPublished', { publicationNumber: 1 }),
        at(4, 'SectionEdited', { sectionId: 'conclusions' }),
        at(6, 'LagesbildPublished', { publicationNumber: 2 }),
        at(5, 'PublicationRequested', { publicationNumber: 2 }),
      ]),
    ).toEqual({ publishedBefore: true, live: 2 });
  });

  it('has nothing live after a retraction, but a new publication is still a correction', () => {
    expect(
      publicationState([
        at(3, 'LagesbildPublished', { publicationNumber: 1 }),
        at(4, 'PublicationRetracted', { publicationNumber: 1 }),
        at(5, 'PublicationFailed', { publicationNumber: 2 }),
      ]),
    ).toEqual({ publishedBefore: true, live: null });
  });

  it('takes the whole week down when the latest publication is retracted, as the public site does', () => {
    expect(
      publicationState([
        at(3, 'LagesbildPublished', { publicationNumber: 1 }),
        at(6, 'LagesbildPublished', { publicationNumber: 2 }),
        at(7, 'PublicationRetracted', { publicationNumber: 2 }),
      ]),
    ).toEqual({ publishedBefore: true, live: null });
  });
});
