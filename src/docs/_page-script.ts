// The script of the HTML reference page: a constant (the catalog reaches it
// only as JSON data), so the Content-Security-Policy allows exactly this script
// by its hash. Search and filters (kept in the address, so a filtered view can
// be linked), deep links that clear the filters hiding their target, the
// sidebar's counts and the section in view, the drawer on phones, copy
// buttons, the theme, and examples opened for printing.

import { CHROME_FILL_SCRIPT, LOCALE_SCRIPT } from './_html-locale.js';
import { CARDS_SCRIPT } from './_page-script-cards.js';

export const PAGE_SCRIPT = `(function () {
  'use strict';
  var $ = function (id) { return document.getElementById(id); };
  var data = JSON.parse($('errata:data').textContent);
  // The page's words the script writes, in the page's language (see _html-locale.ts).
  var t = data.chrome;
  ${CHROME_FILL_SCRIPT}
  var rows = data.entries;
  var search = $('errata:q'), category = $('errata:category'), statusClass = $('errata:class'), retry = $('errata:retry');
  var count = $('errata:count'), empty = $('errata:empty');
  // What the filters show or hide: each entry's card (or row), its index row and its retry row.
  // Cards and rows sit in groups (a .chunk, a tbody) that the browser skips while off screen;
  // a group with nothing shown is hidden, and its --n (the number shown) sizes it meanwhile.
  var entries = [], items = [], groups = [], groupOf = new Map();
  function track(el, row) {
    if (!el) return;
    var parent = el.parentElement, g = -1;
    if (parent && (parent.classList.contains('chunk') || parent.parentElement.classList.contains('rows'))) {
      g = groupOf.get(parent);
      if (g === undefined) { g = groups.length; groupOf.set(parent, g); groups.push({ el: parent, n: -1 }); }
    }
    items.push({ el: el, row: row, group: g, shown: !el.hidden });
  }
  // The cards' examples and type lines, and the retry guidance rows, first: the filters track them.
  ${CARDS_SCRIPT}
  for (var i = 0; i < rows.length; i++) {
    entries.push($(rows[i][0]));
    track(entries[i], i);
    track($('retry:' + rows[i][0]), i);
    track($('idx:' + rows[i][0]), i);
  }
  var sections = document.querySelectorAll('section[data-category]');
  var navCounts = document.querySelectorAll('[data-count]');
  var filters = [['q', search], ['category', category], ['class', statusClass], ['retry', retry]];

  // The text search looks through: what each card (or row) shows, but its example and type
  // line, and its category's name; read from the page once, when first needed.
  var texts = null;
  function textOf(el) {
    var out = [];
    for (var c = el.firstElementChild; c; c = c.nextElementSibling)
      if (!c.classList.contains('example') && !c.classList.contains('meta')) out.push(c.textContent);
    return out.join(' ');
  }
  function buildTexts() {
    texts = [];
    for (var i = 0; i < rows.length; i++) {
      var option = category.querySelector('option[value="' + rows[i][1] + '"]');
      texts.push(entries[i] ? (textOf(entries[i]) + ' ' + (option ? option.textContent : '')).toLowerCase() : '');
    }
  }

  function setText(node, text) { if (node.textContent !== text) node.textContent = text; }
  function apply() {
    var terms = search.value.toLowerCase().split(/\\s+/).filter(Boolean);
    if (terms.length > 0 && texts === null) buildTexts();
    var wantCategory = category.value, wantClass = statusClass.value, wantRetry = retry.value, shown = 0, seen = {};
    var ok = [];
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      var yes = (wantCategory === '' || String(row[1]) === wantCategory) &&
        (wantClass === '' || String(row[2]) === wantClass) &&
        (wantRetry === '' || ['no', 'yes', 'unstated'][row[3]] === wantRetry);
      for (var t = 0; yes && t < terms.length; t++) if (texts[i].indexOf(terms[t]) === -1) yes = false;
      ok.push(yes);
      if (yes) { shown++; seen[row[1]] = (seen[row[1]] || 0) + 1; }
    }
    var counts = new Array(groups.length).fill(0);
    for (var k = 0; k < items.length; k++) {
      var item = items[k], show = ok[item.row];
      if (item.shown !== show) { item.shown = show; item.el.hidden = !show; }
      if (show && item.group >= 0) counts[item.group]++;
    }
    for (var g = 0; g < groups.length; g++) {
      var group = groups[g];
      if (group.n === counts[g]) continue;
      group.n = counts[g];
      group.el.hidden = group.n === 0;
      group.el.style.setProperty('--n', String(group.n));
    }
    // Written only when they change: the same text set again still lays the page out again.
    for (var s = 0; s < sections.length; s++) {
      var none = !seen[sections[s].getAttribute('data-category')];
      if (sections[s].hidden !== none) sections[s].hidden = none;
    }
    for (var n = 0; n < navCounts.length; n++) {
      var c = navCounts[n].getAttribute('data-count');
      setText(navCounts[n], String(c === 'all' ? shown : seen[c] || 0));
    }
    setText(count, chromeCount(shown, rows.length));
    if (empty.hidden !== (shown !== 0)) empty.hidden = shown !== 0;
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
  function changed() { clearTimeout(pending); pending = 0; apply(); save(); }
  // Typing saves the address once it pauses: a new address makes the browser resolve every
  // link of the page again, too slow to do on each keystroke of a long page.
  var pending = 0;
  function flush() { if (pending) { clearTimeout(pending); pending = 0; save(); } }
  search.addEventListener('input', function () {
    apply();
    clearTimeout(pending);
    pending = setTimeout(flush, 400);
  });
  window.addEventListener('pagehide', flush);
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
    if (!target.hasAttribute('tabindex')) target.tabIndex = -1;
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
    button.textContent = ok ? t.copied : t.copyFailed;
    setTimeout(function () { button.textContent = t.copy; }, 1500);
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
    themeButton.textContent = chromeText(t.theme, { name: t[name] || name });
    try { localStorage.setItem('errata-theme', name); } catch (e) { /* storage may be unavailable */ }
  }
  try { theme = localStorage.getItem('errata-theme') || 'auto'; } catch (e) { theme = 'auto'; }
  if (themes.indexOf(theme) === -1) theme = 'auto';
  setTheme(theme);
  themeButton.addEventListener('click', function () {
    setTheme(themes[(themes.indexOf(theme) + 1) % themes.length]);
  });

  ${LOCALE_SCRIPT}
  load();
  apply();
  reveal();
  inView();
})();`;
