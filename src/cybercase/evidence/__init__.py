"""Evidence: ingest (sniff, hash, metadata, store), extract, verify."""
