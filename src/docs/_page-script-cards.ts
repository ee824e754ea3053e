// The part of the HTML reference's script that completes the page from its
// data block (see html.ts): the example response of each card, collapsed with
// its copy button; each card's type line; the rows of the retry guidance
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
  function exampleBox(id, pieces) {
    var box = el('div', 'example'), details = el('details'), pre = el('pre'), button = el('button', 'copy', t.copy);
    details.appendChild(el('summary', '', chromeText(t.exampleResponseIn, { dialect: data.dialects[0] })));
    pre.id = 'ex:' + id;
    pre.appendChild(el('code', '', exampleText(pieces, id)));
    details.appendChild(pre);
    button.type = 'button';
    button.setAttribute('data-copy', pre.id);
    button.setAttribute('aria-label', t.copyExample);
    box.appendChild(details);
    box.appendChild(button);
    return box;
  }
  // The example and the type line go after the card's text, before its wire facts and links.
  function completeCard(card, id, pieces) {
    var before = card.firstElementChild;
    while (before && !(before.classList.contains('meta') || before.tagName === 'UL')) before = before.nextElementSibling;
    if (pieces) card.insertBefore(exampleBox(id, pieces), before);
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
    if (card && card.tagName === 'ARTICLE') completeCard(card, rows[c][0], data.examples[0][c]);
  }
  buildGuide();
`;
