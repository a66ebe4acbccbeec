// Population files (country, year, population[, source]) checked row by row; no I/O here.
export {
  maxPopulation,
  maxSourceLength,
  readPopulationRows,
  resolvePopulationCountry,
  type PopulationFigureRow,
  type PopulationHeaderProblem,
  type PopulationReadResult,
  type PopulationRejection,
  type PopulationTextRow,
} from './population-rows.js';
