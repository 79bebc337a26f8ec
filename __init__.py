"""plankg: a knowledge graph of Chinese science-literacy implementation plans."""

__version__ = "0.1.0"
