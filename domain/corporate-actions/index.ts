export {
  detectSuspicions,
  CORPORATE_ACTION_MOVE,
  BAD_BAR_SPIKE,
  BAD_BAR_REVERT_TOLERANCE,
  type CloseBar,
  type RecordedAction,
  type Suspicion,
} from './rules';
export { detectScreenedSuspicions, screenBars, SCREEN_MOVE, SCREEN_NEIGHBOURS, type NumberedCloseBar } from './screen';
export { adjustBars, type AdjustableBar, type AdjustedSeries } from './adjust';
