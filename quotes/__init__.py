"""quotes: find quotations in news articles, who said them, and in what role."""

__version__ = "0.1.0"
