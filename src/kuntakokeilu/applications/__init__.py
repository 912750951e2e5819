"""Application rounds, applications, screening against the boundary conditions and selection (R-APP)."""
