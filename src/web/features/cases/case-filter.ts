import {
  caseStatuses,
  conflictRelations,
  exploitationTypes,
  traffickingStatuses,
  type CaseStatus,
  type ConflictRelation,
  type ExploitationType,
  type TraffickingStatus,
} from '../../../shared/case-vocabulary.js';

/** The filters of the case list (what `GET /api/cases` can filter on). */
export interface CaseFilter {
  caseNumber?: string;
  status?: CaseStatus;
  conflictRelated?: ConflictRelation;
  exploitationType?: ExploitationType;
  traffickingStatus?: TraffickingStatus;
  registrationYear?: number;
  crisisId?: string;
  organisationId?: string;
}

/** The filters a saved view may keep: never a case number (views hold no data about anyone). */
export type ViewFilter = Omit<CaseFilter, 'caseNumber'>;

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function oneOf<T extends string>(list: readonly T[], value: unknown): T | undefined {
  return typeof value === 'string' ? list.find((item) => item === value) : undefined;
}

function yearOf(value: unknown): number | undefined {
  const year = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isInteger(year) && year >= 1950 && year <= 2100 ? year : undefined;
}

function idOf(value: unknown): string | undefined {
  return typeof value === 'string' && uuid.test(value) ? value : undefined;
}

/**
 * The view filters found in untrusted input (a URL, or what localStorage holds): known keys with
 * valid values only, anything else dropped.
 */
export function viewFilterOf(source: Record<string, unknown>): ViewFilter {
  const filter: ViewFilter = {};
  const status = oneOf(caseStatuses, source.status);
  if (status !== undefined) filter.status = status;
  const conflictRelated = oneOf(conflictRelations, source.conflictRelated);
  if (conflictRelated !== undefined) filter.conflictRelated = conflictRelated;
  const exploitationType = oneOf(exploitationTypes, source.exploitationType);
  if (exploitationType !== undefined) filter.exploitationType = exploitationType;
  const traffickingStatus = oneOf(traffickingStatuses, source.traffickingStatus);
  if (traffickingStatus !== undefined) filter.traffickingStatus = traffickingStatus;
  const registrationYear = yearOf(source.registrationYear);
  if (registrationYear !== undefined) filter.registrationYear = registrationYear;
  const crisisId = idOf(source.crisisId);
  if (crisisId !== undefined) filter.crisisId = crisisId;
  const organisationId = idOf(source.organisationId);
  if (organisationId !== undefined) filter.organisationId = organisationId;
  return filter;
}

/** The list's filters from the address bar's query. */
export function filterOfSearch(params: URLSearchParams): CaseFilter {
  const filter: CaseFilter = viewFilterOf(Object.fromEntries(params));
  const caseNumber = params.get('caseNumber')?.trim();
  if (caseNumber !== undefined && caseNumber !== '') filter.caseNumber = caseNumber.slice(0, 64);
  return filter;
}

/** The address bar's query for filters and a page. */
export function searchOfFilter(filter: CaseFilter, page: number, size: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filter)) {
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  if (page > 0) params.set('page', String(page));
  if (size !== defaultPageSize) params.set('size', String(size));
  return params;
}

/** Rows per page the list offers; the first is the default. */
export const pageSizes = [25, 50, 100] as const;
export const defaultPageSize = pageSizes[0];

/** The page (0-based) and page size from the query, within bounds. */
export function pageOfSearch(params: URLSearchParams): { page: number; size: number } {
  const page = Number(params.get('page') ?? '0');
  const size = Number(params.get('size') ?? String(defaultPageSize));
  return {
    page: Number.isInteger(page) && page >= 0 && page < 100_000 ? page : 0,
    size: (pageSizes as readonly number[]).includes(size) ? size : defaultPageSize,
  };
}

/** The case list's state in the address: its filter and the page shown. */
export interface CaseListState {
  filter: CaseFilter;
  page: number;
  size: number;
}

/** The case list's state from the query. */
export function listStateOfSearch(params: URLSearchParams): CaseListState {
  return { filter: filterOfSearch(params), ...pageOfSearch(params) };
}

/** The query of a case list state (round-trips through {@link listStateOfSearch}). */
export function searchOfListState(state: CaseListState): URLSearchParams {
  return searchOfFilter(state.filter, state.page, state.size);
}

/** The filter without the case number (what a view may store). */
export function viewPart(filter: CaseFilter): ViewFilter {
  const view: CaseFilter = { ...filter };
  delete view.caseNumber;
  return view;
}

/** True when two filters select the same cases. */
export function sameFilter(a: CaseFilter, b: CaseFilter): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof CaseFilter>;
  return [...keys].every((key) => a[key] === b[key]);
}

/** A named set of filters kept on this device. */
export interface SavedView {
  name: string;
  filter: ViewFilter;
}

/** The part of `Storage` the views use (a fake in tests). */
export type ViewStorage = Pick<Storage, 'getItem' | 'setItem'>;

const maxViews = 30;

function storageKey(userId: string): string {
  return `vigil.caseViews.${userId}`;
}

/** The views the user saved on this device; whatever is unreadable is dropped, not trusted. */
export function loadViews(storage: ViewStorage, userId: string): SavedView[] {
  let raw: unknown;
  try {
    raw = JSON.parse(storage.getItem(storageKey(userId)) ?? '[]');
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((item: unknown): SavedView[] => {
    if (typeof item !== 'object' || item === null) return [];
    const { name, filter } = item as { name?: unknown; filter?: unknown };
    if (typeof name !== 'string' || name.trim() === '') return [];
    if (typeof filter !== 'object' || filter === null) return [];
    return [
      { name: name.trim().slice(0, 80), filter: viewFilterOf(filter as Record<string, unknown>) },
    ];
  });
}

function store(storage: ViewStorage, userId: string, views: readonly SavedView[]): boolean {
  try {
    storage.setItem(storageKey(userId), JSON.stringify(views.slice(0, maxViews)));
    return true;
  } catch {
    // Private browsing or a full quota: the view lasts for this page only.
    return false;
  }
}

/** Saves (or replaces, by name) a view; returns the new list. Case numbers are never kept. */
export function saveView(
  storage: ViewStorage,
  userId: string,
  name: string,
  filter: CaseFilter,
): SavedView[] {
  const trimmed = name.trim().slice(0, 80);
  const views = loadViews(storage, userId).filter((view) => view.name !== trimmed);
  const next = [...views, { name: trimmed, filter: viewPart(filter) }].sort((a, b) =>
    a.name.localeCompare(b.name),
  );
  store(storage, userId, next);
  return next;
}

/** Deletes a view by name; returns the new list. */
export function deleteView(storage: ViewStorage, userId: string, name: string): SavedView[] {
  const next = loadViews(storage, userId).filter((view) => view.name !== name);
  store(storage, userId, next);
  return next;
}
