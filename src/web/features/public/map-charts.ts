// The map drawings, one lazy chunk with d3-geo and the world atlas (the heaviest part of the
// public area, fetched only once the page and its figures are on screen).
export { FlowsMap } from './flows-map.js';
export { WorldMap } from './world-map.js';
