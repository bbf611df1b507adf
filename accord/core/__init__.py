"""Shared pieces of Accord's data model: the abstract base model (timestamps, soft
delete, optimistic-locking version), its managers, and the errors services raise."""
