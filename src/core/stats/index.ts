export {
  ageCode,
  cardinalityGuess,
  cubeCodesOf,
  cubeDimensions,
  dimensionReadings,
  exploitationCrosswalk,
  exploitationGroupOf,
  exploitationGroupsCode,
  notRecorded,
  type CaseCubeFacts,
  type CubeDimension,
  type DimensionReading,
} from './cube-dimensions.js';
export { chooseCuboid, cuboidById, cuboids, type Cuboid } from './cuboids.js';
export {
  aggregateCuboid,
  createFactsEncoder,
  type EncodedFacts,
  type PackedCuboid,
} from './cube-cells.js';
export {
  crosstab,
  neededDimensions,
  type CrosstabCell,
  type CrosstabRequest,
  type CrosstabResult,
} from './crosstab.js';
