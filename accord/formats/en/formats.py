"""English dates as the United Nations writes them: 15 June 2020 (not June 15, 2020 or
06/15/2020); numbers keep Django's 1,234.5."""

DATE_FORMAT = "j F Y"
DATETIME_FORMAT = "j F Y, H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "j F"
SHORT_DATE_FORMAT = "j M Y"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
