"""Geoparsing helpers: name normalisation, gazetteer building and toponym resolution."""
