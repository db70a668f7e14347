"""Evaluation harnesses (retrieval quality first)."""
