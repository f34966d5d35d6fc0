/** The tearsheet's only stylesheet, inlined: system fonts, no web fonts or images, a print layout for A4/Letter. */
export const TEARSHEET_CSS = `
:root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --soft: #f9fafb; --pos: #15803d; --neg: #b91c1c;
  --accent: #1d4ed8; }
* { box-sizing: border-box; }
body { margin: 0; background: #f3f4f6; color: var(--ink);
  font: 14px/1.45 -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif; }
main { max-width: 1000px; margin: 24px auto; background: #fff; padding: 28px 32px 20px;
  border-radius: 10px; box-shadow: 0 1px 3px rgba(0,0,0,.08); }
header.top { display: flex; flex-wrap: wrap; align-items: flex-end; justify-content: space-between; gap: 12px;
  border-bottom: 2px solid var(--ink); padding-bottom: 14px; }
header.top h1 { margin: 0; font-size: 30px; letter-spacing: -.5px; }
header.top .sub { color: var(--muted); font-size: 13px; }
.price { text-align: right; }
.price .close { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; font-size: 12px; font-weight: 700;
  text-transform: uppercase; letter-spacing: .5px; vertical-align: middle; margin-left: 10px; border: 1px solid; }
.badge.up { color: var(--pos); background: #dcfce7; }
.badge.down { color: var(--neg); background: #fee2e2; }
.badge.sideways { color: #92400e; background: #fef3c7; }
.kpis { display: grid; grid-template-columns: repeat(6, 1fr); gap: 10px; margin: 18px 0 8px; }
.kpi { background: var(--soft); border: 1px solid var(--line); border-radius: 8px; padding: 8px 10px; }
.kpi .label { color: var(--muted); font-size: 11px; text-transform: uppercase; letter-spacing: .4px; }
.kpi .value { font-size: 20px; font-weight: 700; font-variant-numeric: tabular-nums; }
.kpi .bench { color: var(--muted); font-size: 11px; }
h2 { font-size: 16px; margin: 22px 0 8px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 13px; margin: 10px 0 4px; color: var(--muted); text-transform: uppercase; letter-spacing: .4px; }
.columns { display: grid; grid-template-columns: 3fr 2fr; gap: 28px; }
table.data { width: 100%; border-collapse: collapse; font-size: 13px; }
table.data th, table.data td { padding: 4px 6px; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
table.data thead th { font-size: 12px; color: var(--muted); border-bottom: 1px solid var(--ink); }
table.data th[scope=row] { font-weight: 500; }
table.data tr.sub th, table.data tr.sub td { color: var(--muted); font-size: 12px; padding-top: 0; }
.num { text-align: right !important; font-variant-numeric: tabular-nums; white-space: nowrap; }
.pos { color: var(--pos); }
.neg { color: var(--neg); }
.muted { color: var(--muted); }
figure.chart { margin: 14px 0; border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
figure.chart svg { display: block; width: 100%; height: auto; }
figure.chart.missing { padding: 16px; color: var(--muted); }
.ratio-groups { display: grid; grid-template-columns: repeat(2, 1fr); gap: 4px 28px; }
.source, .note, .empty { color: var(--muted); font-size: 12px; }
ul.gaps, ul.notes { font-size: 12px; color: var(--muted); margin: 6px 0; padding-left: 18px; overflow-wrap: anywhere; }
ul.gaps { columns: 2; }
footer { margin-top: 24px; padding-top: 8px; border-top: 1px solid var(--line); color: var(--muted); font-size: 11px; }
@media (max-width: 760px) {
  main { padding: 16px; margin: 0; border-radius: 0; }
  .kpis { grid-template-columns: repeat(3, 1fr); }
  .columns, .ratio-groups { grid-template-columns: 1fr; }
}
@page { size: A4; margin: 12mm; }
@media print {
  body { background: #fff; font-size: 10pt; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  main { max-width: none; margin: 0; padding: 0; box-shadow: none; border-radius: 0; }
  section, figure.chart, table.data tr, .kpis { break-inside: avoid; }
  h2 { break-after: avoid; }
  figure.chart { border: none; }
}
`;
