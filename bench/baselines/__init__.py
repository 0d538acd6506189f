"""What each pair measures Concord against: the same work written by hand with the bare libraries."""
