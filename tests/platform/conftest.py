"""The platform tests' personas and small UN-OIC framework (tests/world/platform.py)."""

from tests.world.platform import (  # noqa: F401 - fixtures
    activity,
    alice,
    area,
    biennium,
    bob,
    framework,
    ipchr,
    ohchr,
)
