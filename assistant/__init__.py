"""Strategy Coach: a digital-strategy coaching assistant for SMEs."""

__version__ = "0.1.0"
