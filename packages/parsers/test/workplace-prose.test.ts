import { describe, expect, it } from 'vitest';
import { workplaceInProse } from '../src/heuristics/vocabulary.js';

describe('workplace stated in running text', () => {
  it.each([
    ['The position will be hybrid, with Tuesdays and Thursdays together.', 'hybrid'],
    ['This role is hybrid: two days a week at our Leeds office.', 'hybrid'],
    ['Expect three days per week in our Zurich hub and the rest from home.', 'hybrid'],
    ['The job is fully remote within the EU.', 'remote'],
  ] as const)('%s → %s', (text, want) => {
    expect(workplaceInProse(text)).toBe(want);
  });

  it('does not read an office address or a remote-sounding benefit as a workplace', () => {
    expect(workplaceInProse('Our office is in central Leeds, two minutes from the station.')).toBeUndefined();
    expect(workplaceInProse('We offer a remote-working allowance for occasional travel days.')).toBeUndefined();
  });
});
