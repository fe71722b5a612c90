# British-style dates for the English edition ("1 October 2026", "October 2026"): the
# glossary's choice (docs/glossary-en.md), unambiguous for readers from anywhere. Short
# dates stay day/month/year, as on the Peruvian papers the reader will hold.
DATE_FORMAT = "j F Y"
YEAR_MONTH_FORMAT = "F Y"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
