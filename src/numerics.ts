/**
 * The numerical building blocks of armsrace (`import … from 'armsrace/numerics'`): portable
 * elementary functions and random streams, ODE solvers (RK4, Dormand–Prince), dense linear algebra
 * and eigenvalues, the estimators (OLS, panels, VAR, Levenberg–Marquardt, distributions), global
 * sensitivity (Sobol', Morris), and the compiled demand model with its Jacobian.
 *
 * @example import { integrateRk4, eigenvalues } from 'armsrace/numerics';
 */
export * from './core/estimate/index.js';
export { buildDemandModel, type DemandModel, prepareDemandModel } from './core/model/demand/index.js';
export { classifyMode, demandJacobian, demandJacobians, leadingMode, stabilityMargin } from './core/model/stability.js';
export * from './core/sensitivity/index.js';
export { runDemand } from './core/simulate.js';
export * from './core/solve/index.js';
