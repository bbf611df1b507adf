"""Accord: the cooperation between the United Nations and a regional organization."""
