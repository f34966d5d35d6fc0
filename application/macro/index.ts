export { macroSeriesAsOf, type MacroSeriesAsOf } from './macro-as-of';
