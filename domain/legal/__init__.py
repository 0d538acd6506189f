"""Legal: contracts with their parties, value and terms, and the obligations they create."""
