"""libsmbstrat: strategy frameworks for small and medium businesses."""
