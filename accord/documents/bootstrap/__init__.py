"""Set up a framework from a resolution: the bootstrap.

    propose.py    Resolution (parsed)      -> Plan of Proposals (plain data, no writes)
                  (with partner.py, areas.py, meetings.py, dates.py)
    apply.py      Proposal                 -> rows, idempotently, with history
    lineage.py    the framework's series   -> predecessor links, superseded mandates

``accord.documents.services.resolution_import`` runs them in one transaction; the
unsure proposals wait as ``ReviewItem``s (accord/documents/review.py).
"""
