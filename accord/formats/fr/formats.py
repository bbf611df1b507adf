"""French: Django's formats (15 juin 2020, 15/06/2020, 1 234,5), the time after a comma."""

DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "d/m/Y, H:i"
