"""The REST API (R-INT-3): DRF views that call the apps' queries and rules, with the catalogue's
permissions."""
