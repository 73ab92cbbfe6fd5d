"""A learned candidate generator for the event coder (issue 17, recall): proposes (sentence, source country,
target country, CAMEO root) candidates from the actor mentions the coder resolves in a sentence."""
