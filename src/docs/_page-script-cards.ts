// The part of the HTML reference's script that completes the page from its
// data block (see html.ts): the example response of each card, collapsed with
// its copy button (a tab per dialect when the page has several); each card's type line; the rows of the retry guidance
// table. A long page sends each of these once, as data, instead of in every
// card. Everything is built with DOM calls and text, never markup. It runs
// inside PAGE_SCRIPT, where `$`, `data` and `rows` are defined.

export const CARDS_SCRIPT = `
  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }
  // A packed example: numbers name runs of lines the examples share; data.mark stands for the id.
  function exampleText(pieces, id) {
    var out = [];
    for (var p = 0; p < pieces.length; p++) out.push(typeof pieces[p] === 'number' ? data.shared[pieces[p]] : pieces[p]);
    var text = out.join('\\n');
    return data.mark === null ? text : text.split(data.mark).join(id);
  }
  // With several dialects, a tab each (role tablist/tab/tabpanel, arrow keys); the reader's
  // choice holds for every card and is remembered (localStorage).
  var many = data.dialects.length > 1, choice = 0, tabSets = [];
  try { choice = Math.max(0, data.dialects.indexOf(localStorage.getItem('errata-dialect'))); } catch (e) { choice = 0; }
  function showDialect(set, d) {
    for (var i = 0; i < set.panels.length; i++) {
      set.panels[i].hidden = i !== d;
      if (!set.tabs[i]) continue;
      set.tabs[i].setAttribute('aria-selected', String(i === d));
      set.tabs[i].tabIndex = i === d ? 0 : -1;
    }
    set.button.setAttribute('data-copy', set.panels[d].id);
  }
  function chooseDialect(d) {
    choice = d;
    try { localStorage.setItem('errata-dialect', data.dialects[d]); } catch (e) { /* storage may be unavailable */ }
    for (var i = 0; i < tabSets.length; i++) showDialect(tabSets[i], d);
  }
  function exampleBox(id, c) {
    var box = el('div', 'example'), details = el('details'), button = el('button', 'copy', t.copy);
    var label = chromeText(t.exampleResponseIn, { dialect: data.dialects.join(', ') });
    var set = { tabs: [], panels: [], button: button }, list = null;
    details.appendChild(el('summary', '', label));
    if (many) {
      list = details.appendChild(el('div', 'tabs'));
      list.setAttribute('role', 'tablist');
      list.setAttribute('aria-label', label);
      list.errataTabs = set;
    }
    for (var d = 0; d < data.dialects.length; d++) {
      var pre = el('pre');
      pre.id = d === 0 ? 'ex:' + id : 'ex:' + id + ':' + data.dialects[d];
      pre.appendChild(el('code', '', exampleText(data.examples[d][c], id)));
      if (many) {
        var tab = list.appendChild(el('button', 'tab', data.dialects[d]));
        tab.type = 'button';
        tab.id = 'tab:' + id + ':' + data.dialects[d];
        tab.setAttribute('role', 'tab');
        tab.setAttribute('aria-controls', pre.id);
        tab.setAttribute('data-dialect', String(d));
        pre.setAttribute('role', 'tabpanel');
        pre.setAttribute('aria-labelledby', tab.id);
        pre.tabIndex = 0;
        set.tabs.push(tab);
      }
      set.panels.push(details.appendChild(pre));
    }
    button.type = 'button';
    button.setAttribute('aria-label', t.copyExample);
    showDialect(set, many ? choice : 0);
    if (many) tabSets.push(set);
    box.appendChild(details);
    box.appendChild(button);
    return box;
  }
  if (many) {
    document.addEventListener('click', function (event) {
      var tab = event.target && event.target.closest ? event.target.closest('[role=tab][data-dialect]') : null;
      if (tab) chooseDialect(Number(tab.getAttribute('data-dialect')));
    });
    document.addEventListener('keydown', function (event) {
      var tab = event.target && event.target.closest ? event.target.closest('[role=tab][data-dialect]') : null;
      if (!tab) return;
      var n = data.dialects.length, d = Number(tab.getAttribute('data-dialect'));
      var next = { ArrowRight: (d + 1) % n, ArrowLeft: (d + n - 1) % n, Home: 0, End: n - 1 }[event.key];
      if (next === undefined) return;
      event.preventDefault();
      chooseDialect(next);
      tab.parentElement.errataTabs.tabs[next].focus();
    });
  }
  // The example and the type line go after the card's text, before its wire facts and links.
  function completeCard(card, id, c) {
    var before = card.firstElementChild;
    while (before && !(before.classList.contains('meta') || before.tagName === 'UL')) before = before.nextElementSibling;
    if (data.examples[0][c]) card.insertBefore(exampleBox(id, c), before);
    if (data.type !== null) {
      var line = el('p', 'meta', t.type);
      line.appendChild(el('code', '', data.type + id));
      card.insertBefore(line, before);
    }
  }
  // The retry guidance: a row per card (code, status, advice), in groups like the index's.
  function buildGuide() {
    var table = document.querySelector('table.guide'), body = null, n = 0;
    if (!table) return;
    for (var i = 0; i < rows.length; i++) {
      var row = rows[i];
      if (row.length < 6) continue;
      if (n % data.chunk === 0) body = table.appendChild(el('tbody'));
      n++;
      var tr = el('tr'), cell = el('td'), link = el('a', '', row[6] === undefined ? row[0] : row[6]);
      tr.id = 'retry:' + row[0];
      link.href = '#' + row[0];
      cell.appendChild(link);
      tr.appendChild(cell);
      tr.appendChild(el('td', '', String(row[4])));
      tr.appendChild(el('td', '', data.retry[row[5]]));
      body.appendChild(tr);
    }
  }
  for (var c = 0; c < rows.length; c++) {
    var card = $(rows[c][0]);
    if (card && card.tagName === 'ARTICLE') completeCard(card, rows[c][0], c);
  }
  buildGuide();
`;
