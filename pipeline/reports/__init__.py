"""Reports: the analysis tables (Parquet, DuckDB) and what analysts open."""
