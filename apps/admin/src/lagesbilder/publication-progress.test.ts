import { describe, expect, it } from 'vitest';
import { isFourEyesRefusal, publicationProgress } from './publication-progress.js';

describe('publicationProgress', () => {
  it('reads a job not yet seen as waiting, not as done', () => {
    expect(publicationProgress(undefined)).toEqual({
      key: 'laget.lagesbild.publication_progress.queued',
      attempt: 1,
      running: true,
    });
  });

  it('says which attempt a retried job is on, and stops at completed or failed', () => {
    expect(publicationProgress({ state: 'running', attempts: 3 })).toMatchObject({
      attempt: 3,
      running: true,
    });
    expect(publicationProgress({ state: 'completed', attempts: 1 })).toMatchObject({
      key: 'laget.lagesbild.publication_progress.completed',
      running: false,
    });
    expect(publicationProgress({ state: 'failed', attempts: 5 }).running).toBe(false);
  });
});

describe('isFourEyesRefusal', () => {
  it('knows the four-eyes refusal by the editor and redactor it names', () => {
    expect(
      isFourEyesRefusal({ status: 422, body: { details: { lastEditorId: 'u1', lastRedactorId: 'u1' } } }),
    ).toBe(true);
    expect(isFourEyesRefusal({ status: 422, body: { details: { staleRedactionIds: ['r1'] } } })).toBe(false);
    expect(isFourEyesRefusal({ status: 409 })).toBe(false);
    expect(isFourEyesRefusal(undefined)).toBe(false);
  });
});
