"""Ingest: read input records into Articles and blank scrape noise without moving offsets."""

from tidings.ingest.clean import Boilerplate, clean_text
from tidings.ingest.readers import article_from_record, read_records

__all__ = ["Boilerplate", "article_from_record", "clean_text", "read_records"]
