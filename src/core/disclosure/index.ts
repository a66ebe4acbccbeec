// Public surface of disclosure control: the only code that decides what may leave a closed team.
export {
  cellIndex,
  count,
  countOf,
  tableFromRelations,
  type CellValue,
  type CrossTabShape,
  type Dimension,
  type DimensionNode,
  type DimensionShape,
  type KeyedRelation,
  type Relation,
  type StatTable,
  type TableCell,
} from './table-model.js';
export {
  crossTab,
  crossTabFromLeaves,
  flatDimension,
  keySeparator,
  shapeOf,
  tableFromGrid,
  type GridLabels,
} from './cross-tab.js';
export { exposedIndices, exposedSuppressedCells } from './exact-audit.js';
export {
  addComplementarySuppressions,
  defaultSuppressionThreshold,
  primarySuppressions,
  protectAsPublished,
  suppressTable,
  type SuppressionOptions,
  type SuppressionResult,
} from './cell-suppression.js';
export { defaultRoundingBase, roundTable, roundToBase, type RoundingResult } from './rounding.js';
export {
  ageHierarchy,
  anyValue,
  countryHierarchy,
  hierarchyOf,
  mappedHierarchy,
  unknownValue,
  yearHierarchy,
  type CountryRegions,
  type GeneralisationHierarchy,
} from './generalisation-hierarchies.js';
export {
  defaultK,
  defaultMaxSuppressedShare,
  kAnonymise,
  type KAnonymityOptions,
  type KAnonymityResult,
  type ReleaseRecord,
} from './k-anonymity.js';
export {
  protectionMethods,
  publicProtection,
  type ProtectionPolicy,
  type ProtectionRecord,
  type PublishedCell,
  type PublishedValue,
} from './protection.js';
