"""Pages from the reports: Jinja2 templates, Markdown helpers, charts, the feed, the stylesheet."""
