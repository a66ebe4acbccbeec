import { describe, expect, it } from 'vitest';
import {
  crosstabQueryOf,
  defaultView,
  isAnswerable,
  normaliseView,
  searchOfView,
  storedDimensionCount,
  viewOfSearch,
  withAxis,
  withFilters,
  type StatsView,
} from './stats-view.js';

const orgId = '0b6f7a5e-2f4c-4f5a-9d2e-3c1b2a4d5e6f';

const view = (overrides: Partial<StatsView>): StatsView => ({ ...defaultView, ...overrides });

describe('statistics view in the address', () => {
  it('round-trips a full view through the query string', () => {
    const full = view({
      row: 'citizenship',
      column: 'country',
      layer: 'year',
      slice: { key: null },
      filters: [{ dimension: 'year', value: '2024' }],
      organisationId: orgId,
      grouping: 'region',
    });
    const search = searchOfView(full);
    expect(search.toString()).toBe(
      `row=citizenship&col=country&layer=year&slice=%7E&where=year%3A2024&org=${orgId}&group=region`,
    );
    expect(viewOfSearch(search)).toEqual(full);
  });

  it('starts from the default view and drops what is not valid', () => {
    expect(viewOfSearch(new URLSearchParams())).toEqual(defaultView);
    const parsed = viewOfSearch(
      new URLSearchParams('row=shoe&org=not-an-id&group=planet&where=colour:red,sex:a:b'),
    );
    expect(parsed).toEqual(defaultView);
    // A row alone means no columns; a third dimension needs columns.
    expect(viewOfSearch(new URLSearchParams('row=sex&layer=year'))).toEqual(
      view({ row: 'sex', column: null }),
    );
  });

  it('keeps dimensions distinct and the cube within three stored dimensions', () => {
    expect(normaliseView(view({ row: 'sex', column: 'sex' })).column).toBeNull();
    // majority and ageBand read one stored dimension (age); organisation is free.
    const ages = view({
      row: 'majority',
      column: 'ageBand',
      layer: 'organisation',
      filters: [
        { dimension: 'year', value: '2024' },
        { dimension: 'sex', value: 'Feminine' },
      ],
    });
    expect(storedDimensionCount(ages)).toBe(3);
    expect(isAnswerable(ages)).toBe(true);
    const tooMany = {
      ...ages,
      filters: [...ages.filters, { dimension: 'crisis' as const, value: 'x' }],
    };
    expect(isAnswerable(tooMany)).toBe(false);
    expect(normaliseView(tooMany).filters).toEqual(ages.filters);
  });

  it('swaps axes when a dimension moves, and refuses what the cube cannot answer', () => {
    const start = view({ row: 'sex', column: 'ageBand', layer: 'year', slice: { key: '2024' } });
    expect(withAxis(start, 'row', 'ageBand')).toEqual({
      ...start,
      row: 'ageBand',
      column: 'sex',
    });
    // A new third dimension forgets the value shown of the old one.
    expect(withAxis(start, 'layer', 'country')).toEqual({
      ...start,
      layer: 'country',
      slice: null,
    });
    // No columns, no third dimension.
    expect(withAxis(start, 'column', null)).toEqual({
      ...start,
      column: null,
      layer: null,
      slice: null,
    });
    expect(withAxis(view({ row: 'sex', column: null }), 'column', 'sex')).toBeNull();
    const full = view({
      row: 'sex',
      column: 'year',
      filters: [{ dimension: 'crisis', value: 'x' }],
    });
    expect(withAxis(full, 'layer', 'country')).toBeNull();
    expect(withAxis(full, 'layer', 'organisation')).not.toBeNull();
    expect(withFilters(full, [...full.filters, { dimension: 'status', value: 'y' }])).toBeNull();
    expect(withFilters(full, [{ dimension: 'year', value: '2024' }])).not.toBeNull();
  });

  it('asks the API for the dimensions in order, the filters and the scope', () => {
    expect(crosstabQueryOf(view({ row: 'sex', column: 'ageBand' }))).toEqual({
      dims: 'sex,ageBand',
    });
    expect(
      crosstabQueryOf(
        view({
          row: 'sex',
          column: 'ageBand',
          layer: 'year',
          slice: { key: '2024' },
          filters: [{ dimension: 'conflict', value: 'Yes' }],
          organisationId: orgId,
        }),
      ),
    ).toEqual({ dims: 'sex,ageBand,year', where: 'conflict:Yes', organisationId: orgId });
  });
});
