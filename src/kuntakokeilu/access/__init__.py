"""Who may do what (R-X-1, R-X-6): roles scoped to places over time, the one catalogue of actions,
sign-in and the staff pages of area managers and admins."""
