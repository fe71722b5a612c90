"""axe-core in the page, and what a failure says.

axe comes bundled in the axe-playwright-python package (no npm). Only the WCAG 2.0, 2.1
and 2.2 level A and AA rules run: the bar the site promises.
"""

from axe_playwright_python.sync_playwright import Axe

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}

_axe = Axe()


def violations(page) -> list[dict]:
    """axe's violations on the page as it is now."""
    return _axe.run(page, options=OPTIONS).response["violations"]


def report(found: dict[str, list[dict]]) -> str:
    """One block per place (page and width): rule id, impact, help, then each element."""
    lines = []
    for where, items in found.items():
        for violation in items:
            lines.append(
                f"{where}: {violation['id']} ({violation['impact']}): {violation['help']}"
                f" <{violation['helpUrl']}>"
            )
            for node in violation["nodes"]:
                target = " ".join(str(part) for part in node["target"])
                summary = " ".join((node.get("failureSummary") or "").split())
                lines.append(f"    {target}: {summary}")
    return "\n".join(lines)


def assert_no_violations(page, where: str) -> None:
    found = violations(page)
    assert not found, "axe found accessibility violations:\n" + report({where: found})
