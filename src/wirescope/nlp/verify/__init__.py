"""The learned verifier of coded events: features of each candidate event (``features``) and the calibrated
model that turns them into the probability that the event matches the real-news gold (``model``)."""
