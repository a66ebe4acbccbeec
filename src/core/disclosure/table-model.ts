import type { GlotipCellValue } from '../../shared/glotip-vocabulary.js';

/**
 * A cell's value as disclosure control reads it: the same four kinds as a GLOTIP cell, so an
 * imported `<5` (a censored interval) arrives as what it is and is treated as already suppressed.
 */
export type CellValue = GlotipCellValue;

/** One cell of a statistical table: a stable key (unique within the table) and its value. */
export interface TableCell {
  readonly key: string;
  readonly value: CellValue;
}

/** An additive relation between cells given by index: `cells[total] = Σ cells[parts]`. */
export interface Relation {
  readonly total: number;
  readonly parts: readonly number[];
}

/**
 * One node of a dimension's classification. A node with children is a subtotal (or the total,
 * at the root) and equals the sum of its children; a node without children is a category.
 */
export interface DimensionNode {
  readonly code: string;
  readonly children?: readonly DimensionNode[];
}

/** A classification variable of a cross-tab; `root` is its overall total. */
export interface Dimension {
  readonly name: string;
  readonly root: DimensionNode;
}

/**
 * A dimension flattened for arithmetic: levels in depth-first order (root first), each with its
 * parent's index (-1 for the root) and its children's indices.
 */
export interface DimensionShape {
  readonly name: string;
  readonly codes: readonly string[];
  readonly parent: readonly number[];
  readonly children: readonly (readonly number[])[];
}

/**
 * The shape of a full cross-tab (every combination of levels is a cell, in row-major order over
 * the dimensions). Secondary suppression uses it to enumerate hypercubes; general tables leave
 * it out and fall back to the null space of their relations.
 */
export interface CrossTabShape {
  readonly dimensions: readonly DimensionShape[];
}

/**
 * A statistical table: cells plus the linear relations a reader knows hold between them. The
 * relations are all disclosure control needs to know about the table's layout.
 */
export interface StatTable {
  readonly cells: readonly TableCell[];
  readonly relations: readonly Relation[];
  readonly shape: CrossTabShape | null;
}

/** A relation between cells given by key, as callers describe it. */
export interface KeyedRelation {
  readonly total: string;
  readonly parts: readonly string[];
}

/**
 * A table from cells and relations by key (hierarchies, linked breakdowns, anything additive).
 * Throws a RangeError on a duplicate key, an unknown key, an empty relation or a cell that is a
 * part of its own relation twice: those are programming errors, not data problems.
 */
export function tableFromRelations(
  cells: readonly TableCell[],
  relations: readonly KeyedRelation[],
): StatTable {
  const index = cellIndex(cells);
  const at = (key: string): number => {
    const found = index.get(key);
    if (found === undefined) throw new RangeError(`Unknown cell key in a relation: ${key}`);
    return found;
  };
  const indexed = relations.map((relation) => {
    const total = at(relation.total);
    const parts = relation.parts.map(at);
    if (parts.length === 0) throw new RangeError(`Relation of ${relation.total} has no parts`);
    if (new Set([total, ...parts]).size !== parts.length + 1) {
      throw new RangeError(`Relation of ${relation.total} names a cell twice`);
    }
    return { total, parts };
  });
  return { cells, relations: indexed, shape: null };
}

/** Map from cell key to index; throws a RangeError on a duplicate key. */
export function cellIndex(cells: readonly TableCell[]): Map<string, number> {
  const index = new Map<string, number>();
  cells.forEach((cell, i) => {
    if (index.has(cell.key)) throw new RangeError(`Duplicate cell key: ${cell.key}`);
    index.set(cell.key, i);
  });
  return index;
}

/** Shorthand for a count cell value. */
export function count(value: number): CellValue {
  return { kind: 'count', value };
}

/** The count of a cell, or null when it holds no point value (censored or empty). */
export function countOf(value: CellValue): number | null {
  return value.kind === 'count' ? value.value : null;
}
