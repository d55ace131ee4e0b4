import { TREND_WEEKS } from './periods';
import { DEFAULT_SHORT_GROUP_THRESHOLD, MOVING_RANGE_SCREEN_FACTOR, XMR_LIMIT_FACTOR } from './stats/spc';

/**
 * How Fulfil's SPC charts and funnel plots are drawn and read (NHS England "Making Data Count"; Spiegelhalter's
 * funnel plots), published on the definitions page beside the metrics, so that a signal means the same to everyone.
 */
export const CHART_RULES: readonly { title: string; rule: string }[] = [
  {
    title: 'SPC charts: mean and process limits',
    rule: `Each point is one whole week (Monday to Sunday). A chart covers the ${TREND_WEEKS} whole weeks up to the end of the period chosen, whatever its length, so that a short period still has enough weeks for the limits; a week the extracts cover only in part is left out, as it would look like a fall or a rise that did not happen. The process limits are the mean ± ${XMR_LIMIT_FACTOR} × the mean moving range (the average week-to-week change), three standard deviations: nearly every week of a stable process falls inside them. A week-to-week change of ${MOVING_RANGE_SCREEN_FACTOR} × the mean moving range or more is left out of that mean first, so that one extraordinary week does not widen the limits for all the others.`,
  },
  {
    title: 'SPC charts: special causes',
    rule: 'A week is a special cause when it lies outside the limits; when it is one of 7 or more weeks in a row on one side of the mean, or of 7 or more rising or falling; or when it is one of 2 out of 3 consecutive weeks close to a limit (beyond two thirds of the way from the mean) on the same side. Everything else is common-cause variation: the noise of a stable process, not worth explaining week by week.',
  },
  {
    title: 'SPC charts: variation and assurance icons',
    rule: 'The variation icon reads the latest week: common cause (grey), special-cause improvement (blue), concern (orange), or neither (purple, for a figure with no better direction). The assurance icon compares the target with the latest limits: both limits on the right side of the target means it will consistently be met (or failed, when both are on the wrong side); a target between the limits will be hit and missed at random until the process changes.',
  },
  {
    title: 'SPC charts: recalculating the limits after a change',
    rule: `When the process changed on a known date (a new clinic template, a new way of working), the specialty and consultant pages can recalculate the limits from that week (the week of a new job plan is marked): the weeks since it get their own mean and limits, so that they are judged against the new process. Limits from fewer than ${DEFAULT_SHORT_GROUP_THRESHOLD} weeks are provisional. The choice is kept in the page's link.`,
  },
  {
    title: 'Funnel plots',
    rule: 'Each point is a unit (a consultant or a specialty) against the size of its denominator (expected sessions, or held sessions). The funnel lines are the 95% and 99.8% limits around the overall value: smaller units vary more by chance, so their limits are wider. Where units vary more than chance alone explains (over-dispersion), the limits are widened to match, so that large units are not all flagged. A point outside the 99.8% limits is unlikely to be chance; it is a question to ask, not a verdict.',
  },
];
