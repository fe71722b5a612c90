# Django's own Spanish formats, written here so the rules' Spanish dates without Django
# (insurance.rules.text.spanish_date) and the site's can be compared in one place.
DATE_FORMAT = r"j \d\e F \d\e Y"
YEAR_MONTH_FORMAT = r"F \d\e Y"
MONTH_DAY_FORMAT = r"j \d\e F"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = r"j \d\e F \d\e Y \a \l\a\s H:i"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
