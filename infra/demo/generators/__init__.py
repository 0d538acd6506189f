"""Demo data generators: one module per business area, each a function of a seeded rng, the size and
the ids of the areas it builds on, creating everything through the domain services."""

from infra.demo.generators.areas import AREA_TITLES, AREAS, TenantPlan, generate_area, planned_units

__all__ = ["AREAS", "AREA_TITLES", "TenantPlan", "generate_area", "planned_units"]
