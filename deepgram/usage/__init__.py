"""High-volume usage scraping: the request-log query, its paging strategy and exports."""
