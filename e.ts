import { loadDataset } from './src/core/data/load-dataset.ts';
import { runEnsemble } from './src/core/ensemble/run-ensemble.ts';
import { parseScenario } from './src/core/scenario/parse-scenario.ts';
const d = loadDataset();
const t = performance.now();
const r = runEnsemble(parseScenario('ensemble: { uncertain: { response: { bootstrap: fitted } } }'), d, { runs: 256, seed: 1 });
console.log('ms', performance.now() - t, 'per member', (performance.now()-t)/256);
const s = r.series.find(x=>x.name==='RUS.burden')!; console.log(s.quantiles.map(q=>q.filter((_,k)=>k%5===0).map(v=>(v*100).toFixed(2)).join(' ')));
console.log(r.events);
