"""Arabic: Django's dates (15 يونيو، 2020) and separators (12.500,5), with what Django's
Arabic locale leaves out: the date-and-time formats, so that no English month or "a.m."
shows on an Arabic page, and the grouping of thousands (Django's gives none)."""

DATETIME_FORMAT = "j F، Y، H:i"
SHORT_DATETIME_FORMAT = "d‏/m‏/Y، H:i"
TIME_FORMAT = "H:i"
NUMBER_GROUPING = 3
