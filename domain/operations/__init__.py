"""Logistics and operations: products, warehouses, stock, suppliers, purchasing and shipping."""
