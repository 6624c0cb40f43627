"""Cross-cutting web concerns: layout, shared Inertia props, access rules, error pages."""
