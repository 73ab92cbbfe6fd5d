"""Time expression normalisation (rules for news first, dateparser on NER spans for the rest)."""
