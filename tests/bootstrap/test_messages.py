"""The bootstrap's refusals of a file it cannot find or read are in the user's language."""

from __future__ import annotations

import pytest
from django.utils import translation

from accord.documents.services import BootstrapError, resolution_import


def test_a_missing_file_is_refused_in_the_users_language(db, coordinator, tmp_path):
    missing = tmp_path / "missing.pdf"
    with translation.override("fr"), pytest.raises(BootstrapError, match="fichier introuvable"):
        resolution_import(source=str(missing), user=coordinator)
    with translation.override("ar"), pytest.raises(BootstrapError, match="لا يوجد ملف"):
        resolution_import(source=str(missing), user=coordinator)
