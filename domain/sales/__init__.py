"""Sales: leads, pipelines with ordered stages, deals, quotes and sales orders."""
