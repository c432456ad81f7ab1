import { describe, expect, it } from 'vitest';
import { runDemo } from './main.js';

describe('parse demo', () => {
  it('extracts a job from every job page and none from the listing', async () => {
    const rows = await runDemo();
    const byPage = Object.fromEntries(rows.map((r) => [r.page, r]));
    expect(byPage['acme-greenhouse.html']).toMatchObject({ title: 'Senior Backend Engineer', company: 'Acme Robotics', ats: 'greenhouse:acmerobotics', source: 'json-ld' });
    expect(byPage['nimbus-lever.html']).toMatchObject({ title: 'Staff Data Engineer', workplace: 'remote', ats: 'lever:nimbusdata' });
    expect(byPage['kraftwerk-microdata.html']).toMatchObject({ company: 'Kraftwerk Energie GmbH', source: 'microdata', salary: 'EUR 17.5/hour' });
    expect(byPage['lumiere-paris.html']).toMatchObject({ workplace: 'hybrid', salary: 'EUR 55k–65k/year' });
    expect(byPage['sol-madrid.html']).toMatchObject({ title: 'Analista de Datos', salary: 'EUR 32k–38k/year' });
    expect(byPage['orbit-careers-listing.html']?.quality).toBe('');
    for (const r of rows.filter((r) => r.page !== 'orbit-careers-listing.html')) {
      expect(Number(r.quality), r.page).toBeGreaterThan(40);
    }
  });
});
