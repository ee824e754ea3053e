// The change log of the HTML reference (`errata docs --changelog`): the
// Changes section (a release each, its breaking changes first), its link in
// the sidebar, the history badges of each entry and their style. Each part is
// empty when the reference was built without a history, so the page is then
// byte for byte the page without this file. All text is escaped.

import {
  type ChangeBadge,
  type ChangelogChange,
  changelogIntro,
  changeSite,
  releaseMeta,
} from './changelog.js';
import { fillChrome } from './chrome.js';
import { escapeHtml as h } from './escape.js';
import type { DocEntry, DocReference } from './reference.js';

/** The style of the section and the badges, in the page's palette (so its contrast checks hold). */
const CHANGES_STYLE = `
.badge.hist{text-decoration:none}
.hist.added{color:var(--yes)}.hist.changed{color:var(--accent)}.hist.breaking{color:var(--s5)}.hist.dep{color:var(--dep)}
.release{border-top:1px solid var(--line);padding:.5rem 0 .25rem;scroll-margin-top:4.5rem}
.release:target,.release:focus{outline:2px solid var(--accent);outline-offset:2px}
.release h3{margin:.25rem 0;font-size:1.0625rem}
.release .meta{margin:0 0 .5rem}
.changes{margin:.25rem 0 .75rem;padding-left:1.25rem}
.changes li{margin:.2rem 0;overflow-wrap:anywhere}
.changes .why{color:var(--muted);font-size:.875rem}
.kind{font-weight:600;margin:.5rem 0 0}
#errata\\:changes-section{content-visibility:auto;contain-intrinsic-size:auto 40rem}
@media (max-width:60rem){.release{scroll-margin-top:.5rem}}
`;

/** The style to add to the page: none without a change log. */
export function changesStyle(ref: DocReference): string {
  return ref.changelog ? CHANGES_STYLE : '';
}

/** The sidebar's link to the Changes section: none without a change log. */
export function changesNavItem(ref: DocReference): string {
  return ref.changelog
    ? `<li><a class="nav" href="#errata:changes" data-section="errata:changes-section"><span>${h(ref.chrome.changes)}</span></a></li>`
    : '';
}

const badge = (kind: string, text: string, b: ChangeBadge) =>
  b.anchor === undefined
    ? `<span class="badge hist ${kind}">${h(text)}</span>`
    : `<a class="badge hist ${kind}" href="#${h(b.anchor)}">${h(text)}</a>`;

/** An entry's history badges (added in, changed in, deprecated in), each linking to its release. */
export function historyBadgesHtml(ref: DocReference, e: DocEntry): string {
  const badges = ref.changelog?.badges.get(e.id);
  if (badges === undefined) return '';
  const c = ref.chrome;
  // `added in 1.1.0` as a badge: `Added in 1.1.0`.
  const text = (template: string, release: string) => {
    const t = fillChrome(template, { release });
    return t.charAt(0).toLocaleUpperCase(ref.locale) + t.slice(1);
  };
  const out: string[] = [];
  if (badges.added) out.push(badge('added', text(c.addedIn, badges.added.label), badges.added));
  if (badges.changed)
    out.push(
      badge(
        badges.changed.breaking ? 'changed breaking' : 'changed',
        `${text(c.changedIn, badges.changed.label)}${badges.changed.breaking ? ` ${c.breaking}` : ''}`,
        badges.changed,
      ),
    );
  if (badges.deprecated)
    out.push(badge('dep', text(c.deprecatedIn, badges.deprecated.label), badges.deprecated));
  return out.join('');
}

function changeItem(ref: DocReference, c: ChangelogChange): string {
  const site = changeSite(c);
  const where =
    c.id !== null && Object.hasOwn(ref.model.errors, c.id)
      ? `<a href="#${h(c.id)}"><code>${h(site)}</code></a>`
      : `<code>${h(site)}</code>`;
  return `<li>${where}: ${h(c.message)} <span class="why">— ${h(c.reason)}</span></li>`;
}

/** The Changes section, as lines of the page: none without a change log. */
export function changesSectionHtml(ref: DocReference): string[] {
  const log = ref.changelog;
  if (log === undefined) return [];
  const out = [
    `<section id="errata:changes-section" aria-labelledby="errata:changes"><h2 id="errata:changes">${h(ref.chrome.changes)}</h2><p>${h(changelogIntro(log))}</p>`,
  ];
  const c = ref.chrome;
  if (log.releases.length === 0) out.push(`<p>${h(c.noHistoryChange)}</p>`);
  for (const r of log.releases) {
    const meta = releaseMeta(r);
    const parts = [
      `<div class="release" id="${h(r.anchor)}" tabindex="-1"><h3>${h(r.label)}</h3>`,
      meta ? `<p class="meta">${h(meta)}</p>` : '',
    ];
    if (r.changes.length === 0) parts.push(`<p>${h(c.noContractChange)}</p>`);
    if (r.breaking.length > 0)
      parts.push(
        `<p class="kind">${h(c.breakingChanges)}</p><ul class="changes breaking">${r.breaking.map((c) => changeItem(ref, c)).join('')}</ul>`,
      );
    if (r.other.length > 0)
      parts.push(
        `<p class="kind">${h(r.breaking.length > 0 ? c.otherChanges : c.changes)}</p><ul class="changes">${r.other
          .map((c) => changeItem(ref, c))
          .join('')}</ul>`,
      );
    parts.push('</div>');
    out.push(parts.join(''));
  }
  out.push('</section>');
  return out;
}
