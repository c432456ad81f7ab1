/**
 * Comparable pay: annualization and currency conversion with a dated rate table shipped as data.
 * @module
 */

export type { AnnualizeResult, FxTable, PayGap, PayOptions } from './annualize.js';
export { annualizeSalary, annualizeSalaryDetailed, convertCurrency } from './annualize.js';
export type { CurrencyPeg } from './fx-rates.js';
export { CURRENCY_PEGS, DEFAULT_FX_RATES, ECB_REFERENCE_RATES, withPegs } from './fx-rates.js';
