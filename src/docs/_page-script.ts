// The script of the HTML reference page: a constant (the catalog reaches it
// only as JSON data), so the Content-Security-Policy allows exactly this script
// by its hash. Search and filters (kept in the address, so a filtered view can
// be linked), deep links that clear the filters hiding their target, the
// sidebar's counts and the section in view, the drawer on phones, copy
// buttons, the theme, and examples opened for printing.

export const PAGE_SCRIPT = `(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($('errata:data').textContent);
  var rows = data.entries;
  var search = $('errata:q'), category = $('errata:category'), statusClass = $('errata:class'), retry = $('errata:retry');
  var count = $('errata:count'), empty = $('errata:empty');
  var entries = [], guide = [], index = [];
  for (var i = 0; i < rows.length; i++) {
    entries.push($(rows[i][0]));
    guide.push($('retry:' + rows[i][0]));
    index.push($('idx:' + rows[i][0]));
  }
  var sections = document.querySelectorAll('section[data-category]');
  var navCounts = document.querySelectorAll('[data-count]');
  var filters = [['q', search], ['category', category], ['class', statusClass], ['retry', retry]];

  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    var wantCategory = category.value, wantClass = statusClass.value, wantRetry = retry.value, shown = 0, seen = {};
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var ok = (wantCategory === '' || String(row[2]) === wantCategory) &&
        (wantClass === '' || String(row[3]) === wantClass) &&
        (wantRetry === '' || ['no', 'yes', 'unstated'][row[4]] === wantRetry);
      for (var t = 0; ok && t < terms.length; t++) if (row[1].indexOf(terms[t]) === -1) ok = false;
      if (entries[i] && entries[i].hidden === ok) entries[i].hidden = !ok;
      if (guide[i] && guide[i].hidden === ok) guide[i].hidden = !ok;
      if (index[i] && index[i].hidden === ok) index[i].hidden = !ok;
      if (ok) { shown++; seen[row[2]] = (seen[row[2]] || 0) + 1; }
    }
    for (var k = 0; k < sections.length; k++)
      sections[k].hidden = !seen[sections[k].getAttribute('data-category')];
    for (var n = 0; n < navCounts.length; n++) {
      var c = navCounts[n].getAttribute('data-count');
      navCounts[n].textContent = String(c === 'all' ? shown : seen[c] || 0);
    }
    count.textContent = shown + ' of ' + rows.length + (rows.length === 1 ? ' error' : ' errors');
    empty.hidden = shown !== 0;
  }

  // The filters live in the query string, so a filtered view can be shared; the fragment stays the entry's id.
  function save() {
    var params = new URLSearchParams();
    for (var i = 0; i < filters.length; i++) if (filters[i][1].value !== '') params.set(filters[i][0], filters[i][1].value);
    var query = params.toString();
    try { history.replaceState(null, '', (query ? '?' + query : location.pathname) + location.hash); } catch (e) { /* file: pages may refuse */ }
  }
  function load() {
    var params = new URLSearchParams(location.search);
    for (var i = 0; i < filters.length; i++) {
      var value = params.get(filters[i][0]);
      if (value === null) continue;
      var el = filters[i][1];
      if (el.tagName === 'SELECT' && !el.querySelector('option[value="' + CSS.escape(value) + '"]')) continue;
      el.value = value;
    }
  }
  function changed() { apply(); save(); }
  search.addEventListener('input', changed);
  category.addEventListener('change', changed);
  statusClass.addEventListener('change', changed);
  retry.addEventListener('change', changed);

  function clearFilters() {
    for (var i = 0; i < filters.length; i++) filters[i][1].value = '';
    changed();
  }
  function reveal() {
    var id;
    try { id = decodeURIComponent(location.hash.slice(1)); } catch (e) { return; }
    var target = id ? $(id) : null;
    if (!target) return;
    var hidden = false;
    for (var el = target; el; el = el.parentElement) if (el.hidden) hidden = true;
    if (hidden) clearFilters();
    if (!(target.classList.contains('entry') || target.classList.contains('added'))) return;
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  }
  window.addEventListener('hashchange', reveal);

  // The sidebar: the section in view is marked; on a phone it is a drawer.
  var links = document.querySelectorAll('a.nav[data-section]'), current = null;
  function mark(id) {
    if (id === current) return;
    current = id;
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute('data-section') === id) links[i].setAttribute('aria-current', 'true');
      else links[i].removeAttribute('aria-current');
    }
  }
  var tracked = [];
  for (var l = 0; l < links.length; l++) {
    var section = $(links[l].getAttribute('data-section'));
    if (section) tracked.push(section);
  }
  function inView() {
    // The last section that starts above a line 30% down the window; at the very bottom, the last section.
    var line = window.innerHeight * 0.3, best = null;
    var bottom = window.scrollY > 0 && window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 2;
    for (var i = 0; i < tracked.length; i++) {
      if (tracked[i].hidden) continue;
      if (bottom || tracked[i].getBoundingClientRect().top <= line) best = tracked[i].id;
    }
    mark(best || (tracked[0] && tracked[0].id));
  }
  var queued = false;
  window.addEventListener('scroll', function () {
    if (queued) return;
    queued = true;
    requestAnimationFrame(function () { queued = false; inView(); });
  }, { passive: true });
  var menu = $('errata:menu'), scrim = $('errata:scrim');
  function drawer(open) {
    document.body.classList.toggle('nav-open', open);
    menu.setAttribute('aria-expanded', String(open));
    if (open) { var first = document.querySelector('.sidebar a'); if (first) first.focus(); }
  }
  menu.addEventListener('click', function () { drawer(!document.body.classList.contains('nav-open')); });
  scrim.addEventListener('click', function () { drawer(false); menu.focus(); });
  $('errata:nav').addEventListener('click', function (event) {
    if (event.target.closest && event.target.closest('a')) drawer(false);
  });

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
    } else if (event.key === 'Escape' && document.body.classList.contains('nav-open')) {
      drawer(false);
      menu.focus();
    } else if (event.key === 'Escape' && document.activeElement === search && search.value !== '') {
      search.value = '';
      changed();
    }
  });

  // Printing shows every example; they close again afterwards.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = [].slice.call(document.querySelectorAll('details:not([open])'));
    for (var i = 0; i < opened.length; i++) opened[i].open = true;
  });
  window.addEventListener('afterprint', function () {
    for (var i = 0; i < opened.length; i++) opened[i].open = false;
    opened = [];
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

  load();
  apply();
  reveal();
  inView();
})();`;
