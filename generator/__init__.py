"""Recovery Log: your notes about job rejections, turned into a calm site for you and a mentor."""

__version__ = "0.1.0"
