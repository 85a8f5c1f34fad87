/** The write plan's charts drawn as SVG from the same specs and cells the native charts use. */
import type { ChartSpec, PlanSheet } from '../core';
import { resolveRange } from '../xlsx/chartXml';

const W = 420;
const H = 260;
const PALETTE = ['#1565C0', '#2E7D32', '#F9A825', '#C62828', '#757575', '#6A1B9A'];

const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
const label = (v: unknown) => (v === null || v === undefined ? '' : String(v));

function Legend({ names, colors, x, y }: { names: string[]; colors: string[]; x: number; y: number }) {
  return (
    <g>
      {names.map((n, i) => (
        <g key={n + i} transform={`translate(${x},${y + i * 16})`}>
          <rect width="10" height="10" fill={colors[i % colors.length]} />
          <text x="14" y="9" fontSize="10">
            {n}
          </text>
        </g>
      ))}
    </g>
  );
}

function Ring({ spec, sheet }: { spec: ChartSpec; sheet: PlanSheet }) {
  const cats = resolveRange(sheet, spec.categories).map(label);
  const values = resolveRange(sheet, spec.series[0]!.values).map(num);
  const colors = spec.pointColors ?? PALETTE;
  const total = values.reduce((a, b) => a + b, 0) || 1;
  const [cx, cy, r, inner] = [130, 140, 95, spec.type === 'doughnut' ? 48 : 0];
  let angle = -Math.PI / 2;
  const arcs = values.map((v, i) => {
    const start = angle;
    const sweep = (v / total) * Math.PI * 2;
    angle += sweep;
    if (v === 0) return null;
    const end = start + Math.min(sweep, Math.PI * 2 - 1e-6);
    const large = sweep > Math.PI ? 1 : 0;
    const p = (rad: number, rr: number) => `${cx + rr * Math.cos(rad)},${cy + rr * Math.sin(rad)}`;
    const d = `M${p(start, r)} A${r},${r} 0 ${large} 1 ${p(end, r)} L${p(end, inner)} A${inner},${inner} 0 ${large} 0 ${p(start, inner)} Z`;
    const mid = start + sweep / 2;
    return (
      <g key={i}>
        <path d={d} fill={colors[i % colors.length]} />
        <text
          x={cx + ((r + inner) / 2) * Math.cos(mid)}
          y={cy + ((r + inner) / 2) * Math.sin(mid) + 4}
          fontSize="11"
          textAnchor="middle"
          fill="#fff"
        >
          <tspan x={cx + ((r + inner) / 2) * Math.cos(mid)}>{v}</tspan>
          {spec.showShares ? (
            <tspan x={cx + ((r + inner) / 2) * Math.cos(mid)} dy="12">
              {`${Math.round((v / total) * 100)}%`}
            </tspan>
          ) : null}
        </text>
      </g>
    );
  });
  return (
    <>
      {arcs}
      <Legend names={cats} colors={[...colors]} x={250} y={70} />
    </>
  );
}

function Bars({ spec, sheet }: { spec: ChartSpec; sheet: PlanSheet }) {
  const cats = resolveRange(sheet, spec.categories).map(label);
  const series = spec.series.map((s) => ({
    name: s.name,
    color: s.color,
    values: resolveRange(sheet, s.values).map(num),
  }));
  const colors = series.map((s, i) => s.color ?? PALETTE[i % PALETTE.length]!);
  const stacked = spec.type === 'barStacked';
  const totals = cats.map((_, i) => series.reduce((n, s) => n + (s.values[i] ?? 0), 0));
  const max = Math.max(1, ...(stacked ? totals : series.flatMap((s) => s.values)));
  const plot = { x: stacked ? 80 : 30, y: 36, w: 280 - (stacked ? 60 : 0), h: 190 };
  if (stacked) {
    const band = plot.h / Math.max(1, cats.length);
    return (
      <>
        {cats.map((c, i) => {
          let x = plot.x;
          return (
            <g key={c + i}>
              <text x={plot.x - 4} y={plot.y + band * i + band / 2 + 4} fontSize="10" textAnchor="end">
                {c}
              </text>
              {series.map((s, j) => {
                const w = ((s.values[i] ?? 0) / max) * plot.w;
                const rect = (
                  <rect
                    key={j}
                    x={x}
                    y={plot.y + band * i + 2}
                    width={w}
                    height={band - 4}
                    fill={colors[j]}
                  />
                );
                x += w;
                return rect;
              })}
            </g>
          );
        })}
        <Legend names={series.map((s) => s.name)} colors={colors} x={plot.x + plot.w + 14} y={plot.y} />
      </>
    );
  }
  const group = plot.w / Math.max(1, cats.length);
  const bar = (group - 8) / Math.max(1, series.length);
  return (
    <>
      {cats.map((c, i) => (
        <g key={c + i}>
          {series.map((s, j) => {
            const h = ((s.values[i] ?? 0) / max) * plot.h;
            return (
              <rect
                key={j}
                x={plot.x + group * i + 4 + bar * j}
                y={plot.y + plot.h - h}
                width={bar}
                height={h}
                fill={colors[j]}
              />
            );
          })}
          <text x={plot.x + group * i + group / 2} y={plot.y + plot.h + 14} fontSize="10" textAnchor="middle">
            {c}
          </text>
        </g>
      ))}
      <Legend names={series.map((s) => s.name)} colors={colors} x={plot.x + plot.w + 14} y={plot.y} />
    </>
  );
}

function Line({ spec, sheet }: { spec: ChartSpec; sheet: PlanSheet }) {
  const cats = resolveRange(sheet, spec.categories).map(label);
  const values = resolveRange(sheet, spec.series[0]!.values).map(num);
  const percent = spec.valueFormat?.includes('%');
  const lo = spec.valueAxis?.min ?? Math.min(...values) * 0.9;
  const hi = spec.valueAxis?.max ?? (Math.max(...values) * 1.05 || 1);
  const plot = { x: 50, y: 36, w: 340, h: 180 };
  const px = (i: number) => plot.x + (cats.length <= 1 ? plot.w / 2 : (plot.w * i) / (cats.length - 1));
  const py = (v: number) => plot.y + plot.h - ((v - lo) / (hi - lo || 1)) * plot.h;
  const color = spec.series[0]!.color ?? PALETTE[0]!;
  return (
    <>
      <polyline
        fill="none"
        stroke={color}
        strokeWidth="2.5"
        points={values.map((v, i) => `${px(i)},${py(v)}`).join(' ')}
      />
      {values.map((v, i) => (
        <g key={i}>
          <circle cx={px(i)} cy={py(v)} r="4" fill={color} />
          <text x={px(i)} y={py(v) - 8} fontSize="10" textAnchor="middle">
            {percent ? `${(v * 100).toFixed(1)}%` : v}
          </text>
          <text x={px(i)} y={plot.y + plot.h + 16} fontSize="10" textAnchor="middle">
            {cats[i]}
          </text>
        </g>
      ))}
    </>
  );
}

export function ChartSvg({ spec, sheet }: { spec: ChartSpec; sheet: PlanSheet }) {
  return (
    <figure style={{ margin: '8px 0', border: '1px solid #ccc', background: '#fff', width: W }}>
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img" aria-label={spec.title}>
        <text x={W / 2} y="20" fontSize="13" fontWeight="bold" textAnchor="middle">
          {spec.title}
        </text>
        {spec.type === 'doughnut' || spec.type === 'pie' ? (
          <Ring spec={spec} sheet={sheet} />
        ) : spec.type === 'line' ? (
          <Line spec={spec} sheet={sheet} />
        ) : (
          <Bars spec={spec} sheet={sheet} />
        )}
      </svg>
    </figure>
  );
}
