"""The event coder's rules, one module per phase (``..registry`` joins them in order)."""
