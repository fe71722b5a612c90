"""Forms, one module per area: calculator (contributions, waiting period, latency), checklists.

Forms turn raw query-string input into the rules' input values and carry the Spanish
messages shown beside each field; the views only bind them, call the rules and render.
"""
