"""What the log says: per-entry facts derived once, then the pure reports every page reads."""
