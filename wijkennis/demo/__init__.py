"""Fictional demo data: an invented municipality, organisations, people and experience stories."""
