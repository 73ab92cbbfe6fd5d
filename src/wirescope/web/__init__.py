"""Dashboard assets served by the API (built into static/ by scripts/build_web.sh)."""
