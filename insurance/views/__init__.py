"""Views, one module per area: plans, and (as they land) calculator, checklists, wizard."""
