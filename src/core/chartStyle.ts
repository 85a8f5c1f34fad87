/**
 * How a chart spec is drawn, decided once for both shells (the .xlsx chart parts and Office.js):
 * mark colours on the slices of a pie or doughnut, a colour as the fill of a bar and as the line of
 * a line chart, which series show their values and in what number format, the value axis's format.
 */
import { LABEL_FORMAT_NO_ZERO, type ChartSpec } from './writePlan';

export interface SeriesStyle {
  /** Fill of the series' bars. */
  readonly fill?: string;
  /** Colour of the series' line. */
  readonly line?: string;
  /** Per-point fills (pie, doughnut), in category order. */
  readonly pointFills: readonly string[];
  /**
   * Data labels shown on the series, or null for none: the value, and on a doughnut with shares the
   * share too; a zero gets no label (its format leaves it empty, and the .xlsx deletes its label).
   */
  readonly labels: {
    readonly showValue: true;
    readonly showPercentage?: true;
    readonly numberFormat?: string;
    readonly hideZeros?: true;
  } | null;
}

export interface ChartStyle {
  readonly series: readonly SeriesStyle[];
  /** Number format of the value axis; null where the chart has no axes. */
  readonly valueAxisFormat: string | null;
  /** Fixed value-axis bounds (a rate runs 0–100 %), or null for automatic. */
  readonly valueAxisBounds: { readonly min: number; readonly max: number } | null;
}

export const DEFAULT_LINE_COLOR = '#1565C0';

export function chartStyle(spec: ChartSpec): ChartStyle {
  switch (spec.type) {
    case 'doughnut':
    case 'pie':
      return {
        series: spec.series.map(() => ({
          pointFills: spec.pointColors ?? [],
          labels: { showValue: true, hideZeros: true, ...(spec.showShares ? { showPercentage: true } : {}) },
        })),
        valueAxisFormat: null,
        valueAxisBounds: null,
      };
    case 'barStacked':
    case 'columnClustered': {
      const stacked = spec.type === 'barStacked';
      return {
        series: spec.series.map((s) => ({
          ...(s.color ? { fill: s.color } : {}),
          pointFills: [],
          labels: stacked ? { showValue: true, numberFormat: LABEL_FORMAT_NO_ZERO, hideZeros: true } : null,
        })),
        valueAxisFormat: spec.valueFormat ?? 'General',
        valueAxisBounds: spec.valueAxis ?? null,
      };
    }
    case 'line':
      return {
        series: spec.series.map((s) => ({
          line: s.color ?? DEFAULT_LINE_COLOR,
          pointFills: [],
          labels: { showValue: true, ...(spec.valueFormat === '0%' ? { numberFormat: '0.0%' } : {}) },
        })),
        valueAxisFormat: spec.valueFormat ?? 'General',
        valueAxisBounds: spec.valueAxis ?? null,
      };
  }
}
