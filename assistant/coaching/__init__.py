"""Coaching domain: the strategy plan as data (``plan``) and the deterministic SMART checker
(``smart``). Nothing here calls a model or the network."""
