/**
 * The right-hand side of `dy/dt = f(t, y)`: read the state `y` at time `t` (years) and write
 * `dy/dt` into `out` (units of `y` per year). It must not keep references to `y` or `out`, which
 * the solvers reuse, and must write every entry of `out`.
 */
export type Derivative = (t: number, y: Float64Array, out: Float64Array) => void;

/**
 * Called after each accepted step with the time reached (years) and the state there. The array is
 * the solver's working buffer: copy it (`y.slice()`) to keep it.
 */
export type StepObserver = (t: number, y: Float64Array) => void;
