"""From files to validated entries: YAML with positions, the field declarations, the loader."""
