"""Event coding: actor coding, PETRARCH pattern matching, modality and the coding engine."""
