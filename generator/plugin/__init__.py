"""The MkDocs adapter: the only part of Recovery Log that imports MkDocs.

It hands MkDocs the pages the core renders (`plugin.RecoveryLogPlugin`), keeps unchanged pages
between `serve` rebuilds (`page_cache`, `search`) and declares the plugin's options for MkDocs
(`options`). Everything it shows comes from `generator.site`; no page logic lives here.
"""
