// The case cube and the populations rates are computed with. Conventions: ../schema.ts.

/** One cuboid of the case cube: its cells packed into one text value (modules/stats). */
export interface CaseCubeCuboidsTable {
  cuboid: string;
  cells: string;
  cell_count: number;
  updated_at: string;
}

/** A signed change to the case cube, appended by a case write; folded in, then deleted. */
export interface CaseCubeChangesTable {
  id: string;
  organisation_id: string;
  weight: number;
  year: string;
  country: string;
  citizenship: string;
  sex: string;
  age: string;
  exploitation: string;
  conflict: string;
  crisis: string;
  displacement: string;
  status: string;
}

/** A write counter per organisation ('*' for rebuilds): the cube's freshness stamp. */
export interface CaseCubeVersionsTable {
  scope: string;
  version: number;
}

/** Population of a country in a year (public data, imported from CSV) for rates per 100,000. */
export interface PopulationsTable {
  country: string;
  year: number;
  population: number;
  source: string | null;
  updated_at: string;
}
