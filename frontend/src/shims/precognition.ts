/**
 * Stands in for "laravel-precognition" in the browser bundle (vite.config.ts).
 *
 * Precognition is Laravel's live-validation protocol: a form sends a `Precognition: true`
 * request and the server validates without acting. Django (inertia-django) has no such
 * endpoint, so Vodarr's forms never call `withPrecognition()`; yet @inertiajs/react imports
 * the library (with its own copy of axios's helpers) at the top of its module, for every page.
 * @inertiajs/react calls these three names only on a form that called `withPrecognition()`,
 * so here they fail loudly instead.
 */

function unsupported(): never {
  throw new Error("Precognition (live validation) is not supported: Django has no such endpoint.");
}

export const createValidator = unsupported;
export const resolveName = unsupported;
export const toSimpleValidationErrors = unsupported;
