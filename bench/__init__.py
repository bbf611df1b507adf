"""Benchmarks that print figures (never timed assertions). Run them all: python -m bench"""
