import { defineCheck } from '../define-check.js';

/** The route the request matched declares the error it answered. */
export const routeDeclared = defineCheck({
  name: 'route-declared',
  severity: 'error',
  description: "The route's declared errors include the one answered (when routes are given).",
  options: { implicit: [] as string[] },
  *check({ route, entry, catalog, implicit, options }) {
    if (route === undefined || entry === undefined || entry.catalog !== catalog) return;
    if (route.errors.has(entry.id) || implicit.has(entry.id) || options.implicit.includes(entry.id)) return;
    const declared = [...route.errors];
    yield `${route.key} does not declare ${entry.id} (it declares ${declared.length ? declared.join(', ') : 'none'})`;
  },
});
