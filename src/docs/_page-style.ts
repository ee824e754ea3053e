// The fixed parts of the HTML reference page: its style sheet and its script.
// Both are constants (the catalog reaches the script only as JSON data), so the
// Content-Security-Policy can allow exactly this script by its hash.

export const PAGE_STYLE = `
:root{--bg:#ffffff;--fg:#1f2328;--muted:#59636e;--line:#d1d9e0;--card:#f6f8fa;--code:#eff2f5;--accent:#0969da;--yes:#1a7f37;--no:#59636e;--s4:#9a6700;--s5:#cf222e;--dep:#bc4c00;--mark:#fff8c5;color-scheme:light}
@media (prefers-color-scheme:dark){:root:not([data-theme=light]){--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--code:#1f2630;--accent:#4493f8;--yes:#3fb950;--no:#9198a1;--s4:#d29922;--s5:#f85149;--dep:#db6d28;--mark:#3b2e00;color-scheme:dark}}
:root[data-theme=dark]{--bg:#0d1117;--fg:#e6edf3;--muted:#9198a1;--line:#3d444d;--card:#151b23;--code:#1f2630;--accent:#4493f8;--yes:#3fb950;--no:#9198a1;--s4:#d29922;--s5:#f85149;--dep:#db6d28;--mark:#3b2e00;color-scheme:dark}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;background:var(--bg);color:var(--fg);font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
a{color:var(--accent)}
h1,h2,h3,p,td,th,li,label,output{overflow-wrap:anywhere}
code,pre{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875em}
code{background:var(--code);padding:.1em .3em;border-radius:4px;overflow-wrap:anywhere}
pre{background:var(--code);padding:.75rem;border-radius:6px;overflow-x:auto;margin:0}
pre code{background:none;padding:0}
.wrap{max-width:64rem;margin:0 auto;padding:0 1rem}
.skip{position:absolute;left:-999px;top:0}
.skip:focus{left:1rem;z-index:10;background:var(--bg);padding:.5rem}
header{padding:1.5rem 0 .5rem}
header h1{margin:0 0 .5rem;font-size:1.75rem;line-height:1.25}
.meta{color:var(--muted);font-size:.875rem}
.note{border-left:4px solid var(--s4);padding:.25rem .75rem;background:var(--card)}
.controls{position:sticky;top:0;z-index:5;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0}
.controls .wrap{display:flex;flex-wrap:wrap;gap:.5rem;align-items:end}
.controls label{display:flex;flex-direction:column;font-size:.75rem;color:var(--muted);gap:.15rem;min-width:0;max-width:100%}
.controls select{max-width:min(100%,20rem)}
.controls .grow{flex:1 1 14rem}
input,select,button{font:inherit;font-size:.9375rem;color:var(--fg);background:var(--bg);border:1px solid var(--line);border-radius:6px;padding:.4rem .5rem;min-height:2.25rem}
button{cursor:pointer;background:var(--card)}
:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
output{font-size:.875rem;color:var(--muted);padding:.4rem 0}
h2{margin:2rem 0 .75rem;font-size:1.375rem;border-bottom:1px solid var(--line);padding-bottom:.25rem}
.entry{border:1px solid var(--line);border-radius:8px;padding:.75rem 1rem;margin:0 0 1rem;scroll-margin-top:9rem}
.entry:target,.entry:focus{outline:2px solid var(--accent);outline-offset:2px}
tr.added{scroll-margin-top:9rem}
tr.added:target,tr.added:focus{outline:2px solid var(--accent);outline-offset:-2px}
.entry h3{margin:0;font-size:1.0625rem;display:flex;flex-wrap:wrap;gap:.5rem;align-items:baseline}
.entry h3 .id{color:var(--muted);font-weight:normal;font-size:.875rem}
.anchor{text-decoration:none;color:var(--muted)}
.badges{display:flex;flex-wrap:wrap;gap:.35rem;margin:.5rem 0}
.badge{font-size:.75rem;border:1px solid currentColor;border-radius:999px;padding:0 .5rem;white-space:nowrap}
.s4{color:var(--s4)}.s5{color:var(--s5)}.yes{color:var(--yes)}.no{color:var(--no)}.dep{color:var(--dep)}
.text{white-space:pre-line;overflow-wrap:anywhere}
.deprecated{border-left:4px solid var(--dep);padding:.25rem .75rem;background:var(--card)}
.example{margin:.75rem 0 0}
.example-head{display:flex;justify-content:space-between;align-items:center;margin-bottom:.25rem;font-size:.875rem;color:var(--muted)}
.copy{font-size:.8125rem;padding:.2rem .6rem;min-height:2rem}
.scroll{overflow-x:auto}
table{border-collapse:collapse;width:100%;font-size:.875rem;margin:.5rem 0}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--card)}
.offscreen{position:fixed;left:-9999px;top:0}
footer{color:var(--muted);font-size:.8125rem;padding:2rem 0}
[hidden]{display:none!important}
@media (max-width:40rem){body{font-size:15px}.controls{position:static}.entry{padding:.6rem .7rem;scroll-margin-top:.5rem}.controls label{flex:1 1 45%}header h1{font-size:1.4rem}}
`;

export const PAGE_SCRIPT = `(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($('errata:data').textContent);
  var rows = data.entries;
  var search = $('errata:q'), category = $('errata:category'), statusClass = $('errata:class'), retry = $('errata:retry');
  var count = $('errata:count'), empty = $('errata:empty');
  var entries = [], guide = [];
  for (var i = 0; i < rows.length; i++) {
    entries.push($(rows[i][0]));
    guide.push($('retry:' + rows[i][0]));
  }
  var sections = document.querySelectorAll('section[data-category]');

  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wantCategory = category.value, wantClass = statusClass.value, wantRetry = retry.value, shown = 0, seen = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (wantCategory === '' || String(row[2]) === wantCategory) &&
        (wantClass === '' || String(row[3]) === wantClass) &&
        (wantRetry === '' || ['no', 'yes', 'unstated'][row[4]] === wantRetry);
      for (var t = 0; ok && t < terms.length; t++) if (row[1].indexOf(terms[t]) === -1) ok = false;
      if (entries[i]) entries[i].hidden = !ok;
      if (guide[i]) guide[i].hidden = !ok;
      if (ok) { shown++; seen[row[2]] = true; }
    }
    for (var k = 0; k < sections.length; k++)
      sections[k].hidden = !seen[sections[k].getAttribute('data-category')];
    count.textContent = shown + ' of ' + rows.length + (rows.length === 1 ? ' error' : ' errors');
    empty.hidden = shown !== 0;
  }
  search.addEventListener('input', apply);
  category.addEventListener('change', apply);
  statusClass.addEventListener('change', apply);
  retry.addEventListener('change', apply);

  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var entry = id ? $(id) : null;
    if (!entry || !(entry.classList.contains('entry') || entry.classList.contains('added'))) return;
    if (entry.hidden) { search.value = ''; category.value = ''; statusClass.value = ''; retry.value = ''; apply(); }
    entry.scrollIntoView();
    entry.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', reveal);

  function copied(button, ok) {
    button.textContent = ok ? 'Copied' : 'Copy failed';
    setTimeout(function () { button.textContent = 'Copy'; }, 1500);
  }
  function fallbackCopy(button, text) {
    var area = document.createElement('textarea');
    area.value = text;
    area.setAttribute('readonly', '');
    area.className = 'offscreen';
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try { ok = document.execCommand('copy'); } catch (e) { ok = false; }
    document.body.removeChild(area);
    button.focus();
    copied(button, ok);
  }
  document.addEventListener('click', function (event) {
    var button = event.target && event.target.closest ? event.target.closest('button[data-copy]') : null;
    if (!button) return;
    var text = $(button.getAttribute('data-copy')).textContent;
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { copied(button, true); }, function () { fallbackCopy(button, text); });
    } else fallbackCopy(button, text);
  });

  document.addEventListener('keydown', function (event) {
    var tag = document.activeElement ? document.activeElement.tagName : '';
    if (event.key === '/' && !event.ctrlKey && !event.metaKey && !/^(INPUT|SELECT|TEXTAREA)$/.test(tag)) {
      event.preventDefault();
      search.focus();
    } else if (event.key === 'Escape' && document.activeElement === search && search.value !== '') {
      search.value = '';
      apply();
    }
  });

  var themes = ['auto', 'light', 'dark'], themeButton = $('errata:theme'), theme = 'auto';
  function setTheme(name) {
    theme = name;
    if (name === 'auto') document.documentElement.removeAttribute('data-theme');
    else document.documentElement.setAttribute('data-theme', name);
    themeButton.textContent = 'Theme: ' + name;
    try { localStorage.setItem('errata-theme', name); } catch (e) { /* storage may be unavailable */ }
  }
  try { theme = localStorage.getItem('errata-theme') || 'auto'; } catch (e) { theme = 'auto'; }
  if (themes.indexOf(theme) === -1) theme = 'auto';
  setTheme(theme);
  themeButton.addEventListener('click', function () {
    setTheme(themes[(themes.indexOf(theme) + 1) % themes.length]);
  });

  apply();
  reveal();
})();`;
