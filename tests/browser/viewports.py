"""The two widths every browser test looks at: a common phone and a laptop."""

MOBILE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}
WIDTHS = (MOBILE, DESKTOP)
