"""Quotation finding: quote-mark pairing, the cue lexicon, extraction over the parse and speaker resolution."""
