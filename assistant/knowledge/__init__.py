"""The knowledge base: reading, chunking, indexing and searching curated articles."""
