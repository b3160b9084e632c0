/** Natural Earth's countries as TopoJSON, imported as data through Vite (typed here, not inferred). */
declare module 'world-atlas/countries-50m.json' {
  const topology: import('../../src/core/charts/map/world.js').WorldTopology;
  export default topology;
}
