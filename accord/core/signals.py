"""Signals of Accord's own, for what Django sends none of.

``rows_bulk_created(sender=Model, rows=[...])``: rows were inserted in bulk
(``bulk_create`` sends no post_save); whoever derives data from rows (the search
index) listens to it.

``rows_updated(sender=Model)``: rows were changed by ``QuerySet.update()`` or
``bulk_update()`` of an Accord model (which send no post_save); the page cache
(accord/web/cache.py) listens to it.
"""

from django.dispatch import Signal

rows_bulk_created = Signal()
rows_updated = Signal()
