"""The dashboard's one style sheet, inlined in the page (nothing is fetched).

System CJK fonts first; figures in tabular digits; a layout that goes from two columns
(chart and table) to one on a narrow screen, and prints on A4 with the sections whole.
"""

from __future__ import annotations

CSS = """
:root{--ink:#1d2733;--muted:#5b6675;--line:#d9dee5;--panel:#f4f6f9;--primary:#2b5c8a}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;color:var(--ink);background:#fff;font:15px/1.55 "Noto Sans CJK SC",
"Source Han Sans SC","PingFang SC","Microsoft YaHei",sans-serif}
main{max-width:1200px;margin:0 auto;padding:36px 28px 56px}
header{border-bottom:3px solid var(--ink);padding-bottom:14px;margin-bottom:22px}
.kicker{margin:0 0 4px;color:var(--muted);font-size:14px;letter-spacing:.04em}
h1{margin:0;font-size:30px;line-height:1.25}
h2{font-size:22px;margin:0 0 10px;padding-top:14px;border-top:1px solid var(--line)}
h3{font-size:16px;margin:22px 0 6px}
.en{color:var(--muted);font-weight:400;margin-left:.45em;font-size:.82em}
h1 .en{font-size:.62em}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(230px,1fr));gap:12px}
.kpi{background:var(--panel);border-left:4px solid var(--primary);padding:10px 14px 12px}
.kpi .label{display:block;font-size:13px;color:var(--muted)}
.kpi .label .en{margin-left:.3em}
.kpi b{display:block;font-size:28px;line-height:1.2;font-variant-numeric:tabular-nums;margin:2px 0}
.kpi .sub{display:block;font-size:12px;color:var(--muted)}
nav{margin:22px 0 8px}
nav ol{display:flex;flex-wrap:wrap;gap:6px 22px;margin:0;padding:0;list-style:none;
font-size:14px;counter-reset:toc}
nav li{counter-increment:toc}
nav li::before{content:counter(toc) ". ";color:var(--muted)}
a{color:var(--primary)}
section{margin-top:34px}
.lead,.formula{color:var(--muted);font-size:14px;margin:0 0 8px}
.formula{font-style:italic}
.none{background:var(--panel);padding:12px 16px;color:var(--muted)}
.legend{display:flex;flex-wrap:wrap;gap:4px 18px;margin:6px 0 4px;padding:0;list-style:none;
font-size:12px}
.legend li{display:flex;align-items:center;gap:6px}
.legend svg{display:inline-block}
.legend .en{margin-left:0}
.pair{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);gap:12px 32px;
align-items:start;margin:4px 0 14px}
.pair.stacked{grid-template-columns:minmax(0,1fr)}
.multiples{display:grid;grid-template-columns:repeat(auto-fill,minmax(250px,1fr));gap:8px 22px}
figure{margin:0}
figure.mini figcaption{font-size:13px;font-weight:600}
figcaption.axis{font-size:12px;color:var(--muted)}
svg{display:block;max-width:100%;height:auto;overflow:visible}
svg text{font-family:inherit;font-size:12px;fill:var(--ink)}
svg text.small{font-size:11px;fill:var(--muted)}
svg text.value{font-size:11px;font-variant-numeric:tabular-nums}
table{border-collapse:collapse;width:100%;font-size:13px}
caption{text-align:left;font-weight:600;padding:0 0 6px;font-size:13px}
caption .en{font-size:1em}
th,td{padding:4px 8px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
thead th{border-bottom:2px solid var(--ink);font-weight:600;vertical-align:bottom}
thead tr.groups th{border-bottom:1px solid var(--line);text-align:center}
th .en,td .en{display:block;margin-left:0;font-size:11px}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tbody tr:nth-child(even){background:#fafbfc}
.file{word-break:break-all;font-size:12px;color:var(--muted)}
.reason{white-space:pre-line}
table.unreadable td:first-child{width:38%}
code{font-size:12px;background:var(--panel);padding:1px 4px;word-break:break-all}
table.wide{font-size:12px}
table.rules td,table.worst td{vertical-align:middle}
table.rules td:first-child{white-space:nowrap;font-weight:600}
table.rules td:nth-child(2) .en{display:inline;margin-left:.5em}
table.rules td:nth-child(3) .en{display:inline;margin-left:.3em}
table.rules td:nth-child(3){white-space:nowrap;font-size:12px}
table.rules svg,table.worst svg{width:200px}
table.worst svg{width:160px}
table.agencies td{padding:6px 8px}
table.agencies svg{margin:2px 0}
table.compact td,table.compact th{padding:2px 8px}
.series{display:block;font-size:12px;font-variant-numeric:tabular-nums;white-space:nowrap}
td .sub,td .note{display:block;font-size:11px;color:var(--muted)}
dl.stats{display:flex;flex-wrap:wrap;gap:4px 28px;margin:4px 0 10px}
dl.stats div,dl.stats dt,dl.stats dd{margin:0}
dl.stats dt{font-size:12px;color:var(--muted)}
dl.stats dt .en{margin-left:.3em}
dl.stats dd{font-size:18px;font-weight:600;font-variant-numeric:tabular-nums;margin-right:8px}
footer{margin-top:44px;border-top:1px solid var(--line);padding-top:10px;font-size:12px;
color:var(--muted)}
footer p{margin:2px 0}
.scroll{overflow-x:auto}
.scroll table.rules,.scroll table.agencies{min-width:780px}
.scroll table.worst,.scroll table.wide{min-width:720px}
@media (max-width:860px){.pair{grid-template-columns:minmax(0,1fr)}main{padding:20px 14px}
.kpis{grid-template-columns:repeat(auto-fit,minmax(150px,1fr))}}
@media print{
@page{size:A4;margin:14mm 12mm}
body{font-size:10.5pt}
main{max-width:none;padding:0}
nav{display:none}
.scroll{overflow:visible}
.scroll table.rules,.scroll table.agencies,.scroll table.worst,.scroll table.wide{min-width:0}
.pair,tr,figure,.kpi{break-inside:avoid}
h2,h3{break-after:avoid}
tbody tr:nth-child(even){background:none}
a{color:inherit;text-decoration:none}
}
"""

__all__ = ["CSS"]
