"""Accord's date and number formats per language (settings.FORMAT_MODULE_PATH), over
Django's own: what a module here leaves out, Django's locale gives. One way per
language: English as the United Nations writes it (15 June 2020, day before month
everywhere, 24-hour time), French as Django has it (15 juin 2020), Arabic with its
month names also in the date-and-time formats, which Django's Arabic locale lacks
(they fell back to the English "N j, Y, P")."""
