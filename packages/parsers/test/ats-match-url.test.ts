import { describe, expect, it } from 'vitest';
import { detectAts } from '../src/index.js';

describe('AtsMatch.url', () => {
  it('is the board link a company page revealed, so host-bound boards (Workday) can be read', () => {
    const html = `<html><body><a href="/about">About</a>
      <a href="https://acme.wd5.myworkdayjobs.com/en-US/External">Open positions</a></body></html>`;
    const match = detectAts({ url: 'https://www.acme.example/careers', html });
    expect(match).toMatchObject({ platform: 'workday', boardToken: 'acme/External' });
    expect(match?.url).toBe('https://acme.wd5.myworkdayjobs.com/en-US/External');
  });

  it('is the page URL for a hosted board page', () => {
    const match = detectAts({ url: 'https://jobs.lever.co/Nimbus' });
    expect(match).toMatchObject({ platform: 'lever', boardToken: 'Nimbus', url: 'https://jobs.lever.co/Nimbus' });
  });
});
