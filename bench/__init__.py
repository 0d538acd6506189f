"""Benchmarks: measurements printed as ratios against a baseline run alongside, never limits in tests."""
