// The style sheet of the HTML reference page: a constant, so the page has no
// external resource. Light and dark palettes (checked for contrast by the
// browser test), a sidebar that is a drawer on phones, print styles, reduced
// motion and forced colours.

export const PAGE_STYLE = `
@property --n{syntax:"<number>";inherits:false;initial-value:25}
:root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--code:#eff2f5;--accent:#0969da;--yes:#1a7f37;--no:#59636e;--s4:#8a5c00;--s5:#cf222e;--dep:#a94400;--mark:#ddf4ff;color-scheme:light}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--code:#1f2630;--accent:#4493f8;--yes:#3fb950;--no:#9198a1;--s4:#d29922;--s5:#f85149;--dep:#db6d28;--mark:#102a4c;color-scheme:dark}}
:root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--code:#1f2630;--accent:#4493f8;--yes:#3fb950;--no:#9198a1;--s4:#d29922;--s5:#f85149;--dep:#db6d28;--mark:#102a4c;color-scheme:dark}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
h1,h2,h3,p,td,th,li,label,output,dd{overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
code{background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
pre{background:var(--code);padding:.75rem;border-radius:6px;overflow-x:auto;margin:0}
pre code{background:none;padding:0}
.layout{display:grid;grid-template-columns:15rem minmax(0,1fr);max-width:82rem;margin:0 auto}
.content{min-width:0;padding:0 1.25rem}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;z-index:30;background:var(--bg);padding:.5rem}
.sidebar{position:sticky;top:0;align-self:start;height:100vh;overflow-y:auto;border-right:1px solid var(--line);padding:1rem .5rem 2rem;font-size:.875rem}
.sidebar .title{font-weight:600;margin:.25rem .5rem .75rem;display:block;color:var(--fg);text-decoration:none}
.sidebar ul{list-style:none;margin:0 0 1rem;padding:0}
.sidebar a.nav{display:flex;justify-content:space-between;gap:.5rem;padding:.3rem .5rem;border-radius:6px;color:var(--fg);text-decoration:none;border-left:3px solid transparent}
.sidebar a.nav:hover{background:var(--card)}
.sidebar a.nav[aria-current=true]{background:var(--mark);border-left-color:var(--accent);font-weight:600}
.sidebar .count{color:var(--muted);font-variant-numeric:tabular-nums}
.sidebar .theme{margin:.5rem}
.sidebar .heading{color:var(--muted);font-size:.75rem;text-transform:uppercase;letter-spacing:.04em;margin:.5rem .5rem .25rem}
.menu{display:none}
.scrim{display:none}
header{padding:1.25rem 0 .5rem;display:flex;flex-wrap:wrap;gap:.25rem 1rem;align-items:baseline}
header h1{margin:0;font-size:1.75rem;line-height:1.25;flex:1 1 20rem}
header .about{flex:1 1 100%;margin:0}
.meta{color:var(--muted);font-size:.875rem}
.note{border-left:4px solid var(--s4);padding:.25rem .75rem;background:var(--card)}
.controls{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0;display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.controls label{display:flex;flex-direction:column;font-size:.75rem;color:var(--muted);gap:.15rem;min-width:0;max-width:100%}
.controls select{max-width:min(100%,20rem)}
.controls .grow{flex:1 1 14rem}
input,select,button{font:inherit;font-size:.9375rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.4rem .5rem;min-height:2.25rem}
button{cursor:pointer;background:var(--card)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
output{font-size:.875rem;color:var(--muted);padding:.4rem 0}
h2{margin:2rem 0 .75rem;font-size:1.375rem;border-bottom:1px solid var(--line);padding-bottom:.25rem;scroll-margin-top:4.5rem}
h2 .count{color:var(--muted);font-weight:normal;font-size:1rem}
section{scroll-margin-top:4.5rem}
#errata\\:added-section{content-visibility:auto;contain-intrinsic-size:auto 60rem}
.rows,.rows thead,.rows tbody{display:block}
.rows tr{display:grid}
.rows th,.rows td{border:0;border-bottom:1px solid var(--line);min-width:0}
.rows td:first-child a{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
.rows tbody{content-visibility:auto;contain-intrinsic-block-size:calc(var(--n,25)*2.125rem)}
.index tr{grid-template-columns:34% 4rem minmax(0,1fr) 6.5rem}
.guide tr{grid-template-columns:34% 4rem minmax(0,1fr)}
.index th{white-space:nowrap}
.index tbody tr{height:2.125rem}
.index td{white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.index td:first-child{overflow-wrap:normal}
.index tr:target,.index tr:focus{outline:2px solid var(--accent)}
.chunk{content-visibility:auto;contain-intrinsic-block-size:calc(var(--n,25)*15rem)}
.entry{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;scroll-margin-top:5rem;content-visibility:auto;contain-intrinsic-size:auto 14rem}
.entry:target,.entry:focus{outline:2px solid var(--accent);outline-offset:2px}
tr.added{scroll-margin-top:5rem}
tr.added:target,tr.added:focus{outline:2px solid var(--accent);outline-offset:-2px}
.entry h3{margin:0;font-size:1.0625rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.entry h3 a{color:inherit;text-decoration:none;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9375em}
.entry h3 a:hover{text-decoration:underline}
.entry h3 .id{color:var(--muted);font-weight:normal;font-size:.875rem}
.summary{display:flex;flex-wrap:wrap;gap:.35rem .5rem;align-items:center;margin:.4rem 0}
.summary .line{flex:1 1 16rem;margin:0}
.anchor{text-decoration:none;color:var(--muted)}
.badge{font-size:.75rem;border:1px solid currentColor;border-radius:999px;padding:0 .5rem;white-space:nowrap}
.s4{color:var(--s4)}.s5{color:var(--s5)}.yes{color:var(--yes)}.no{color:var(--no)}.dep{color:var(--dep)}
.text{white-space:pre-line;overflow-wrap:anywhere}
.deprecated{border-left:4px solid var(--dep);padding:.25rem .75rem;background:var(--card)}
.facts{display:flex;flex-wrap:wrap;gap:.25rem .5rem;margin:.15rem 0 0;padding:0;list-style:none;font-size:.8125rem;color:var(--muted)}
.example{margin:.75rem 0 0;border:1px solid var(--line);border-radius:6px;position:relative}
.example summary{cursor:pointer;padding:.45rem 5rem .45rem .6rem;font-size:.875rem;color:var(--muted)}
.example details[open]>summary{border-bottom:1px solid var(--line)}
.example .copy{position:absolute;right:.3rem;top:.2rem}
.example .tabs{display:flex;flex-wrap:wrap;gap:.25rem;padding:.4rem .6rem 0}
.example .tab{font-size:.8125rem;padding:.15rem .6rem;min-height:2rem;border-radius:6px 6px 0 0}
.example .tab[aria-selected=true]{border-color:var(--accent);color:var(--accent);font-weight:600;background:var(--bg)}
.example pre{border-radius:0 0 6px 6px}
.copy{font-size:.8125rem;padding:.2rem .6rem;min-height:2rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.875rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--card)}
.offscreen{position:fixed;left:-9999px;top:0}
footer{color:var(--muted);font-size:.8125rem;padding:2rem 0}
[hidden]{display:none!important}
@media (max-width:60rem){
.layout{display:block}
.content{padding:0 .75rem}
.sidebar{position:fixed;z-index:20;top:0;left:0;bottom:0;width:min(18rem,85vw);background:var(--bg);transform:translateX(-105%);transition:transform .2s ease;visibility:hidden}
.nav-open .sidebar{transform:none;visibility:visible}
.nav-open .scrim{display:block;position:fixed;inset:0;z-index:15;background:rgba(0,0,0,.4)}
.menu{display:inline-block}
header{padding:.6rem 0 .25rem}
header h1{font-size:1.25rem;flex:1 1 0;min-width:0}
.index th:nth-child(3),.index td:nth-child(3){display:none}
.index tr{grid-template-columns:minmax(0,1fr) 3.5rem 6.25rem}
.guide tr{grid-template-columns:minmax(0,1fr) 3.5rem minmax(0,1fr)}
header .about{display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical;overflow:hidden;font-size:.875rem}
.controls{padding:.4rem 0;position:static}
.entry,tr.added,section,h2{scroll-margin-top:.5rem}
.controls label{flex:1 1 30%}
.controls .grow{flex:1 1 100%}
.entry{padding:.6rem .7rem}
body{font-size:15px}
h2{margin-top:1.25rem}
}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{transition:none!important;animation:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.badge,.sidebar a.nav[aria-current=true]{border:1px solid CanvasText}.sidebar a.nav[aria-current=true]{forced-color-adjust:none;background:Highlight;color:HighlightText}}
@media print{
.sidebar,.controls,.menu,.copy,.scrim,#errata\\:theme,.skip{display:none!important}
.layout{display:block}
body{font-size:10.5pt;background:#fff;color:#000}
a{color:inherit}
.entry{break-inside:avoid;content-visibility:visible;border-color:#999}
.chunk,.rows tbody{content-visibility:visible}
pre{white-space:pre-wrap;border:1px solid #ccc}
}
`;
