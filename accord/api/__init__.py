"""The REST API at ``/api/v1/`` (django-ninja) and the personal API tokens it reads.

A top-level app like ``accord.web``: it asks the permissions module and writes through the
services; no other app imports it. See docs/api.md.
"""
