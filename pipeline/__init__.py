"""lzp: gap analysis of party-building and business-work integration in Chinese official documents."""

__version__ = "0.1.0"
