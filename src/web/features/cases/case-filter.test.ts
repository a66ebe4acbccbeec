import { describe, expect, it } from 'vitest';
import {
  deleteView,
  filterOfSearch,
  listStateOfSearch,
  loadViews,
  pageOfSearch,
  saveView,
  searchOfFilter,
  searchOfListState,
  viewFilterOf,
  type ViewStorage,
} from './case-filter.js';

function memoryStorage(initial: Record<string, string> = {}): ViewStorage & {
  data: Map<string, string>;
} {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
  };
}

const crisisId = '0b6f7a5e-2f4c-4f5a-9d2e-3c1b2a4d5e6f';

describe('case list filters in the address', () => {
  it('round-trips filters and the page through the query string', () => {
    const filter = {
      caseNumber: '2024-ABC',
      status: 'Active' as const,
      exploitationType: 'vigil:ForcedCriminality' as const,
      registrationYear: 2023,
      crisisId,
    };
    const params = searchOfFilter(filter, 2, 50);
    expect(filterOfSearch(params)).toEqual(filter);
    expect(pageOfSearch(params)).toEqual({ page: 2, size: 50 });
  });

  it('round-trips the whole list state, and reads a bad page as the first', () => {
    const state = {
      filter: { status: 'Closed' as const, registrationYear: 2021 },
      page: 3,
      size: 50,
    };
    expect(listStateOfSearch(searchOfListState(state))).toEqual(state);
    expect(listStateOfSearch(new URLSearchParams('page=x&status=Active'))).toEqual({
      filter: { status: 'Active' },
      page: 0,
      size: 25,
    });
  });

  it.each([
    ['status=Bogus', {}],
    ['registrationYear=1800', {}],
    ['registrationYear=2020.5', {}],
    ['crisisId=not-a-uuid', {}],
    ['conflictRelated=Yes&extra=1', { conflictRelated: 'Yes' }],
  ])('drops what is not a valid filter: %s', (query, expected) => {
    expect(filterOfSearch(new URLSearchParams(query))).toEqual(expected);
  });

  it('falls back to the first page and the default size on nonsense', () => {
    expect(pageOfSearch(new URLSearchParams('page=-3&size=7'))).toEqual({ page: 0, size: 25 });
  });
});

describe('saved views', () => {
  const user = 'user-1';

  it('never stores a case number', () => {
    const storage = memoryStorage();
    saveView(storage, user, 'Open conflict cases', {
      caseNumber: '2024-SECRET',
      status: 'Active',
      conflictRelated: 'Yes',
    });
    const stored = storage.data.get(`vigil.caseViews.${user}`) ?? '';
    expect(stored).not.toContain('2024-SECRET');
    expect(loadViews(storage, user)).toEqual([
      { name: 'Open conflict cases', filter: { status: 'Active', conflictRelated: 'Yes' } },
    ]);
  });

  it('replaces a view of the same name and deletes by name', () => {
    const storage = memoryStorage();
    saveView(storage, user, 'Mine', { status: 'Active' });
    saveView(storage, user, 'Mine', { status: 'Closed' });
    saveView(storage, user, 'Another', {});
    expect(loadViews(storage, user).map((view) => [view.name, view.filter])).toEqual([
      ['Another', {}],
      ['Mine', { status: 'Closed' }],
    ]);
    expect(deleteView(storage, user, 'Mine').map((view) => view.name)).toEqual(['Another']);
  });

  it('keeps each user’s views apart', () => {
    const storage = memoryStorage();
    saveView(storage, 'a', 'A view', { status: 'Active' });
    expect(loadViews(storage, 'b')).toEqual([]);
  });

  it.each([
    ['not JSON', '{'],
    ['not a list', '{"name":"x"}'],
    ['items without a name', '[{"filter":{}}]'],
  ])('ignores unreadable storage: %s', (_label, raw) => {
    const storage = memoryStorage({ [`vigil.caseViews.${user}`]: raw });
    expect(loadViews(storage, user)).toEqual([]);
  });

  it('does not trust stored filter values', () => {
    expect(viewFilterOf({ status: 'Active', caseNumber: 'X', registrationYear: 'abc' })).toEqual({
      status: 'Active',
    });
  });
});
