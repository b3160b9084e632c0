export type { BatchModel, ModelRuns, ScalarModel, SensitivityModel, VectorModel } from './evaluate-model.js';
export { evaluateModel } from './evaluate-model.js';
export type { DistributedFactor, Factor, UniformFactor } from './factor.js';
export { ModelOutputError } from './model-output-error.js';
export type { MorrisFactorEffects, MorrisOptions, MorrisOutputEffects, MorrisResult } from './morris-screening.js';
export { morrisScreening } from './morris-screening.js';
export type { IndexEstimate } from './percentile-interval.js';
export type { SaltelliSample, SaltelliSampleOptions } from './saltelli-sample.js';
export { SALTELLI_MAX_FACTORS, saltelliRows, saltelliSample } from './saltelli-sample.js';
export type { UniformSource } from './seeded-uniform.js';
export type { SobolIndicesOptions } from './sobol-indices.js';
export { sobolIndices } from './sobol-indices.js';
export type {
  SobolBootstrapOptions,
  SobolFactorIndices,
  SobolIndicesResult,
  SobolOutputIndices,
  SobolPairIndex,
} from './sobol-indices-from-runs.js';
export { sobolIndicesFromRuns } from './sobol-indices-from-runs.js';
export type { SobolSequenceOptions } from './sobol-sequence.js';
export { SOBOL_MAX_DIMENSIONS, SOBOL_MAX_POINTS, sobolSequence } from './sobol-sequence.js';
export type { TestFunction } from './test-functions.js';
export { gFunction, ishigami, linearModel } from './test-functions.js';
