/**
 * Comparable pay: annualization and currency conversion with a dated rate table shipped as data.
 * @module
 */
export { annualizeSalary, convertCurrency } from './annualize.js';
export type { FxTable, PayOptions } from './annualize.js';
export { ECB_REFERENCE_RATES } from './fx-rates.js';
