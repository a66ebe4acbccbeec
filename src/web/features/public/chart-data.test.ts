import { describe, expect, it } from 'vitest';
import type { PublicChart } from '../../../shared/public-schemas.js';
import {
  flowsOf,
  itemsOf,
  labelColumns,
  m49Key,
  mapFiguresOf,
  profileItemsOf,
  trendSeriesOf,
} from './chart-data.js';
import { countryShapes } from './map-geometry.js';

const protection: PublicChart['protection'] = {
  policy: 'suppression',
  method: 'threshold 5 v1',
  threshold: 5,
  base: null,
  k: null,
  suppressed: 0,
};

function chart(id: PublicChart['id'], columns: string[], rows: PublicChart['rows']): PublicChart {
  return { id, columns, rows, protection, unavailable: null };
}

const row = (dimensions: Record<string, string>, value: number | null, suppressed = false) => ({
  dimensions,
  value,
  suppressed,
});

// A stand-in translation that marks what it translated.
const labelOf = (_column: string, value: string) => `<${value}>`;

describe('chart data from a chart’s table', () => {
  it('labels rows by names, not codes', () => {
    expect(labelColumns(['country', 'm49', 'countryName'])).toEqual(['countryName']);
    expect(
      labelColumns(['origin', 'originM49', 'originName', 'destination', 'destinationName']),
    ).toEqual(['originName', 'destinationName']);
    const items = itemsOf(
      chart(
        'forms',
        ['form', 'value'],
        [row({ form: 'Forced labour' }, 12), row({ form: 'Sexual exploitation' }, null, true)],
      ),
      labelOf,
    );
    expect(items.map((item) => [item.label, item.value, item.suppressed])).toEqual([
      ['<Forced labour>', 12, false],
      ['<Sexual exploitation>', null, true],
    ]);
  });

  it('orders the profile women, men, girls, boys and names them so', () => {
    const profile = chart(
      'profile',
      ['sex', 'age'],
      [
        row({ sex: 'Male', age: '0 to 17 years' }, 4, true),
        row({ sex: 'Female', age: '0 to 17 years' }, 9),
        row({ sex: 'Unknown', age: 'Unknown' }, 6),
        row({ sex: 'Male', age: '18 years or over' }, 20),
        row({ sex: 'Female', age: '18 years or over' }, 30),
      ],
    );
    expect(profileItemsOf(profile, labelOf).map((item) => item.label)).toEqual([
      '<women>',
      '<men>',
      '<girls>',
      '<boys>',
      '<Unknown> · <Unknown>',
    ]);
  });

  it('reads the profile as the API sends it (GLOTIP word, sex and age)', () => {
    const profile = chart(
      'profile',
      ['profile', 'sex', 'age'],
      [
        row({ profile: 'Boys', sex: 'Male', age: '0 to 17 years' }, null, true),
        row({ profile: 'Women', sex: 'Female', age: '18 years or over' }, 79),
      ],
    );
    expect(profileItemsOf(profile, labelOf).map((item) => [item.label, item.value])).toEqual([
      ['<women>', 79],
      ['<boys>', null],
    ]);
  });

  it('makes one trend line per other dimension, suppressed years without a value', () => {
    const trend = chart(
      'trend',
      ['indicator', 'year'],
      [
        row({ indicator: 'Persons convicted', year: '2021' }, 3, true),
        row({ indicator: 'Detected trafficking victims', year: '2021' }, 50),
        row({ indicator: 'Detected trafficking victims', year: '2020' }, 40),
        row({ indicator: 'Persons convicted', year: 'n/a' }, 1),
      ],
    );
    const series = trendSeriesOf(trend, labelOf);
    expect(series.map((one) => [one.label, one.points.length])).toEqual([
      ['<Persons convicted>', 1],
      ['<Detected trafficking victims>', 2],
    ]);
    expect(series[0]?.points[0]).toEqual({ year: 2021, value: null, suppressed: true });
  });

  it('keys map figures by zero-padded M49 codes, as world-atlas does', () => {
    expect(m49Key('4')).toBe('004');
    expect(m49Key('400')).toBe('400');
    expect(m49Key('4000')).toBeNull();
    expect(m49Key(undefined)).toBeNull();
    const figures = mapFiguresOf(
      chart(
        'map',
        ['country', 'm49', 'countryName'],
        [
          row({ country: 'JOR', m49: '400', countryName: 'Jordan' }, 120),
          row({ country: 'AFG', m49: '4', countryName: 'Afghanistan' }, 2, true),
          row({ country: 'XKX', countryName: 'Kosovo' }, 7),
        ],
      ),
    );
    expect([...figures.keys()]).toEqual(['400', '004']);
    expect(figures.get('004')).toMatchObject({
      value: null,
      suppressed: true,
      name: 'Afghanistan',
    });
    // Every code the map can colour exists in the atlas.
    const atlasIds = new Set(countryShapes().map((shape) => shape.m49));
    for (const code of figures.keys()) expect(atlasIds.has(code)).toBe(true);
  });

  it('draws flows between two different countries, largest first', () => {
    const flows = flowsOf(
      chart(
        'flows',
        ['origin', 'originM49', 'destination', 'destinationM49'],
        [
          row({ origin: 'SYR', originM49: '760', destination: 'JOR', destinationM49: '400' }, 10),
          row({ origin: 'JOR', originM49: '400', destination: 'JOR', destinationM49: '400' }, 99),
          row({ origin: 'AFG', originM49: '4', destination: 'IRN', destinationM49: '364' }, 40),
          row(
            { origin: 'SDN', originM49: '729', destination: 'LBY', destinationM49: '434' },
            null,
            true,
          ),
        ],
      ),
    );
    expect(flows.map((flow) => flow.key)).toEqual(['004>364', '760>400', '729>434']);
    expect(flows[2]).toMatchObject({ value: null, suppressed: true, originName: 'SDN' });
  });
});

describe('the offline world map', () => {
  it('projects every atlas country into the drawing with a centroid inside it', () => {
    const shapes = countryShapes();
    expect(shapes.length).toBeGreaterThan(170);
    for (const shape of shapes) {
      expect(shape.m49).toMatch(/^\d{3}$/);
      expect(shape.d.startsWith('M')).toBe(true);
      const [x, y] = shape.centroid;
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(960);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(470);
    }
  });
});
