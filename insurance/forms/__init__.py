"""Forms, one module per area: the calculator (``calculator``: contributions; ``estimators``:
waiting period and latency, on the shared ``fields`` and ``query``), checklists, wizard.

Forms turn raw query-string input into the rules' input values and carry the Spanish
messages shown beside each field; the views only bind them, call the rules and render.
"""
